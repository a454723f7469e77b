using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The names one PostgreSQL table gained and lost between two versions of it (same name), applied
/// to the schema-wide counts. Every ALTER TABLE replaces a table, so this compares the two versions
/// name by name rather than counting every name of both.
/// </summary>
internal readonly struct TableNameChanges(PostgresSchemaNames names, string schema)
{
    /// <summary>CHECK names: a table's are distinct, so a name is gained or lost, never counted twice.</summary>
    public void Checks(CatalogTable old, CatalogTable now)
    {
        foreach (var check in old.Checks)
        {
            if (!HasCheck(now, check.Name)) Change(check.Name, PostgresNameSpaces.Constraint, -1);
        }

        foreach (var check in now.Checks)
        {
            if (!HasCheck(old, check.Name)) Change(check.Name, PostgresNameSpaces.Constraint, 1);
        }
    }

    /// <summary>Other constraints (every one a constraint name, and a relation name unless a foreign key) and unique indexes (relation names).</summary>
    public void Keys(CatalogTable old, CatalogTable now)
    {
        foreach (var name in old.OtherConstraints)
        {
            var stays = now.OtherConstraints.Contains(name);
            if (!stays) Change(name, PostgresNameSpaces.Constraint, -1);
            if (HasIndex(old, name) && !(stays && HasIndex(now, name))) Change(name, PostgresNameSpaces.Relation, -1);
        }

        foreach (var name in now.OtherConstraints)
        {
            var was = old.OtherConstraints.Contains(name);
            if (!was) Change(name, PostgresNameSpaces.Constraint, 1);
            if (HasIndex(now, name) && !(was && HasIndex(old, name))) Change(name, PostgresNameSpaces.Relation, 1);
        }

        foreach (var (name, key) in old.Keys)
        {
            if (IsStandaloneIndex(key) && !IsIndex(now, name)) Change(name, PostgresNameSpaces.Relation, -1);
        }

        foreach (var (name, key) in now.Keys)
        {
            if (IsStandaloneIndex(key) && !IsIndex(old, name)) Change(name, PostgresNameSpaces.Relation, 1);
        }
    }

    private void Change(string name, PostgresNameSpaces space, int by)
        => names.Add(new QualifiedName(schema, name), space, by);

    private static bool HasCheck(CatalogTable table, string name)
    {
        foreach (var check in table.Checks)
        {
            if (check.Name == name) return true;
        }

        return false;
    }

    // As PostgresTableNames.VisitOwn counts them: a constraint without a known key (read from a
    // snapshot) is taken to have an index.
    private static bool HasIndex(CatalogTable table, string constraint)
        => !table.Keys.TryGetValue(constraint, out var key) || key.Kind != ConstraintKind.ForeignKey;

    // An index that is not a constraint's, whichever kind the engine keeps it as.
    private static bool IsIndex(CatalogTable table, string name)
        => table.Keys.TryGetValue(name, out var key) && IsStandaloneIndex(key);

    private static bool IsStandaloneIndex(TableKey key) => key.Kind is ConstraintKind.UniqueIndex or ConstraintKind.Index;
}
