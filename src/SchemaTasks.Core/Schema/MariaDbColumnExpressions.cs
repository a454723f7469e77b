using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB reads every DEFAULT, generated column and CHECK of a table again when a statement
/// makes or changes it, and refuses the statement (checked on MariaDB 10.11) when one of them:
/// <list type="bullet">
/// <item>names no column of the table (error 1054, Unknown column 'x' in 'DEFAULT', 'GENERATED
/// ALWAYS AS' or 'CHECK'), also once a DROP COLUMN took the column it named;</item>
/// <item>uses a column not computed yet when it is (error 4029): its own column; from a DEFAULT,
/// any generated column; a later column of its own kind whose value is an expression (a generated
/// column, or a DEFAULT that names a column or calls a time, random, user or session function);
/// the order is the table's, so MODIFY ... FIRST can make it so;</item>
/// <item>in a CHECK, uses a function whose value is not the row's alone, a variable or a stored
/// function (1901), or a subquery (1970); in a DEFAULT, a function that acts on the session
/// (<c>sleep</c>, <c>last_insert_id</c>, <c>get_lock</c>, ...), a stored function or a subquery
/// (1901): MariaDB takes <c>rand()</c>, <c>now()</c> and variables there.</item>
/// </list>
/// A rename is followed by the DEFAULTs, as the server does. MariaDB also takes
/// <c>ALTER COLUMN ... SET DEFAULT</c> of a generated column, records it and never uses it.
/// </summary>
internal static class MariaDbColumnExpressions
{
    /// <summary>Whether <paramref name="statement"/> can leave such an expression; asked first, so that the others do not read the table.</summary>
    public static bool MayConcern(SqlStatement statement) => statement switch
    {
        CreateTableStatement => true,
        AlterTableStatement alter => alter.Actions.Any(action => action is AddColumnAction or AddColumnsAction or ReplaceColumnAction or SetDefaultAction or DropColumnAction
            || action is AddConstraintAction { Constraint.Kind: ConstraintKind.Check }),
        _ => false,
    };

