using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class StoredDefaults
{
    /// <summary>
    /// MySQL 8 and MariaDB store every spelling of the current time as <c>CURRENT_TIMESTAMP</c>
    /// (<c>NOW()</c>, <c>LOCALTIME</c>, <c>LOCALTIMESTAMP(0)</c> included), and show the precision
    /// only when it is not 0: <c>current_timestamp(3)</c>, but <c>current_timestamp</c> for
    /// <c>CURRENT_TIMESTAMP(0)</c>. The live reader renders them so; this gives the same text.
    /// </summary>
    /// <returns>The stored text, or <see langword="null"/> when the default is not such a call.</returns>
    private static string? MySqlCurrentTimestamp(Shape shape)
    {
        var tokens = shape.Tokens;
        if (tokens.Count == 0 || tokens[0].Kind != SqlTokenKind.Word) return null;
        var name = SqlTokenText.Raw(shape.Source, tokens[0]).ToLowerInvariant();
        if (name is not ("current_timestamp" or "now" or "localtime" or "localtimestamp")) return null;
        if (tokens.Count == 1) return name == "now" ? null : "current_timestamp"; // A bare now is a column name.
        if (!shape.IsSymbol(1, '(') || !shape.IsSymbol(tokens.Count - 1, ')')) return null;
        if (tokens.Count == 3) return "current_timestamp";
        if (tokens.Count != 4 || tokens[2].Kind != SqlTokenKind.Number
            || !int.TryParse(SqlTokenText.Raw(shape.Source, tokens[2]), NumberStyles.None, CultureInfo.InvariantCulture, out var precision))
        {
            return null;
        }

        return precision == 0 ? "current_timestamp" : "current_timestamp(" + precision.ToString(CultureInfo.InvariantCulture) + ")";
    }
}
