using System.Text;

namespace SchemaTasks.Sql;

/// <summary>Reads the value a token stands for; only called for the few tokens a statement keeps.</summary>
internal static class SqlTokenText
{
    /// <summary>The token exactly as written.</summary>
    public static string Raw(string source, SqlToken token) => source.Substring(token.Start, token.Length);

    /// <summary>The raw text, shortened for a message.</summary>
    public static string ForMessage(string source, SqlToken token)
    {
        var length = Math.Min(token.Length, 40);
        var text = source.Substring(token.Start, length);
        return length < token.Length ? text + "…" : text;
    }

    /// <summary>The unescaped content of a string literal or quoted identifier.</summary>
    public static string Unquote(string source, SqlToken token)
    {
        if (token.Style == SqlQuoteStyle.Dollar)
        {
            var tag = token.PrefixLength;
            var contentLength = token.Unterminated ? token.Length - tag : token.Length - (2 * tag);
            return contentLength <= 0 ? string.Empty : source.Substring(token.Start + tag, contentLength);
        }

        // PostgreSQL's escaped forms, read as the server reads them (octal, hex and Unicode escapes).
        if (!token.Unterminated && PostgresStringEscapes.IsEscapeString(source, token))
        {
            return PostgresStringEscapes.DecodeEscapeString(source, token, out _);
        }

        if (!token.Unterminated && PostgresStringEscapes.IsUnicodeLiteral(source, token))
        {
            return PostgresStringEscapes.DecodeUnicodeLiteral(source, token, out _);
        }

        var start = token.Start + token.PrefixLength + 1;
        var end = token.Unterminated ? token.End : token.End - 1;
        if (end <= start)
        {
            return string.Empty;
        }

        var quote = source[token.Start + token.PrefixLength];
        var span = source.AsSpan(start, end - start);
        if (span.IndexOf(quote) < 0 && (token.Style != SqlQuoteStyle.Backslash || span.IndexOf('\\') < 0))
        {
            return span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == quote && i + 1 < span.Length && span[i + 1] == quote)
            {
                builder.Append(quote);
                i++;
            }
            else if (c == '\\' && token.Style == SqlQuoteStyle.Backslash && i + 1 < span.Length)
            {
                i++;
                // MySQL keeps the backslash of \% and \_ (so LIKE patterns can use them): 'pct\%' is pct\%.
                if (span[i] is '%' or '_') builder.Append('\\');
                builder.Append(span[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    'b' => '\b',
                    'Z' => '\u001A',
                    var other => other,
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="token"/> is the unquoted word <paramref name="keyword"/> (ASCII, any case).</summary>
    public static bool IsWord(string source, SqlToken token, string keyword)
        => token.Kind == SqlTokenKind.Word
           && token.Length == keyword.Length
           && source.AsSpan(token.Start, token.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="token"/> may be a name: an unquoted word or a quoted identifier.</summary>
    public static bool IsName(SqlToken token) => token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>Whether <paramref name="token"/> is an unquoted word among <paramref name="keywords"/> (<see cref="IsWord"/>).</summary>
    /// <remarks>The lists are kept in static fields by their callers: a params list would be a new array at every call, for every word read.</remarks>
    public static bool IsOneOf(string source, SqlToken token, string[] keywords)
    {
        if (token.Kind != SqlTokenKind.Word) return false;
        foreach (var keyword in keywords)
        {
            if (IsWord(source, token, keyword)) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="token"/> is the one-character symbol <paramref name="symbol"/>.</summary>
    public static bool IsSymbol(string source, SqlToken token, char symbol)
        => token.Length == 1 && token.Kind is SqlTokenKind.Symbol && source[token.Start] == symbol;

    /// <summary>Whether <paramref name="token"/> is the symbol <paramref name="symbol"/> (<c>::</c>, <c>=&gt;</c>).</summary>
    public static bool IsSymbol(string source, SqlToken token, string symbol)
        => token.Kind is SqlTokenKind.Symbol && source.AsSpan(token.Start, token.Length).SequenceEqual(symbol.AsSpan());

    /// <summary>
    /// The index of the <c>)</c> that closes the <c>(</c> at <paramref name="open"/>, looking no
    /// further than <paramref name="end"/>; the last index before <paramref name="end"/> when none does.
    /// </summary>
    public static int ClosingParenthesis(string source, List<SqlToken> tokens, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (IsSymbol(source, tokens[i], '(')) depth++;
            else if (IsSymbol(source, tokens[i], ')') && --depth == 0) return i;
        }

        return end - 1;
    }
}