    /// <summary>Reports the first expression of <paramref name="table"/>, as <paramref name="statement"/> leaves it, that MariaDB refuses; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, SqlStatement statement, ApplyContext context)
    {
        var columns = table.Columns;
        var read = new MariaDbExpressionNames?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column.GeneratedExpression is { } generated)
            {
                read[i] = MariaDbExpressionNames.Read(generated, table, context);
                if (read[i]?.Unknown is { } unknown) return Unknown(table, $"generated column {context.Show(column.Name)}", "GENERATED ALWAYS AS", unknown, column.Name, statement, context);
            }
            else if (column.Default is { } value && MayName(value))
            {
                read[i] = MariaDbExpressionNames.Read(value, table, context);
                if (read[i] is not { } names) continue;
                if (names.Unknown is { } unknown) return Unknown(table, $"the DEFAULT of column {context.Show(column.Name)}", "DEFAULT", unknown, column.Name, statement, context);
                if (RefusedInDefault(names) is { } what) return Refused(table, $"the DEFAULT of column {context.Show(column.Name)}", "DEFAULT", column.Name, what, "1901", Where(statement, column.Name), context);
            }
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (read[i] is not { } names) continue;
            foreach (var used in names.Columns)
            {
                var j = table.IndexOfColumn(used, SqlDialect.MariaDb);
                if (j < 0 || !IsExpression(columns[j], read[j])) continue;
                var generated = columns[i].GeneratedExpression is not null;
                var usedGenerated = columns[j].GeneratedExpression is not null;
                if (j == i || (!generated && usedGenerated) || (generated == usedGenerated && j > i)) return Uncomputed(table, columns[i], columns[j], i == j, statement, context);
            }
        }

        foreach (var check in table.Checks)
        {
            if (check.Column is not null || MariaDbExpressionNames.Read(check.Expression, table, context) is not { } names) continue;
            var what = $"CHECK {context.Show(check.Name)} ({check.Expression})";
            if (names.Unknown is { } unknown) return Unknown(table, what, "CHECK", unknown, null, statement, context, check);
            if (RefusedInCheck(names) is { } refused) return Refused(table, what, "CHECK", check.Name, refused.What, refused.Error, WhereCheck(statement, check), context);
        }

        return false;
    }

    /// <summary>
    /// A rename of <paramref name="old"/> to <paramref name="newName"/>: the DEFAULTs and generated
    /// expressions of the table name the new name, as MariaDB shows them after it.
    /// </summary>
    public static CatalogTable FollowRename(CatalogTable table, string old, string newName, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || context.Rules.ColumnComparer.Equals(old, newName)) return table;
        var changed = false;
        var columns = table.Columns.Select(column =>
        {
            var value = column.GeneratedExpression is null && column.Default is { } text && MayName(text) ? CheckColumns.RenameInExpression(text, old, newName, context.Rules) : column.Default;
            var expression = column.GeneratedExpression is { } generated ? CheckColumns.RenameInExpression(generated, old, newName, context.Rules) : null;
            if (ReferenceEquals(value, column.Default) && ReferenceEquals(expression, column.GeneratedExpression)) return column;
            changed = true;
            return column with { Default = value, GeneratedExpression = expression };
        }).ToImmutableArray();
        return changed ? table with { Columns = columns } : table;
    }

    /// <summary>
    /// SET DEFAULT of <paramref name="column"/>, a generated column: MariaDB runs it and records the
    /// default (information_schema shows it, SHOW CREATE TABLE does not), but the column's value
    /// stays its expression's. The snapshot keeps the default, as the server does; reported as a warning.
    /// </summary>
    public static void WarnSetDefault(CatalogTable table, CatalogColumn column, SetDefaultAction action, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || column.GeneratedExpression is null || action.Default is null) return;
        context.Warning(
            DiagnosticCodes.GeneratedColumnDefaultIgnored,
            $"MariaDB runs this SET DEFAULT of generated column {context.Show(column.Name)} of {context.Show(table.Name)} and records the default, but never uses it: the column's value is always its expression's. Remove the SET DEFAULT, or drop the expression (MODIFY the column without it) first.",
            action.At);
    }

    // A default that is a number, a string or NULL names nothing; most defaults are one.
    private static bool MayName(string value)
        => value.Length > 0 && !(char.IsAsciiDigit(value[0]) || value[0] is '\'' or '"' or '-' or '+' || value.Equals("NULL", StringComparison.OrdinalIgnoreCase));

    // A generated column, or a DEFAULT MariaDB does not compute once: one naming a column or calling a function not of the row.
    private static bool IsExpression(CatalogColumn column, MariaDbExpressionNames? names)
        => column.GeneratedExpression is not null
           || (names is not null && (names.Columns.Count > 0 || names.Calls.Exists(call => MySqlGeneratedColumnFunctions.IsNotOfTheRow(call[..^2]))));

    // What MariaDB refuses in a DEFAULT: a function acting on the session (sequences aside), a stored function, a subquery.
    private static string? RefusedInDefault(MariaDbExpressionNames names)
    {
        if (names.Subquery) return "a subquery";
        if (names.StoredFunction is { } stored) return $"stored function {stored}";
        return names.Calls.Find(call => MySqlGeneratedColumnFunctions.IsOfTheSession(call[..^2]) && call is not ("nextval()" or "lastval()"));
    }

    // What MariaDB refuses in a CHECK: anything whose value is not the row's alone.
    private static (string What, string Error)? RefusedInCheck(MariaDbExpressionNames names)
    {
        if (names.Subquery) return ("a subquery", "1970");
        if (names.StoredFunction is { } stored) return ($"stored function {stored}", "1901");
        if (names.Variable is { } variable) return ($"variable {variable}", "1901");
        var call = names.Calls.Find(call => MySqlGeneratedColumnFunctions.IsNotOfTheRow(call[..^2]) || MySqlGeneratedColumnFunctions.IsOfTheSession(call[..^2]));
        return call is null ? null : (call, "1901");
    }

    private static bool Unknown(CatalogTable table, string what, string clause, string name, string? column, SqlStatement statement, ApplyContext context, CatalogCheck? check = null)
    {
        var drop = statement is AlterTableStatement alter
            ? alter.Actions.OfType<DropColumnAction>().FirstOrDefault(d => context.Rules.ColumnComparer.Equals(d.Column, name))
            : null;
        var at = drop?.At ?? (check is null ? Where(statement, column!) : WhereCheck(statement, check));
        var fix = drop is not null
            ? $"{what} uses it: change or drop that first, then the column"
            : $"{context.Show(table.Name)} has no such column: name one of its columns, or write a string in single quotes";
        context.Error(
            DiagnosticCodes.ColumnNotFound,
            $"MariaDB refuses this statement on {context.Show(table.Name)}: {(drop is null ? $"{what} names {context.Show(name)}" : $"it drops column {context.Show(name)}")} (error 1054, Unknown column '{name}' in '{clause}'). Fix: {fix}.",
            at);
        return true;
    }

    private static bool Refused(CatalogTable table, string what, string clause, string owner, string used, string error, SqlToken at, ApplyContext context)
    {
        var server = error == "1970" ? $"error 1970, {clause} does not support subqueries or stored functions" : $"error 1901, Function or expression cannot be used in the {clause} clause of `{owner}`";
        var fix = clause == "CHECK" ? "check the value from the application, or in a trigger" : "set the value from the application, or in a trigger";
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"MariaDB refuses {what} of {context.Show(table.Name)}: it uses {used}, which a {clause} may not ({server}). Fix: {fix}.",
            at);
        return true;
    }

    private static bool Uncomputed(CatalogTable table, CatalogColumn column, CatalogColumn used, bool self, SqlStatement statement, ApplyContext context)
    {
        var what = column.GeneratedExpression is not null ? $"generated column {context.Show(column.Name)}" : $"the DEFAULT of column {context.Show(column.Name)}";
        var why = self ? "its own column"
            : used.GeneratedExpression is not null && column.GeneratedExpression is null ? $"generated column {context.Show(used.Name)}, which is computed after every DEFAULT"
            : $"column {context.Show(used.Name)}, which comes after it and is computed from an expression too";
        var fix = self ? "write the expression without its own column"
            : column.GeneratedExpression is null && used.GeneratedExpression is not null ? $"use the columns {context.Show(used.Name)} is computed from instead"
            : $"declare {context.Show(used.Name)} before {context.Show(column.Name)}, or write the expression without it";
        context.Error(
            DiagnosticCodes.ExpressionUsesUncomputedColumn,
            $"MariaDB refuses this statement on {context.Show(table.Name)}: {what} uses {why} (error 4029, Expression for field `{column.Name}` is referring to uninitialized field `{used.Name}`). Fix: {fix}.",
            Where(statement, column.Name));
        return true;
    }

    // Where the statement writes the column's definition or its SET DEFAULT; the statement otherwise.
    private static SqlToken Where(SqlStatement statement, string column)
    {
        var comparer = StringComparer.OrdinalIgnoreCase;
        switch (statement)
        {
            case CreateTableStatement create:
                return create.Columns.FirstOrDefault(c => comparer.Equals(c.Name, column))?.At ?? create.At;
            case AlterTableStatement alter:
                foreach (var action in alter.Actions.SelectMany(a => a is AddColumnsAction many ? many.Columns : (IEnumerable<AlterAction>)[a]))
                {
                    switch (action)
                    {
                        case AddColumnAction add when comparer.Equals(add.Column.Name, column): return add.Column.At;
                        case ReplaceColumnAction replace when comparer.Equals(replace.Definition.Name, column): return replace.Definition.At;
                        case SetDefaultAction set when set.Column is { } name && comparer.Equals(name, column): return set.At;
                    }
                }

                return alter.At;
            default:
                return statement.At;
        }
    }

    // Where the statement writes the CHECK, by its name or its text; the statement otherwise.
    private static SqlToken WhereCheck(SqlStatement statement, CatalogCheck check)
    {
        var constraints = statement switch
        {
            CreateTableStatement create => create.Columns.SelectMany(c => c.Constraints).Concat(create.Constraints),
            AlterTableStatement alter => alter.Actions.SelectMany(a => a is AddColumnsAction many ? many.Columns : (IEnumerable<AlterAction>)[a]).SelectMany(a => a switch
            {
                AddColumnAction add => add.Column.Constraints,
                ReplaceColumnAction replace => replace.Definition.Constraints,
                AddConstraintAction constraint => [constraint.Constraint],
                _ => [],
            }),
            _ => [],
        };
        foreach (var constraint in constraints)
        {
            if (constraint.Check is not { } spec) continue;
            if ((constraint.Name is { } name && StringComparer.OrdinalIgnoreCase.Equals(name, check.Name)) || spec.Expression == check.Expression) return constraint.At;
        }

        return statement.At;
    }
}
