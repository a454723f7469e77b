using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB allow one AUTO_INCREMENT column per table, and it must be in a key (error
/// 1075, checked on MariaDB 10.11): a second one, or one no key holds after the statement, fails
/// the whole CREATE or ALTER TABLE. InnoDB further wants it first in that key; MyISAM does not,
/// and the engine does not know a table's storage engine, so that part is not checked.
/// </summary>
internal static class AutoIncrementColumns
{
    /// <summary>
    /// Whether an ALTER TABLE may break the rule: it adds or redefines an AUTO_INCREMENT column, or
    /// drops a key. Any other leaves it as it was, and reading a wide table's columns after each
    /// of a long run of ADD COLUMN ... AFTER would cost a copy of them per statement.
    /// </summary>
    public static bool MayChange(AlterTableStatement statement) => statement.Actions.Any(action => action switch
    {
        AddColumnAction add => IsAuto(add.Column),
        AddColumnsAction many => many.Columns.Any(add => IsAuto(add.Column)),
        ReplaceColumnAction replace => IsAuto(replace.Definition),
        DropIndexAction or DropConstraintAction => true,
        _ => false,
    });

    /// <summary>Whether <paramref name="table"/>, as the statement leaves it, is one the server accepts; reported when not.</summary>
    public static bool Accepts(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (!context.Rules.Dialect.IsMySqlFamily()) return true;
        var auto = table.Columns.Where(c => c.IsAutoIncrement).Select(c => c.Name).ToList();
        if (auto.Count == 0) return true;
        if (auto.Count > 1)
        {
            Refuse($"it would have {auto.Count} AUTO_INCREMENT columns ({string.Join(", ", auto.Select(context.Show))}), and a table has at most one. Keep AUTO_INCREMENT on one of them", table, at, context);
            return false;
        }

        // Keys read from a snapshot or a live database have no known columns: nothing to tell.
        if (table.OtherConstraints.Any(name => !table.Keys.TryGetValue(name, out var known) || known.ColumnsUnknown)) return true;
        var comparer = context.Rules.ColumnComparer;
        if (table.Keys.Values.Any(key => key.Columns.Contains(auto[0], comparer))) return true;
        Refuse($"its AUTO_INCREMENT column {context.Show(auto[0])} would be in no key. Make it the primary key, or the first column of a UNIQUE key or index", table, at, context);
        return false;
    }

    /// <summary>Whether a MySQL column definition makes the column AUTO_INCREMENT: the attribute, or the SERIAL type.</summary>
    public static bool IsAuto(ColumnSpec column) => column.Type.ImpliesUniqueNotNull || column.Attributes.Any(a => a.Kind == ColumnAttributeKind.AutoIncrement);

    private static void Refuse(string why, CatalogTable table, SqlToken at, ApplyContext context)
        => context.Error(
            DiagnosticCodes.AutoIncrementColumn,
            $"{context.Rules.Dialect.ServerName()} refuses this statement on {context.Show(table.Name)} (error 1075, incorrect table definition): {why}.",
            at);
}
