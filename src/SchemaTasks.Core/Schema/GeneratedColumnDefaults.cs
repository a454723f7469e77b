using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL: a generated or identity column has no default of its own to set or drop. The
/// server refuses <c>ALTER COLUMN ... SET DEFAULT</c> and <c>DROP DEFAULT</c> of either (SQLSTATE
/// 42601, checked on PostgreSQL 15); <c>DROP EXPRESSION</c> makes a generated column a plain one,
/// which then takes a default.
/// </summary>
internal static class GeneratedColumnDefaults
{
    /// <summary>Whether SET or DROP DEFAULT of <paramref name="column"/> is refused; reported.</summary>
    public static bool RefusesSetDefault(CatalogTable table, CatalogColumn column, SetDefaultAction action, ApplyContext context)
    {
        if (!context.IsPostgres || (column.GeneratedFrom is null && !column.IsIdentity)) return false;
        var name = context.Show(column.Name);
        var kind = column.IsIdentity ? "an identity column" : "a generated column";
        var fix = column.IsIdentity
            ? $"Drop the identity first (ALTER COLUMN {name} DROP IDENTITY), or leave the default to the identity's sequence"
            : $"Drop the expression first (ALTER COLUMN {name} DROP EXPRESSION), or change the generation expression instead";
        context.Error(
            DiagnosticCodes.DefaultOfGeneratedColumn,
            $"PostgreSQL refuses {(action.Default is null ? "DROP DEFAULT" : "SET DEFAULT")} of column {name} of {context.Show(table.Name)}: it is {kind} (SQLSTATE 42601, column \"{column.Name}\" of relation \"{table.Name.Name}\" is {kind}). {fix}.",
            action.At);
        return true;
    }

    /// <summary>DROP EXPRESSION: the column keeps its values and type, and is no longer generated.</summary>
    public static CatalogTable DropExpression(CatalogTable table, int index)
        => table.Columns[index].GeneratedFrom is null
            ? table
            : table.WithColumnChanged(index, table.Columns[index] with { GeneratedFrom = null, GeneratedExpression = null, GeneratedStored = false });
}
