using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB 10.11 keeps a foreign key that <c>DROP CONSTRAINT</c> names when the same ALTER TABLE
/// also adds a foreign key (<c>ADD [CONSTRAINT c] FOREIGN KEY</c>, or an added column's
/// <c>REFERENCES</c>), and says nothing: the server resolves a DROP CONSTRAINT to a foreign key
/// only in statements that add none. <c>DROP FOREIGN KEY</c> in the same statement, and
/// <c>DROP CONSTRAINT</c> of a CHECK or a unique key, work. MySQL 8 drops it.
/// </summary>
internal static class MariaDbForeignKeyDrop
{
    /// <summary>Whether the server ignores <paramref name="drop"/> in <paramref name="statement"/>; reported when it does.</summary>
    public static bool Ignores(CatalogTable table, DropConstraintAction drop, AlterTableStatement statement, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || drop.Kind is not null) return false;
        if (!table.Keys.TryGetValue(drop.Name, out var key) || key.Kind != ConstraintKind.ForeignKey || !AddsForeignKey(statement)) return false;
        var name = context.Show(drop.Name);
        context.Warning(
            DiagnosticCodes.MariaDbForeignKeyDropIgnored,
            $"MariaDB ignores this DROP CONSTRAINT {name} on {context.Show(table.Name)}: {name} is a foreign key, and the same ALTER TABLE adds a foreign key, so the server keeps {name} without a word (the snapshot keeps it too). Write DROP FOREIGN KEY {name} instead, or drop it in an ALTER TABLE of its own before this one.",
            drop.At);
        return true;
    }

    /// <summary>Whether <paramref name="statement"/> adds a foreign key: <c>ADD [CONSTRAINT c] FOREIGN KEY</c>, or an added column's <c>REFERENCES</c>.</summary>
    public static bool AddsForeignKey(AlterTableStatement statement)
    {
        foreach (var action in statement.Actions)
        {
            var adds = action switch
            {
                AddConstraintAction add => add.Constraint.Kind == ConstraintKind.ForeignKey,
                AddColumnAction column => References(column.Column),
                AddColumnsAction columns => columns.Columns.Any(c => References(c.Column)),
                _ => false,
            };
            if (adds) return true;
        }

        return false;
    }

    private static bool References(ColumnSpec column) => column.Constraints.Any(c => c.Kind == ConstraintKind.ForeignKey);
}
