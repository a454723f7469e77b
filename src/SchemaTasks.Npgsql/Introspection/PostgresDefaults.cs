using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Npgsql.Introspection;

/// <summary>
/// Undoes what PostgreSQL adds to a default when it stores it, so the live default reads as the
/// migration wrote it: <c>DEFAULT 'a'</c> on a varchar column is stored as
/// <c>'a'::character varying</c>, and <c>DEFAULT -1</c> as <c>'-1'::integer</c>.
/// </summary>
internal static partial class PostgresDefaults
{
    private static readonly HashSet<string> NumericTypes = new(StringComparer.Ordinal)
    {
        "integer", "bigint", "smallint", "numeric", "real", "double precision",
    };

    /// <summary>The default without the cast to the column's own type; other expressions unchanged.</summary>
    /// <param name="expression">The stored default, or <see langword="null"/>.</param>
    /// <param name="columnType"><c>format_type</c> of the column (or domain base type) under the same search path.</param>
    public static string? Normalise(string? expression, string columnType)
    {
        if (expression is null) return null;

        // An explicit DEFAULT NULL is stored as NULL cast to the column's type; it is no default.
        if (NullCast().IsMatch(expression)) return null;
        var match = CastLiteral().Match(expression);
        if (!match.Success) return expression;
        var type = match.Groups["type"].Value;
        var literal = match.Groups["literal"].Value;
        var content = literal[1..^1];

        // A negative number is shown as a cast string even when the column's type differs:
        // DEFAULT -2 on a numeric column reads back as '-2'::integer.
        if (NumericTypes.Contains(TypeNames.PostgresCastName(type)) && decimal.TryParse(content, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return content;
        }

        if (TypeNames.PostgresCastName(type) != TypeNames.PostgresCastName(columnType))
        {
            return expression; // A cast the migration wrote itself.
        }

        return literal;
    }

    [GeneratedRegex(@"^NULL::[\w\s.""]+(\(\d+(,\d+)?\))?(\[\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex NullCast();

    [GeneratedRegex(@"^(?<literal>'(?:[^']|'')*')::(?<type>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CastLiteral();
}
