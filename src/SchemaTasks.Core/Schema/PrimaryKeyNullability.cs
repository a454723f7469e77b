using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A primary key's columns are NOT NULL, whatever a later MySQL <c>MODIFY</c> or <c>CHANGE</c>
/// of one of them omits: both servers keep the key, and with it the NOT NULL. A column written
/// <c>NULL</c> in the statement that leaves it in the key is where they part: MySQL 8 refuses
/// the statement (error 1171), MariaDB makes the column NOT NULL without a word. PostgreSQL
/// refuses DROP NOT NULL on one.
/// </summary>
internal static class PrimaryKeyNullability
{
    /// <summary>
    /// After MODIFY/CHANGE redefined a column as <paramref name="spec"/>: a primary key column
    /// stays NOT NULL, and an explicit NULL on it is reported under MySQL 8.
    /// </summary>
    public static CatalogTable AfterRedefine(CatalogTable table, ColumnSpec spec, SqlToken at, ApplyContext context)
    {
        var index = table.IndexOfColumn(spec.Name, context.Rules.Dialect);
        if (index < 0 || !InPrimaryKey(table, table.Columns[index].Name, context)) return table;
        ReportExplicitNull(table, spec, at, context);
        return table.Columns[index].IsNullable ? table.WithColumnChanged(index, table.Columns[index] with { IsNullable = false }) : table;
    }

    /// <summary>
    /// Under MySQL 8, reports a column written NULL that the same statement puts in (or leaves in)
    /// the primary key: the server refuses it with error 1171.
    /// </summary>
    public static void ReportExplicitNull(CatalogTable table, ColumnSpec spec, SqlToken at, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MySql || !spec.ExplicitNull) return;
        var column = table.FindColumn(spec.Name, context.Rules.Dialect)?.Name ?? spec.Name;
        if (!InPrimaryKey(table, column, context)) return;
        context.Error(
            DiagnosticCodes.MySqlNullPrimaryKeyColumn,
            $"MySQL 8 refuses this statement on {context.Show(table.Name)}: error 1171, All parts of a PRIMARY KEY must be NOT NULL (column {context.Show(column)} is declared NULL). Write NOT NULL, or leave NULL out (the key makes the column NOT NULL); if the database is MariaDB, which accepts it, set the dialect to mariadb.",
            at);
    }

    /// <summary>
    /// PostgreSQL's <c>ALTER COLUMN ... DROP NOT NULL</c> of a primary key column: the server
    /// refuses it (SQLSTATE 42P16, column "..." is in a primary key); reported. A column in a
    /// UNIQUE constraint may become nullable.
    /// </summary>
    public static bool RefusesDropNotNull(CatalogTable table, string column, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || !InPrimaryKey(table, column, context)) return false;
        var key = table.Keys.First(k => k.Value.Kind == ConstraintKind.PrimaryKey).Key;
        context.Error(
            DiagnosticCodes.PrimaryKeyColumnNotNull,
            $"PostgreSQL refuses DROP NOT NULL of column {context.Show(column)} of {context.Show(table.Name)}: it is in primary key {context.Show(key)} (SQLSTATE 42P16, column \"{column}\" is in a primary key). Drop the primary key first (ALTER TABLE {context.Show(table.Name)} DROP CONSTRAINT {context.Show(key)}, before DROP NOT NULL in the same statement or in an earlier one), or keep the column NOT NULL.",
            at);
        return true;
    }

    private static bool InPrimaryKey(CatalogTable table, string column, ApplyContext context)
    {
        foreach (var key in table.Keys.Values)
        {
            if (key.Kind == ConstraintKind.PrimaryKey && key.Uses(column, context.Rules.ColumnComparison)) return true;
        }

        return false;
    }
}
