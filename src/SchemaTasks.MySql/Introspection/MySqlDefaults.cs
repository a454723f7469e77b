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
    /// <param name="columnDefault">COLUMN_DEFAULT.</param>
    /// <param name="extra">EXTRA.</param>
    /// <param name="isMariaDb">Whether the server is MariaDB.</param>
    /// <param name="columnType">COLUMN_TYPE: MySQL 8 shows a number on a character column bare too, so the type says whether it is a string.</param>
    public static string? Normalise(string? columnDefault, string extra, bool isMariaDb, string columnType = "")
    {
        if (columnDefault is null) return null;
        if (isMariaDb)
        {
            if (columnDefault == "NULL") return null;
            return Bare(columnDefault);
        }

        if (extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase)) return Bare(columnDefault);
        return IsNumeric(columnType) && decimal.TryParse(columnDefault, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? columnDefault
            : "'" + columnDefault.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    // An unknown type (empty) keeps the old reading: a number-like value is a number.
    private static bool IsNumeric(string columnType)
    {
        var name = columnType.Split('(', ' ')[0].ToLowerInvariant();
        return name.Length == 0 || name is "tinyint" or "smallint" or "mediumint" or "int" or "integer" or "bigint" or "decimal" or "numeric" or "float" or "double" or "real" or "bit" or "year";
    }

    // The server writes the niladic functions with parentheses; migrations mostly do not.
    private static string Bare(string expression)
        => expression.Equals("current_timestamp()", StringComparison.OrdinalIgnoreCase) ? "current_timestamp" : expression;
}
