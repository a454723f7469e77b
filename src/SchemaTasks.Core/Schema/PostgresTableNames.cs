using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The names a PostgreSQL table takes: its own and its indexes' among relations, its
/// constraints' among constraints (a primary key, unique or exclusion constraint in both), and
/// the sequences its defaults use among the relations of their own schema.
/// </summary>
internal static class PostgresTableNames
{
    /// <summary>Calls <paramref name="take"/> once for each name of the table itself, its constraints and indexes, in each of <paramref name="wanted"/>.</summary>
    public static void VisitOwn(CatalogTable table, PostgresNameSpaces wanted, Action<QualifiedName, PostgresNameSpaces> take)
    {
        var schema = table.Name.Schema;
        var relations = (wanted & PostgresNameSpaces.Relation) != 0;
        var constraints = (wanted & PostgresNameSpaces.Constraint) != 0;
        if (relations) take(table.Name, PostgresNameSpaces.Relation);
        if (constraints)
        {
            foreach (var check in table.Checks) take(new QualifiedName(schema, check.Name), PostgresNameSpaces.Constraint);
        }

        foreach (var name in table.OtherConstraints)
        {
            if (constraints) take(new QualifiedName(schema, name), PostgresNameSpaces.Constraint);

            // A name read from a snapshot has no key, so its kind is unknown: it is counted as
            // having an index, which matters only to a serial sequence named like it.
            if (relations && (!table.Keys.TryGetValue(name, out var key) || key.Kind != ConstraintKind.ForeignKey)) take(new QualifiedName(schema, name), PostgresNameSpaces.Relation);
        }

        if (!relations) return;
        foreach (var (name, key) in table.Keys)
        {
            if (key.Kind is ConstraintKind.UniqueIndex or ConstraintKind.Index) take(new QualifiedName(schema, name), PostgresNameSpaces.Relation);
        }
    }

    /// <summary>Calls <paramref name="take"/> for each sequence a default of the table uses.</summary>
    public static void VisitSequences(CatalogTable table, IdentifierRules rules, Action<QualifiedName> take)
    {
        foreach (var column in table.Columns)
        {
            if (column.Default is { } text && SequenceDefaults.Sequence(text, rules) is { } sequence) take(sequence);
        }
    }

    /// <summary>How many times the table itself, its constraints and indexes take <paramref name="name"/> in <paramref name="space"/> (one of the spaces).</summary>
    /// <remarks>Asked for every candidate of every generated name, so it looks the name up rather than visiting them all.</remarks>
    public static int CountOwn(CatalogTable table, QualifiedName name, PostgresNameSpaces space)
    {
        if (name.Schema != table.Name.Schema) return 0;
        var own = name.Name;
        if (space == PostgresNameSpaces.Constraint)
        {
            var count = table.OtherConstraints.Contains(own) ? 1 : 0;
            foreach (var check in table.Checks)
            {
                if (check.Name == own) count++;
            }

            return count;
        }

        var relations = table.Name == name ? 1 : 0;
        var hasKey = table.Keys.TryGetValue(own, out var key);
        if (table.OtherConstraints.Contains(own) && (!hasKey || key!.Kind != ConstraintKind.ForeignKey)) relations++;
        if (hasKey && key!.Kind is ConstraintKind.UniqueIndex or ConstraintKind.Index) relations++;
        return relations;
    }
}
