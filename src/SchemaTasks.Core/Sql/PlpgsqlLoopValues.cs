using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// The values a PL/pgSQL <c>FOR</c> or <c>FOREACH</c> loop takes when the text alone fixes them,
/// so that the loop can be run once per value: <c>FOREACH x IN ARRAY a</c> where <c>a</c> is an
/// <c>ARRAY[...]</c> or <c>'{...}'</c> of constants, or a variable declared with one and never
/// assigned; <c>FOR i IN [REVERSE] a .. b [BY c]</c> with integer bounds; and
/// <c>FOR x IN SELECT unnest(ARRAY[...])</c>. The body must not assign the loop variable nor leave
/// the loop early. Anything else is not read, and the loop stays one SchemaTasks cannot decide.
/// </summary>
internal static class PlpgsqlLoopValues
{
    /// <summary>The most iterations unrolled in one DO block; a loop beyond it is not decided.</summary>
    public const int MaxIterations = 1000;

    private static readonly string[] TextTypes = ["text", "varchar", "character varying"];
    private static readonly string[] IntegerTypes = ["int", "integer", "int4", "bigint", "int8", "smallint", "int2"];

    /// <summary>
    /// The loop's values in order, or <see langword="null"/> with <paramref name="reason"/> saying
    /// why they are not known (<see langword="null"/> when the loop is not of a form read here).
    /// </summary>
    /// <param name="text">The DO body's text.</param>
    /// <param name="tokens">The DO body's tokens: assignments to the array variable are looked for in all of them.</param>
    /// <param name="loop">The loop.</param>
    /// <param name="declared">The nearest declaration of a variable in scope at the loop, by folded name.</param>
    /// <param name="reason">Why the values are not known, for the message.</param>
    public static IReadOnlyList<string>? Read(string text, List<SqlToken> tokens, PlpgsqlDataDependent loop, Func<string, PlpgsqlDeclaration?> declared, out string? reason)
    {
        reason = null;
        if (loop.Head is not { } head) return null;
        var body = loop.BodyRange;
        if (FindWord(text, tokens, body, "EXIT", "CONTINUE") is { } leaves)
        {
            reason = $"its body has {leaves.ToUpperInvariant()}, so how often it runs is not read";
            return null;
        }

        if (FindWord(text, tokens, body, "DECLARE") is not null || MayAssign(text, tokens, body, head.Variable, skip: null))
        {
            reason = $"its body may assign the loop variable {head.Variable}";
            return null;
        }

        var values = head.Source switch
        {
            PlpgsqlLoopSource.IntegerRange => IntegerRange(text, tokens, head.Range, ref reason),
            PlpgsqlLoopSource.ForEachArray => Typed(text, tokens, head.Variable, ArrayValues(text, tokens, head.Range, declared, ref reason), declared, ref reason),
            _ => Typed(text, tokens, head.Variable, Unnested(text, tokens, head.Range), declared, ref reason),
        };
        if (values is null)
        {
            // A loop over a query or a variable bound is over data: the general message says so.
            if (head.Source == PlpgsqlLoopSource.ForEachArray) reason ??= "the values it loops over are not constants written in the block";
            return null;
        }

        if (values.Count > MaxIterations)
        {
            reason = $"it runs {values.Count} times, more than the {MaxIterations} SchemaTasks unrolls";
            return null;
        }

        return values;
    }

