using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Expressions over the table's AUTO_INCREMENT column, whose value the row only gets once it is
/// written: a generated column, a column's DEFAULT and a CHECK. The servers refuse the statement
/// that leaves one, in whatever order the statements make it so (the expression added later,
/// AUTO_INCREMENT added later, an index added later), so the table after the statement is read.
/// MariaDB (checked on 10.11, error 1901, <i>Function or expression 'AUTO_INCREMENT' cannot be
/// used in the GENERATED ALWAYS AS | DEFAULT | CHECK clause of `id`</i>) refuses any DEFAULT or
/// CHECK over it, and a generated column when it is STORED (PERSISTENT) or a key covers it; a
/// VIRTUAL column no key covers is let through. MySQL 8 refuses any of the three (errors 3109,
/// 3768 and 3818, by its manual and source; not checked against a MySQL server).
/// </summary>
internal static class MySqlAutoIncrementReferences
{
    /// <summary>
    /// Whether <paramref name="statement"/> can leave such an expression: CREATE TABLE, or an ALTER
    /// TABLE that adds or redefines a column, sets a default or adds a constraint or key. Asked
    /// first, so that the statements that cannot (most of them) do not walk the table's columns.
    /// </summary>
    public static bool MayMake(SqlStatement statement) => statement switch
    {
        CreateTableStatement => true,
        AlterTableStatement alter => alter.Actions.Any(action => action switch
        {
            AddColumnAction add => Concerns(add.Column),
            AddColumnsAction many => many.Columns.Any(add => Concerns(add.Column)),
            ReplaceColumnAction replace => Concerns(replace.Definition),
            AddConstraintAction => true,
            SetDefaultAction set => MayNameColumn(set.Default),
            _ => false,
        }),
        _ => false,
    };

    private static bool Concerns(ColumnSpec column)
        => column.GeneratedExpression is not null || AutoIncrementColumns.IsAuto(column) || MayNameColumn(column.Default)
           || column.Constraints.Any(c => c.Kind == ConstraintKind.Check);

    // A default that is a number, a string or NULL names no column; most defaults are one.
    private static bool MayNameColumn(string? value)
        => value is { Length: > 0 } && !(char.IsAsciiDigit(value[0]) || value[0] is '\'' or '"' or '-' or '+' || value.Equals("NULL", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reports the first expression of <paramref name="table"/> the server refuses for this; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (AutoIncrementColumn(table) is not { } autoIncrement) return false;
        var rules = context.Rules;
        bool Uses(IEnumerable<string> columns) => columns.Contains(autoIncrement.Name, rules.ColumnComparer);
        foreach (var column in table.Columns)
        {
            if (column.GeneratedFrom is not { } names || !names.Contains(autoIncrement.Name)) continue;
            if (rules.Dialect == SqlDialect.MariaDb && !column.GeneratedStored && !IsKeyed(table, column.Name, context)) continue;
            ReportGenerated(table, column, autoIncrement.Name, at, context);
            return true;
        }

        // Only a text that holds the column's name can use it: the others are not read again.
        bool Names(string text) => text.Contains(autoIncrement.Name, StringComparison.OrdinalIgnoreCase);
        foreach (var column in table.Columns)
        {
            if (column.Default is not { } value || column.GeneratedFrom is not null || !Names(value) || !Uses(CheckColumns.OfExpression(value, table, rules))) continue;
            Report(table, autoIncrement.Name, $"the DEFAULT of column {context.Show(column.Name)}", "DEFAULT", "3768", "Drop the DEFAULT (ALTER COLUMN ... DROP DEFAULT) or write it without the AUTO_INCREMENT column", at, context);
            return true;
        }

        foreach (var check in table.Checks)
        {
            if (!Names(check.Expression) || !Uses(CheckColumns.Of(check, table, rules))) continue;
            Report(table, autoIncrement.Name, $"CHECK {context.Show(check.Name)} ({check.Expression})", "CHECK", "3818", "Write the CHECK without the AUTO_INCREMENT column, or drop it first", at, context);
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

    private static void ReportGenerated(CatalogTable table, CatalogColumn column, string autoIncrement, SqlToken at, ApplyContext context)
    {
        var (server, fix) = context.Rules.Dialect == SqlDialect.MariaDb
            ? ($"MariaDB error 1901, Function or expression 'AUTO_INCREMENT' cannot be used in the GENERATED ALWAYS AS clause of `{autoIncrement}`", "Make the column VIRTUAL and leave it out of every key, or set the value from the application")
            : ("MySQL 8 error 3109, Generated column cannot refer to auto-increment column", "Set the value from the application, or compute it in the queries that read it");
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"The server refuses generated column {context.Show(column.Name)} of {context.Show(table.Name)}: its expression uses {context.Show(autoIncrement)}, the AUTO_INCREMENT column, whose value the row gets only once it is written ({server}). {fix}.",
            at);
    }

    // A DEFAULT or a CHECK: MariaDB's one error names the clause, MySQL 8 has one for each.
    private static void Report(CatalogTable table, string autoIncrement, string what, string clause, string mySqlError, string fix, SqlToken at, ApplyContext context)
    {
        var server = context.Rules.Dialect == SqlDialect.MariaDb
            ? $"MariaDB error 1901, Function or expression 'AUTO_INCREMENT' cannot be used in the {clause} clause of `{autoIncrement}`"
            : $"MySQL 8 error {mySqlError}, a {clause} expression cannot refer to an auto-increment column";
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"The server refuses {what} of {context.Show(table.Name)}: it uses {context.Show(autoIncrement)}, the AUTO_INCREMENT column, whose value the row gets only once it is written ({server}). {fix}.",
            at);
    }
}
