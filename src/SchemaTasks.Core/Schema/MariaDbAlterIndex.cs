using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB's <c>ALTER INDEX name [NOT] IGNORED</c> looks the index up in the table as it was
/// before the statement (checked on 10.11): an index the same ALTER TABLE adds, or one the table
/// never had, is refused (error 1176, Key doesn't exist in table). Judged only where the engine
/// knows every index of the table (<see cref="CatalogTable.IndexesKnown"/>).
/// </summary>
internal static class MariaDbAlterIndex
{
    /// <summary>Reports <paramref name="action"/> when the table had no index of its name before <paramref name="statement"/>.</summary>
    /// <param name="catalog">The catalog before the statement.</param>
    /// <param name="table">The table as the statement's earlier actions left it.</param>
    /// <param name="action">The ALTER INDEX.</param>
    /// <param name="statement">The ALTER TABLE.</param>
    /// <param name="context">Where to report.</param>
    public static void ReportMissing(Catalog catalog, CatalogTable table, AlterIndexAction action, AlterTableStatement statement, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || !table.IndexesKnown || context.IsPassedOver(table.Name)) return;
        var before = catalog.Tables.TryGetValue(statement.Name, out var had) ? had : table;
        if (MySqlIndexDropOrder.Had(before, action.Name)) return;
        var added = MySqlIndexDropOrder.Had(table, action.Name);
        context.Error(
            DiagnosticCodes.ConstraintNotFound,
            added
                ? $"ALTER INDEX names {context.Show(action.Name)}, which an earlier action of this ALTER TABLE adds, but MariaDB looks the index up in table {context.Show(table.Name)} as it was before the statement (error 1176, Key '{action.Name}' doesn't exist in table). Alter the index in a later statement, or give the option where the index is added."
                : $"ALTER INDEX names {context.Show(action.Name)}, but table {context.Show(table.Name)} has no index of that name (error 1176, Key '{action.Name}' doesn't exist in table). Fix the name.",
            action.At);
    }
}
