using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL identity columns. An identity column is NOT NULL: ADD GENERATED ... AS IDENTITY
/// needs a column already NOT NULL (it does not make one so), DROP NOT NULL of an identity column
/// is refused, and DROP IDENTITY leaves the column NOT NULL.
/// </summary>
internal static class IdentityColumns
{
    /// <summary>ADD GENERATED ... AS IDENTITY of the column at <paramref name="index"/>; a nullable column is reported, as the server refuses it.</summary>
    public static CatalogTable Add(CatalogTable table, int index, SqlToken at, ApplyContext context)
    {
        var column = table.Columns[index];
        if (!column.IsNullable) return table.WithColumnChanged(index, column with { IsIdentity = true });
        var name = context.Show(column.Name);
        context.Error(
            DiagnosticCodes.IdentityOnNullableColumn,
            $"PostgreSQL refuses ADD GENERATED ... AS IDENTITY on column {name} of {context.Show(table.Name)}: the column is nullable (SQLSTATE 55000, column \"{column.Name}\" of relation \"{table.Name.Name}\" must be declared NOT NULL before identity can be added). Add ALTER COLUMN {name} SET NOT NULL before it, in this ALTER TABLE or an earlier one.",
            at);
        return table;
    }

    /// <summary>DROP IDENTITY: the column stays NOT NULL. DROP IDENTITY of a column that has none is not reported: a catalog read from a snapshot does not know.</summary>
    public static CatalogTable Drop(CatalogTable table, int index)
        => table.Columns[index].IsIdentity ? table.WithColumnChanged(index, table.Columns[index] with { IsIdentity = false }) : table;

    /// <summary>DROP NOT NULL of an identity column: the server refuses it; reported.</summary>
    public static bool RefusesDropNotNull(CatalogTable table, CatalogColumn column, SqlToken at, ApplyContext context)
    {
        if (!column.IsIdentity) return false;
        var name = context.Show(column.Name);
        context.Error(
            DiagnosticCodes.DropNotNullOfIdentityColumn,
            $"PostgreSQL refuses DROP NOT NULL of column {name} of {context.Show(table.Name)}: it is an identity column (SQLSTATE 42601, column \"{column.Name}\" of relation \"{table.Name.Name}\" is an identity column). Drop the identity first (ALTER COLUMN {name} DROP IDENTITY, before DROP NOT NULL), or keep the column NOT NULL.",
            at);
        return true;
    }
}
