using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// How MySQL's and MariaDB's ALTER TABLE orders the drop and the add of an index of one name,
/// which is not the written order (checked on MariaDB 10.11): every <c>DROP INDEX</c> (and
/// <c>DROP PRIMARY KEY</c>) names an index the table had before the statement, and the drops go
/// before the adds. So <c>ADD UNIQUE KEY u (b), DROP INDEX u</c> replaces an existing <c>u</c> as
/// <c>DROP INDEX u, ADD UNIQUE KEY u (b)</c> does; on a table without <c>u</c> it is refused (error
/// 1091), and with <c>DROP INDEX IF EXISTS u</c> the new <c>u</c> stays. The engine applies actions
/// one after another, so this puts such a drop first, or drops it, before they are applied.
/// </summary>
internal static class MySqlIndexDropOrder
{
    /// <summary>
    /// The actions of <paramref name="s"/> in the order the server applies them to
    /// <paramref name="table"/>; <see langword="null"/> when the server refuses the statement (reported).
    /// </summary>
    public static IReadOnlyList<AlterAction>? Arrange(CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        if (!s.Actions.Any(a => a is DropIndexAction) || !s.Actions.Any(a => a is AddConstraintAction)) return s.Actions;
        var actions = s.Actions.ToList();
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is not DropIndexAction drop) continue;
            var add = actions.FindIndex(0, i, a => AddedIndexName(a) is { } added && string.Equals(added, drop.Name, StringComparison.OrdinalIgnoreCase));
            if (add < 0) continue;
            if (Had(table, drop.Name))
            {
                actions.RemoveAt(i);
                actions.Insert(add, drop);
                continue;
            }

            // A table read from a snapshot keeps no plain indexes: the name may be one.
            if (!table.IndexesKnown || context.IsPassedOver(table.Name)) return s.Actions;
            if (drop.IfExists)
            {
                actions.RemoveAt(i--);
                continue;
            }

            context.Error(
                DiagnosticCodes.ConstraintNotFound,
                $"DROP INDEX names {context.Show(drop.Name)}, which an earlier action of this ALTER TABLE adds, but the server looks the index up in table {context.Show(table.Name)} as it was before the statement, which has no index of that name (error 1091, Can't DROP INDEX). Remove the DROP INDEX, or add the index in a later statement.",
                drop.At);
            return null;
        }

        return actions;
    }

    // The name of the index an ADD action makes, when it gives one (the primary key's is PRIMARY).
    private static string? AddedIndexName(AlterAction action) => action is AddConstraintAction { Constraint: var spec } ? spec.Kind switch
    {
        ConstraintKind.PrimaryKey => "PRIMARY",
        ConstraintKind.Unique or ConstraintKind.PlainIndex or ConstraintKind.Other => spec.Name,
        _ => null,
    } : null;

    // Whether the table before the statement has an index of that name, as DROP INDEX finds it.
    internal static bool Had(CatalogTable table, string name)
        => MySqlPlainIndexes.IsPlainIndex(table, name) || table.OtherConstraints.Contains(name) || MySqlForeignKeyIndexes.Holder(table, name) is not null;
}
