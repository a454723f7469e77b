using System.Globalization;

namespace SchemaTasks.MySql.Introspection;

/// <summary>
/// Turns <c>COLUMN_DEFAULT</c> into the default text a migration writes. MariaDB stores an SQL
/// expression (<c>'a'</c>, <c>0</c>, <c>current_timestamp()</c>, and the text <c>NULL</c> for
/// "no default" and DEFAULT NULL alike); MySQL 8 stores a literal's bare value and marks
/// expressions with <c>DEFAULT_GENERATED</c> in EXTRA.
/// </summary>
internal static class MySqlDefaults
{
    public static string? Normalise(string? columnDefault, string extra, bool isMariaDb)
    {
        if (columnDefault is null) return null;
        if (isMariaDb)
        {
            if (columnDefault == "NULL") return null;
            return Bare(columnDefault);
        }

        if (extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase)) return Bare(columnDefault);
        return decimal.TryParse(columnDefault, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? columnDefault
            : "'" + columnDefault.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    // The server writes the niladic functions with parentheses; migrations mostly do not.
    private static string Bare(string expression)
        => expression.Equals("current_timestamp()", StringComparison.OrdinalIgnoreCase) ? "current_timestamp" : expression;
}
