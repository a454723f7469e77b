using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Casts in a PostgreSQL default as the server writes them back (<c>pg_get_expr</c>), where the
/// rule is exact (checked on PostgreSQL 15): a number cast to another type than its own shows
/// the number in parentheses (<c>1::bigint</c> is <c>(1)::bigint</c>; <c>1::int</c> and
/// <c>1.5::numeric</c> stay bare, <c>1.5::numeric(10,2)</c> keeps its cast unparenthesised), a chain of casts from a string of a string type parenthesises
/// each inner cast (<c>'b'::text::r</c> is <c>('b'::text)::r</c>), and <c>to_timestamp(0)</c>
/// shows its argument's cast to <c>double precision</c>. Any other default is kept as written.
/// </summary>
internal static class PostgresDefaultSpellings
{
    // to_timestamp of an unsigned number: the one-argument form takes double precision.
    private static readonly Regex ToTimestampPattern = new(@"^to_timestamp\(([0-9]+(\.[0-9]+)?)\)$", RegexOptions.CultureInvariant);

    // The types whose cast of a number the rule covers; their written spelling is the normalised one.
    private static readonly HashSet<string> NumberTargets = new(StringComparer.Ordinal) { "integer", "bigint", "smallint", "numeric", "real", "double precision", "text" };

    /// <summary>How the server shows the unsigned number <paramref name="number"/> cast to <paramref name="castText"/>, or <see langword="null"/> when the rule does not cover it.</summary>
    public static string? CastNumber(string number, string castText, IdentifierRules rules)
    {
        if (OwnType(number) is not { } own || TypeText(castText, rules) is not { } cast) return null;
        var bare = TypeNames.PostgresCastName(cast);
        if (!NumberTargets.Contains(bare) || (bare != "numeric" && bare != cast)) return null;
        if (cast == own) return own == "bigint" ? null : number; // A bigint constant is shown quoted; left as it was.
        return bare == own ? $"{number}::{cast}" : $"({number})::{cast}"; // 1.5::numeric(10,2) applies only the modifier.
    }

    /// <summary>The default written as the server shows it, or <see langword="null"/> when the rule does not cover it.</summary>
    /// <param name="tightened">The default with PostgreSQL's spacing.</param>
    /// <param name="rules">PostgreSQL's rules.</param>
    public static string? AsStored(string tightened, IdentifierRules rules)
    {
        if (tightened.StartsWith("to_timestamp(", StringComparison.Ordinal))
        {
            var match = ToTimestamp().Match(tightened);
            return match.Success ? $"to_timestamp(({match.Groups[1].Value})::double precision)" : null;
        }

        return tightened.Length > 0 && tightened[0] == '\'' && tightened.IndexOf("::", StringComparison.Ordinal) > 0 ? CastChain(tightened, rules) : null;
    }

    // 'string'::text::t2[::t3 ...]: each cast of a value that is not a constant is parenthesised.
    private static string? CastChain(string tightened, IdentifierRules rules)
    {
        var tokens = new List<SqlToken>(8);
        if (!SqlLexer.LexesCleanly(tightened, rules.Dialect, tokens) || tokens.Count < 5 || tokens[0] is not { Kind: SqlTokenKind.String, PrefixLength: 0 }) return null;
        var casts = new List<string>();
        var start = 2;
        if (!SqlTokenText.IsSymbol(tightened, tokens[1], "::")) return null;
        for (var i = 2; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !SqlTokenText.IsSymbol(tightened, tokens[i], "::")) continue;
            if (i == start || TypeText(tightened[tokens[start].Start..tokens[i - 1].End], rules) is not { } type) return null;
            casts.Add(type);
            start = i + 1;
        }

        // The constant keeps its first cast as written only for a string type; a type cast to itself adds nothing.
        if (casts.Count < 2 || casts[0] is not ("text" or "character varying") || casts.Any(c => c.EndsWith("[]", StringComparison.Ordinal))) return null;
        var shown = new StringBuilder(tightened[..tokens[0].End]).Append("::").Append(casts[0]);
        for (var i = 1; i < casts.Count; i++)
        {
            if (casts[i] == casts[i - 1]) continue;
            shown.Insert(0, '(').Append(")::").Append(casts[i]);
        }

        return shown.ToString();
    }

    // integer when it fits int4, bigint when it fits int8, numeric for a decimal or a larger number.
    private static string? OwnType(string number)
    {
        if (number.Length == 0 || !number.All(c => c is (>= '0' and <= '9') or '.') || number[0] == '.' || number.Count(c => c == '.') > 1) return null;
        if (number.Contains('.', StringComparison.Ordinal)) return "numeric";
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value <= int.MaxValue ? "integer" : "bigint"
            : "numeric";
    }

    private static string? TypeText(string text, IdentifierRules rules)
    {
        try
        {
            var spec = DdlParser.ParseDataType(text, rules);
            return spec.IsSerial || spec.Inline is not null ? null : spec.Text;
        }
        catch (Exception error) when (error is SqlParseException or ArgumentException)
        {
            return null;
        }
    }

    private static Regex ToTimestamp() => ToTimestampPattern;
}
