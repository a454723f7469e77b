using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// Renders a token range as normalised text: comments dropped, whitespace runs become one
/// space, unquoted words in lower case, strings and identifiers re-quoted canonically. Two
/// spellings of the same expression that differ only in those ways render the same.
/// </summary>
internal static class ExpressionText
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Render(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        if (end - start == 1 && tokens[start].Kind is SqlTokenKind.Number or SqlTokenKind.Symbol or SqlTokenKind.Parameter)
        {
            return source.Substring(tokens[start].Start, tokens[start].Length); // Most defaults are one number.
        }

        // Expressions are rendered one at a time and never from inside another, so one builder per thread serves all.
        var builder = t_builder ??= new StringBuilder(64);
        builder.Clear();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (i > start && token.SpaceBefore) builder.Append(' ');
            switch (token.Kind)
            {
                case SqlTokenKind.Word:
                    builder.Append(source, token.Start, token.Length);
                    for (var j = builder.Length - token.Length; j < builder.Length; j++)
                    {
                        builder[j] = char.ToLowerInvariant(builder[j]);
                    }

                    break;
                case SqlTokenKind.String when token.PrefixLength == 0 || token.Style is SqlQuoteStyle.Dollar or SqlQuoteStyle.Backslash:
                    builder.Append(rules.QuoteString(SqlTokenText.Unquote(source, token)));
                    break;
                case SqlTokenKind.QuotedIdentifier:
                    var name = SqlTokenText.Unquote(source, token);

                    // PostgreSQL's "bit" and "char" are other types than bit and char (bit(1), character(1)): the quotes stay.
                    builder.Append(rules.Dialect == SqlDialect.Postgres && name is "bit" or "char" ? "\"" + name + "\"" : rules.Quote(name));
                    break;
                default:
                    builder.Append(source, token.Start, token.Length);
                    break;
            }
        }

        var text = builder.ToString();
        if (builder.Capacity > 4096) t_builder = null; // A rare long expression does not pin its buffer.
        return text;
    }
}
