using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What PostgreSQL 15 requires of a unique index on a partitioned table (checked on the server):
/// a primary key, unique constraint or <c>CREATE UNIQUE INDEX</c> must have every column of the
/// partition key among its columns (0A000, unique constraint on partitioned table must include
/// all partitioning columns), and a key with an expression takes none (0A000, unsupported
/// constraint with partition key definition). It holds for the partitioned partitions the key
/// or index reaches as well. Exclusion constraints and <c>ADD CONSTRAINT ... USING INDEX</c> are
/// refused on a partitioned table outright (0A000). A column the key or the index qualifies with
/// COLLATE or an operator class counts only when the two agree, which the engine does not
/// compare: a warning.
/// </summary>
internal static class PartitionedUniqueKeys
{
    /// <summary>
    /// After a CREATE or ALTER TABLE that made <paramref name="after"/>: reports and returns
    /// <see langword="true"/> when the server refuses a key it adds to a partitioned table.
    /// </summary>
    public static bool Refuses(Catalog before, Catalog after, SqlStatement statement, ApplyContext context)
    {
        QualifiedName? name = statement switch
        {
            CreateTableStatement s when s.Partitioned || s.PartitionOf => s.Name,
            AlterTableStatement s when s.Actions.Any(a => a is AddConstraintAction or AddColumnAction or AddColumnsAction or AttachPartitionAction) => s.Name,
            _ => null,
        };
        if (name is not { } tableName || !after.Tables.TryGetValue(tableName, out var table) || table.Inheritance is null) return false;
        if (statement is AlterTableStatement alter && table.Inheritance.Partitioned && alter.Actions.OfType<AddConstraintAction>().FirstOrDefault(a => a.Constraint.UsingIndex is not null) is { } usingIndex)
        {
            return Refuse($"ALTER TABLE {context.Show(tableName)} ADD CONSTRAINT ... USING INDEX", "ALTER TABLE / ADD CONSTRAINT USING INDEX is not supported on partitioned tables", "Write the constraint with its columns instead", usingIndex.At, context);
        }

        foreach (var reached in (IEnumerable<QualifiedName>)[tableName, .. TableInheritance.Descendants(after, tableName)])
        {
            if (!after.Tables.TryGetValue(reached, out var partitioned) || partitioned.Inheritance?.Key is not { } key) continue;
            var old = before.Tables.GetValueOrDefault(reached)?.Keys;
            foreach (var (keyName, tableKey) in partitioned.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (old is not null && old.TryGetValue(keyName, out var was) && was.Kind == tableKey.Kind && was.Columns.SequenceEqual(tableKey.Columns)) continue;
                var what = $"{(statement is CreateTableStatement ? "CREATE" : "ALTER")} TABLE {context.Show(tableName)}";
                if (tableKey.Kind == ConstraintKind.Other)
                {
                    return Refuse(what, "exclusion constraints are not supported on partitioned tables", "Put the exclusion constraint on each partition instead", statement.At, context);
                }

                if (tableKey.Kind is not (ConstraintKind.PrimaryKey or ConstraintKind.Unique)) continue;
                var kind = tableKey.Kind == ConstraintKind.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
                if (Refuses(partitioned, key, [.. tableKey.Columns.Select(c => new PartitionKeyPart(c, false))], $"{what}: {kind} constraint {context.Show(keyName)} on {context.Show(reached)}", statement.At, context)) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>CREATE UNIQUE INDEX</c> on <paramref name="tableName"/>: reports and returns
    /// <see langword="true"/> when the server refuses it on the partitioned table or (without
    /// ONLY) on a partitioned partition.
    /// </summary>
    public static bool RefusesIndex(Catalog catalog, QualifiedName tableName, bool only, IReadOnlyList<PartitionKeyPart>? elements, SqlToken at, ApplyContext context)
    {
        if (elements is null || !catalog.Tables.TryGetValue(tableName, out var table) || table.Inheritance is not { } links || (!links.Partitioned && links.Children.IsEmpty)) return false;
        IEnumerable<QualifiedName> reached = only ? [tableName] : [tableName, .. TableInheritance.Descendants(catalog, tableName)];
        foreach (var name in reached)
        {
            if (catalog.Tables.TryGetValue(name, out var partitioned) && partitioned.Inheritance?.Key is { } key
                && Refuses(partitioned, key, elements, $"CREATE UNIQUE INDEX ON {(only ? "ONLY " : string.Empty)}{context.Show(tableName)}: the index on {context.Show(name)}", at, context))
            {
                return true;
            }
        }

        return false;
    }

    // The key's columns against the index's elements, in the key's order, as the server checks them.
    private static bool Refuses(CatalogTable table, PartitionKey key, IReadOnlyList<PartitionKeyPart> elements, string what, SqlToken at, ApplyContext context)
    {
        foreach (var part in key.Parts)
        {
            if (part.Column is not { } column)
            {
                return Refuse(what, "unsupported UNIQUE constraint with partition key definition; UNIQUE constraints cannot be used when partition keys include expressions", "Partition by columns, or keep the uniqueness in each partition", at, context);
            }

            if (elements.Any(e => e.Column == column && !e.Qualified && !part.Qualified)) continue;
            if (elements.Any(e => e.Column == column))
            {
                context.Warning(DiagnosticCodes.PartitionedUniqueUndecided, $"{what}: PostgreSQL takes it only when its column {context.Show(column)} has the collation and equality the partition key of {context.Show(table.Name)} gives the column (else SQLSTATE 0A000, unique constraint on partitioned table must include all partitioning columns), which SchemaTasks does not compare. The snapshot takes it as made. Write the column without COLLATE or operator class in both to settle it.", at);
                continue;
            }

            return Refuse(what, $"unique constraint on partitioned table must include all partitioning columns; it lacks column {context.Show(column)}, which is part of the partition key of {context.Show(table.Name)}", $"Add {context.Show(column)} to its columns", at, context);
        }

        return false;
    }

    private static bool Refuse(string what, string why, string fix, SqlToken at, ApplyContext context)
    {
        context.Error(DiagnosticCodes.PartitionRefused, $"{what}: PostgreSQL refuses it (SQLSTATE 0A000, {why}). {fix}.", at);
        return true;
    }
}
