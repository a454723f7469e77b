using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>What the checks of new foreign keys (<see cref="PostgresForeignKeyChecks"/>, <see cref="MariaDbForeignKeyChecks"/>) share.</summary>
internal static class ForeignKeyChecks
{
    /// <summary>
    /// Whether foreign key <paramref name="name"/>, referencing <paramref name="target"/>, was in
    /// the table before the statement: under its name with that target, or under another name
    /// (MariaDB renames a generated <c>t_ibfk_1</c> with its table) with the same target object,
    /// which every rename carries along.
    /// </summary>
    public static bool Existed(CatalogTable before, string name, ForeignKeyTarget target)
    {
        if (before.Keys.TryGetValue(name, out var old) && old.Kind == ConstraintKind.ForeignKey && Same(old.References, target)) return true;
        return before.Keys.Values.Any(k => k.Kind == ConstraintKind.ForeignKey && ReferenceEquals(k.References, target));
    }

    private static bool Same(ForeignKeyTarget? old, ForeignKeyTarget target)
        => old is not null && old.Table.Equals(target.Table) && old.Columns.SequenceEqual(target.Columns, StringComparer.Ordinal);
}
