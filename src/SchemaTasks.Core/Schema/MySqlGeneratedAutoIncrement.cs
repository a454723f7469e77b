using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A generated column whose expression uses the table's AUTO_INCREMENT column, whose value the
/// row only gets once it is written. MariaDB (checked on 10.11, error 1901, <i>Function or
/// expression 'AUTO_INCREMENT' cannot be used in the GENERATED ALWAYS AS clause</i>) refuses it
/// when the column is STORED (PERSISTENT) or a key covers it, in whatever order the statements
/// make it so (the generated column added later, AUTO_INCREMENT added later, an index added
/// later); a VIRTUAL column no key covers is let through. MySQL 8's manual refuses any generated
/// column over an AUTO_INCREMENT column (error 3109); not checked against a MySQL server.
/// </summary>
internal static class MySqlGeneratedAutoIncrement
{
    /// <summary>
    /// Whether <paramref name="statement"/> can make such a column: one that defines a generated
    /// or AUTO_INCREMENT column, or adds a key. Asked first, so that the statements that cannot
    /// (most of them) do not walk the table's columns.
    /// </summary>
    public static bool MayMake(SqlStatement statement) => statement switch
    {
        CreateTableStatement create => create.Columns.Any(c => c.GeneratedExpression is not null),
        AlterTableStatement alter => alter.Actions.Any(action => action switch
        {
            AddColumnAction add => Concerns(add.Column),
            AddColumnsAction many => many.Columns.Any(add => Concerns(add.Column)),
            ReplaceColumnAction replace => Concerns(replace.Definition),
            AddConstraintAction => true,
            _ => false,
        }),
        _ => false,
    };

    private static bool Concerns(ColumnSpec column) => column.GeneratedExpression is not null || AutoIncrementColumns.IsAuto(column);

    /// <summary>Reports the first generated column of <paramref name="table"/> the server refuses for this; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (AutoIncrementColumn(table) is not { } autoIncrement) return false;
        var dialect = context.Rules.Dialect;
        foreach (var column in table.Columns)
        {
            if (column.GeneratedFrom is not { } names || !names.Contains(autoIncrement.Name)) continue;
            if (dialect == SqlDialect.MariaDb && !column.GeneratedStored && !IsKeyed(table, column.Name, context)) continue;
            Report(table, column, autoIncrement.Name, at, context);
            return true;
        }

        return false;
    }

    private static CatalogColumn? AutoIncrementColumn(CatalogTable table)
    {
        foreach (var column in table.Columns)
        {
            if (column.IsAutoIncrement) return column;
        }

        return null;
    }

    private static bool IsKeyed(CatalogTable table, string column, ApplyContext context)
    {
        foreach (var key in table.Keys.Values)
        {
            if (key.Kind != ConstraintKind.Check && key.Columns.Contains(column, context.Rules.ColumnComparer)) return true;
        }

        return false;
    }

    private static void Report(CatalogTable table, CatalogColumn column, string autoIncrement, SqlToken at, ApplyContext context)
    {
        var (server, fix) = context.Rules.Dialect == SqlDialect.MariaDb
            ? ("MariaDB error 1901, Function or expression 'AUTO_INCREMENT' cannot be used in the GENERATED ALWAYS AS clause", "Make the column VIRTUAL and leave it out of every key, or set the value from the application")
            : ("MySQL 8 error 3109, Generated column cannot refer to auto-increment column", "Set the value from the application, or compute it in the queries that read it");
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"The server refuses generated column {context.Show(column.Name)} of {context.Show(table.Name)}: its expression uses {context.Show(autoIncrement)}, the AUTO_INCREMENT column, whose value the row gets only once it is written ({server}). {fix}.",
            at);
    }
}