    // FOR i IN [REVERSE] a .. b [BY c]: the lexer may read "1..3" in more than one way, so the text is read.
    private static List<string>? IntegerRange(string text, List<SqlToken> tokens, SqlStatementRange range, ref string? reason)
    {
        var written = text[tokens[range.Start].Start..tokens[range.End - 1].End];
        var match = IntegerRangePattern.Match(written);
        if (!match.Success) return null;
        var reverse = match.Groups["reverse"].Success;
        // The loop variable is an integer (int4): a bound beyond it fails on the server.
        if (!int.TryParse(match.Groups["from"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var low)
            || !int.TryParse(match.Groups["to"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var high))
        {
            return null;
        }

        long from = low, to = high;
        var by = 1;
        if (match.Groups["by"].Success && (!int.TryParse(match.Groups["by"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out by) || by <= 0)) return null;
        long step = by;
        var count = reverse ? (from - to) / step + 1 : (to - from) / step + 1;
        if (count > MaxIterations)
        {
            reason = $"it runs {count} times, more than the {MaxIterations} SchemaTasks unrolls";
            return null;
        }

        var values = new List<string>();
        for (var i = 0L; i < count; i++) values.Add((reverse ? from - (i * step) : from + (i * step)).ToString(CultureInfo.InvariantCulture));
        return values;
    }

    // FOREACH over ARRAY[...], '{...}', or a variable declared with one of those and never assigned.
    private static List<string>? ArrayValues(string text, List<SqlToken> tokens, SqlStatementRange range, Func<string, PlpgsqlDeclaration?> declared, ref string? reason)
    {
        if (range.End - range.Start == 1 && tokens[range.Start].Kind == SqlTokenKind.Word)
        {
            var name = SqlTokenText.Raw(text, tokens[range.Start]).ToLowerInvariant();
            if (declared(name) is not { Initializer: { } initializer } declaration) return null;
            if (MayAssign(text, tokens, new SqlStatementRange(0, tokens.Count), name, skip: declaration.Range))
            {
                reason = $"the block may assign the array variable {name}";
                return null;
            }

            return Array(text, tokens, initializer);
        }

        return Array(text, tokens, range);
    }

    private static List<string>? Array(string text, List<SqlToken> tokens, SqlStatementRange range)
    {
        var end = WithoutTextArrayCast(text, tokens, range);
        if (end < 0) return null;
        if (end - range.Start == 1 && tokens[range.Start].Kind == SqlTokenKind.String)
        {
            var items = PostgresArrayLiteral.TryRead(SqlTokenText.Unquote(text, tokens[range.Start]));
            if (items is null || items.Any(item => item.Value is null || item.Items is not null)) return null;
            return items.Select(item => item.Value!).ToList();
        }

        if (!SqlTokenText.IsWord(text, tokens[range.Start], "ARRAY") || range.Start + 2 >= end || !IsSymbol(text, tokens[range.Start + 1], "[") || !IsSymbol(text, tokens[end - 1], "]")) return null;
        var values = new List<string>();
        var elementStart = range.Start + 2;
        var depth = 0;
        for (var i = elementStart; i < end; i++)
        {
            var token = tokens[i];
            if (IsSymbol(text, token, "(") || IsSymbol(text, token, "[")) depth++;
            else if (depth > 0 && (IsSymbol(text, token, ")") || IsSymbol(text, token, "]"))) depth--;
            else if (depth == 0 && (IsSymbol(text, token, ",") || i == end - 1))
            {
                if (i == elementStart) return null;
                var element = new SqlStatementRange(elementStart, i);
                var value = PlpgsqlConstantText.Evaluate(text, tokens, element).Value;
                if (value is null) return null; // NULL, a nested array, a variable, a function call.
                if (!NumbersAsPrinted(text, tokens, element)) return null;
                values.Add(value.ToString());
                elementStart = i + 1;
            }
        }

        return values;
    }

    // A number is taken as written, which is the server's text only for plain integers and decimals (not 1e3, 0x10, 1_000).
    private static bool NumbersAsPrinted(string text, List<SqlToken> tokens, SqlStatementRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Number && !PlainNumber.IsMatch(SqlTokenText.Raw(text, tokens[i]))) return false;
        }

        return true;
    }

    // The end of an array expression without a trailing ::text[] (or varchar[]); -1 for any other cast, which may change the values' text.
    private static int WithoutTextArrayCast(string text, List<SqlToken> tokens, SqlStatementRange range)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (!IsSymbol(text, tokens[i], "::")) continue;
            var cast = string.Join(' ', tokens.Skip(i + 1).Take(range.End - i - 1).Select(t => SqlTokenText.Raw(text, t).ToLowerInvariant()));
            return cast is "text [ ]" or "varchar [ ]" or "character varying [ ]" ? i : -1;
        }

