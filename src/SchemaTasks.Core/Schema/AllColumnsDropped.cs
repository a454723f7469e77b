using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB refuse an ALTER TABLE that leaves the table without a column (error 1090,
/// ER_CANT_REMOVE_ALL_FIELDS; checked on MariaDB 10.11, also with DROP COLUMN IF EXISTS and
/// whatever order its actions come in); one that adds a column as it drops the others is
/// accepted. PostgreSQL keeps a table with no columns.
/// </summary>
internal static class AllColumnsDropped
{
    /// <summary>Whether the server refuses <paramref name="statement"/>, which left <paramref name="after"/>; reported.</summary>
    public static bool Refuses(CatalogTable after, AlterTableStatement statement, ApplyContext context)
    {
        if (context.IsPostgres || after.ColumnCount > 0) return false;
        var at = statement.Actions.LastOrDefault(a => a is DropColumnAction)?.At ?? statement.At;
        context.Error(
            DiagnosticCodes.AllColumnsDropped,
            $"This ALTER TABLE drops every column of {context.Show(after.Name)}, and the server refuses it (error 1090, You can't delete all columns with ALTER TABLE; use DROP TABLE instead). Drop the table, or keep or add a column in the same statement.",
            at);
        return true;
    }
}
