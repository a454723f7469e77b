namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Defaults the server stores in another text than written: TRUE and FALSE and quoted numbers
/// on numeric columns are numbers (a decimal padded to its scale), a number on a character
/// column is a string.
/// </summary>
internal sealed partial class MySqlMigrationGenerator
{
    private string? StoredDefaultShape(Column column)
    {
        var sql = column.Sql.ToLowerInvariant();
        string[] shapes = column.Kind switch
        {
            Kind.Integer when sql.Contains("unsigned", StringComparison.Ordinal) => ["'0'", "' 7'", "TRUE", "false", "'42'"],
            Kind.Integer => ["'0'", "' 7'", "TRUE", "false", "'-3'"],
            Kind.Bool => ["TRUE", "false", "'1'", "'0'"],
            Kind.Text => ["5", "12", "-1"],
            Kind.Other when sql.StartsWith("decimal(", StringComparison.Ordinal) || sql.StartsWith("numeric(", StringComparison.Ordinal) => ["'1.5'", "2", "TRUE", "'-1.25'", "0.5"],
            Kind.Other when sql == "decimal" => ["'3'", "7", "FALSE"],
            _ => [],
        };
        return shapes.Length == 0 ? null : Pick(shapes);
    }
}
