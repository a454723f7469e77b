using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB under ANSI_QUOTES reads <c>"x"</c> as a name, also where a string was likely meant: a
/// column's <c>DEFAULT "x"</c> (CREATE TABLE, ADD, MODIFY, CHANGE, ALTER COLUMN ... SET DEFAULT) and
/// <c>CHECK (s IN ("a"))</c> name columns of the table. Checked on MariaDB 10.11: a name the table
/// (as the statement leaves it) lacks is refused, error 1054 (Unknown column 'x' in 'DEFAULT' or
/// 'CHECK'), and a DEFAULT naming its own column, or a later column whose default the statement
/// makes a name too, error 4029; a name of another column is that column, and the statement runs. Without this check the engine would take the statement
/// the server refuses.
/// </summary>
internal static class MariaDbDoubleQuotedNames
{
    /// <summary>Reports the first double-quoted name of <paramref name="statement"/> the server refuses; <see langword="true"/> then.</summary>
    /// <param name="table">The table as the statement leaves it.</param>
    /// <param name="statement">A CREATE TABLE or ALTER TABLE of it.</param>
    /// <param name="context">The migration being applied.</param>
    public static bool Refuses(CatalogTable table, SqlStatement statement, ApplyContext context)
    {
        // The columns whose default the statement makes a name: a column naming one of them that
        // comes after it in the table meets it uninitialized (error 4029).
        var named = new Dictionary<string, DoubleQuotedName>(context.Rules.ColumnComparer);
        foreach (var action in Actions(statement))
        {
            if (action is ColumnSpec { DefaultName: { } made } spec) named[spec.Name] = made;
            else if (action is SetDefaultAction { Column: { } column, DefaultName: { } set }) named[column] = set;
        }

        foreach (var action in Actions(statement))
        {
            switch (action)
            {
                case ColumnSpec column when column.DefaultName is { } name:
                    if (RefusesDefault(table, column.Name, name, named, context)) return true;
                    break;
                case SetDefaultAction { Column: { } column, DefaultName: { } name }:
                    if (RefusesDefault(table, column, name, named, context)) return true;
                    break;
                case CheckSpec { DoubleQuotedNames: { } names }:
                    foreach (var name in names)
                    {
                        if (table.FindColumn(name.Name, context.Rules.Dialect) is null) return Unknown(table, name, "CHECK", context);
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The catalog with each DEFAULT the statement made a double-quoted name spelled as the column
    /// it names is (the server keeps <c>DEFAULT "A"</c> as <c>a</c> for a column <c>a</c>).
    /// </summary>
    /// <param name="after">The catalog the statement, which the server runs, leaves.</param>
    /// <param name="tableName">The table it creates or alters.</param>
    /// <param name="statement">The CREATE TABLE or ALTER TABLE.</param>
    /// <param name="context">The migration being applied.</param>
    public static Catalog Spelled(Catalog after, QualifiedName tableName, SqlStatement statement, ApplyContext context)
    {
        if (after.FindTable(tableName) is not { } table) return after;
        var dialect = context.Rules.Dialect;
        var changed = table;
        foreach (var action in Actions(statement))
        {
            var (column, name) = action switch
            {
                ColumnSpec { DefaultName: { } made } spec => (spec.Name, made),
                SetDefaultAction { Column: { } set, DefaultName: { } made } => (set, made),
                _ => (null, default(DoubleQuotedName)),
            };
            if (column is null || changed.FindColumn(column, dialect) is not { } defaulted || changed.FindColumn(name.Name, dialect) is not { } target) continue;
            if (defaulted.Default != name.Name || target.Name == name.Name) continue;
            changed = changed.WithColumnReplaced(defaulted.Name, defaulted with { Default = target.Name }, first: false, after: null, dialect);
        }

        return ReferenceEquals(changed, table) ? after : after.WithTable(tableName, changed);
    }

    // The column definitions, SET DEFAULT actions and CHECKs of the statement, in the order written.
    private static IEnumerable<object> Actions(SqlStatement statement)
    {
        IEnumerable<object> Of(ColumnSpec column) => column.Constraints.Select(c => c.Check).OfType<object>().Prepend(column);
        switch (statement)
        {
            case CreateTableStatement create:
                return create.Columns.SelectMany(Of).Concat(create.Constraints.Select(c => c.Check).OfType<object>());
            case AlterTableStatement alter:
                return alter.Actions.SelectMany(a => a is AddColumnsAction many ? many.Columns : (IEnumerable<AlterAction>)[a]).SelectMany(a => a switch
                {
                    AddColumnAction add => Of(add.Column),
                    ReplaceColumnAction replace => Of(replace.Definition),
                    SetDefaultAction set => [set],
                    AddConstraintAction { Constraint.Check: { } check } => [check],
                    _ => [],
                });
            default:
                return [];
        }
    }

    private static bool RefusesDefault(CatalogTable table, string column, DoubleQuotedName name, Dictionary<string, DoubleQuotedName> named, ApplyContext context)
    {
        if (table.FindColumn(name.Name, context.Rules.Dialect) is not { } target) return Unknown(table, name, "DEFAULT", context);
        var comparer = context.Rules.ColumnComparer;
        var self = comparer.Equals(name.Name, column);
        if (!self && !(named.ContainsKey(name.Name) && After(table, target.Name, column, comparer))) return false;
        var why = self ? "the column itself" : $"column {context.Show(target.Name)}, which comes after it and whose own default names a column";
        context.Error(
            DiagnosticCodes.DefaultNamesItsColumn,
            $"Under the sql_mode ANSI_QUOTES set before it, the DEFAULT \"{name.Name}\" of column {context.Show(column)} of {context.Show(table.Name)} is a name, not a string: {why}, and MariaDB refuses the statement (error 4029, Expression for field `{column}` is referring to uninitialized field `{target.Name}`). Write the default in single quotes ('{name.Name}').",
            name.At);
        return true;
    }

    // Whether column 'later' comes after column 'earlier' in the table.
    private static bool After(CatalogTable table, string later, string earlier, StringComparer comparer)
    {
        foreach (var column in table.Columns)
        {
            if (comparer.Equals(column.Name, earlier)) return true;
            if (comparer.Equals(column.Name, later)) return false;
        }

        return false;
    }

    private static bool Unknown(CatalogTable table, DoubleQuotedName name, string where, ApplyContext context)
    {
        context.Error(
            DiagnosticCodes.ColumnNotFound,
            $"Under the sql_mode ANSI_QUOTES set before it, \"{name.Name}\" in this {where} is a name, not a string, and {context.Show(table.Name)} has no such column: MariaDB refuses the statement (error 1054, Unknown column '{name.Name}' in '{where}'). Write the value in single quotes ('{name.Name}'), or the column's name in backticks.",
            name.At);
        return true;
    }
}