        return range.End;
    }

    // SELECT unnest(ARRAY[...]) [[AS] name]: one row per element, in order.
    private static List<string>? Unnested(string text, List<SqlToken> tokens, SqlStatementRange range)
    {
        var p = range.Start + 1;
        if (p + 2 >= range.End || !SqlTokenText.IsWord(text, tokens[p], "unnest") || !IsSymbol(text, tokens[p + 1], "(")) return null;
        var open = p + 1;
        var depth = 0;
        var close = -1;
        for (var i = open; i < range.End && close < 0; i++)
        {
            if (IsSymbol(text, tokens[i], "(")) depth++;
            else if (IsSymbol(text, tokens[i], ")") && --depth == 0) close = i;
        }

        if (close < 0) return null;
        var rest = close + 1;
        if (rest < range.End && SqlTokenText.IsWord(text, tokens[rest], "AS")) rest++;
        if (rest < range.End && tokens[rest].Kind == SqlTokenKind.Word && !SqlTokenText.IsWord(text, tokens[rest], "FROM") && !SqlTokenText.IsWord(text, tokens[rest], "WHERE")) rest++;
        return rest == range.End ? Array(text, tokens, new SqlStatementRange(open + 1, close)) : null;
    }

    // The loop variable takes each value as its declared type: text as written, integers only when written as the server prints them.
    private static List<string>? Typed(string text, List<SqlToken> tokens, string variable, List<string>? values, Func<string, PlpgsqlDeclaration?> declared, ref string? reason)
    {
        if (values is null) return null;
        if (declared(variable) is not { } declaration) return null; // The server refuses a loop variable it does not know.
        var typeEnd = declaration.Initializer is { } initializer ? initializer.Start - 1 : declaration.Range.End;
        var type = string.Join(' ', tokens.Skip(declaration.Range.Start + 1).Take(typeEnd - declaration.Range.Start - 1)
            .Select(t => SqlTokenText.Raw(text, t).ToLowerInvariant()).Where(w => w is not ("constant" or "not" or "null")));
        if (TextTypes.Contains(type)) return values;
        if (IntegerTypes.Contains(type) && values.All(v => CanonicalInteger.IsMatch(v))) return values;
        reason = $"the loop variable {variable} is declared {type}, whose values SchemaTasks does not write as the server does";
        return null;
    }

    /// <summary>
    /// Whether a statement in <paramref name="range"/> may assign <paramref name="name"/>:
    /// <c>name :=</c>, <c>name[...] :=</c>, <c>name = ...</c> as a statement, <c>INTO</c>,
    /// <c>GET DIAGNOSTICS</c>, a <c>CALL</c> (INOUT arguments), or a nested loop over it.
    /// Errs towards yes.
    /// </summary>
    private static bool MayAssign(string text, List<SqlToken> tokens, SqlStatementRange range, string name, SqlStatementRange? skip)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (skip is { } s && i >= s.Start && i < s.End) continue;
            var token = tokens[i];
            var folded = token.Kind switch
            {
                SqlTokenKind.Word => SqlTokenText.Raw(text, token).ToLowerInvariant(),
                SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(text, token),
                _ => null,
            };
            if (folded != name) continue;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (i + 1 < tokens.Count && (IsSymbol(text, next, ":=") || IsSymbol(text, next, "["))) return true;
            if (i + 3 < tokens.Count && IsSymbol(text, next, ".") && (IsSymbol(text, tokens[i + 3], ":=") || IsSymbol(text, tokens[i + 3], "="))) return true; // r.field := ...
            if (i + 1 < tokens.Count && IsSymbol(text, next, "=") && StartsStatement(text, tokens, i)) return true;
            for (var j = i - 1; j >= 0 && tokens[j].Kind != SqlTokenKind.Semicolon; j--)
            {
                if (SqlTokenText.IsWord(text, tokens[j], "INTO") || SqlTokenText.IsWord(text, tokens[j], "DIAGNOSTICS") || SqlTokenText.IsWord(text, tokens[j], "CALL")) return true;
                if (j == i - 1 && (SqlTokenText.IsWord(text, tokens[j], "FOR") || SqlTokenText.IsWord(text, tokens[j], "FOREACH"))) return true;
                if (SqlTokenText.IsWord(text, tokens[j], "LOOP") || SqlTokenText.IsWord(text, tokens[j], "THEN") || SqlTokenText.IsWord(text, tokens[j], "BEGIN")) break;
            }
        }

        return false;
    }

    private static bool StartsStatement(string text, List<SqlToken> tokens, int index)
    {
        if (index == 0) return true;
        var previous = tokens[index - 1];
        return previous.Kind == SqlTokenKind.Semicolon
               || SqlTokenText.IsWord(text, previous, "BEGIN") || SqlTokenText.IsWord(text, previous, "LOOP") || SqlTokenText.IsWord(text, previous, "THEN")
               || SqlTokenText.IsWord(text, previous, "ELSE") || SqlTokenText.IsWord(text, previous, "DECLARE");
    }

    private static string? FindWord(string text, List<SqlToken> tokens, SqlStatementRange range, params string[] words)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            foreach (var word in words)
            {
                if (SqlTokenText.IsWord(text, tokens[i], word)) return word;
            }
        }

        return null;
    }

    private static bool IsSymbol(string text, SqlToken token, string symbol)
        => token.Kind == SqlTokenKind.Symbol && text.AsSpan(token.Start, token.Length).SequenceEqual(symbol);

    // Compiled into the .NET Framework task too, which has no regex source generator.
    private static readonly Regex IntegerRangePattern = new(@"^(?<reverse>REVERSE\s+)?(?<from>-?\d+)\s*\.\.\s*(?<to>-?\d+)(\s+BY\s+(?<by>\d+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex PlainNumber = new(@"^(0|[1-9][0-9]*)(\.[0-9]+)?$", RegexOptions.CultureInvariant);

    private static readonly Regex CanonicalInteger = new(@"^(0|-?[1-9][0-9]*)$", RegexOptions.CultureInvariant);
}
