using SchemaTasks.Schema;

namespace SchemaTasks.Verification;

/// <summary>What a migration does to one object.</summary>
public enum MigrationObjectChange
{
    /// <summary>The migration creates the object (or adds the label, column or CHECK).</summary>
    Create,

    /// <summary>The migration drops it.</summary>
    Drop,

    /// <summary>The migration changes it (a column's type, an ENUM list).</summary>
    Alter,
}

/// <summary>One change a migration makes, and whether the live database holds it.</summary>
/// <param name="Kind">The kind of object: <c>schema</c>, <c>enum</c>, <c>label</c>, <c>domain</c>, <c>table</c>, <c>column</c>, <c>check</c>.</param>
/// <param name="Name">The object (<c>momentum.ScheduleFrequency</c>, <c>momentum.mm_scheduled_issue.frequency</c>).</param>
/// <param name="Change">What the migration does to it.</param>
/// <param name="Done">Whether the live database shows the change: created objects exist, dropped ones are gone, altered ones look as the migration leaves them.</param>
public sealed record MigrationObjectCheck(string Kind, string Name, MigrationObjectChange Change, bool Done)
{
    /// <summary>The fact as a person reads it: <c>enum momentum.ScheduleFrequency exists</c>.</summary>
    public override string ToString() => (Change, Done) switch
    {
        (MigrationObjectChange.Create, true) => $"{Kind} {Name} exists",
        (MigrationObjectChange.Create, false) => $"{Kind} {Name} does not",
        (MigrationObjectChange.Drop, true) => $"{Kind} {Name} is dropped",
        (MigrationObjectChange.Drop, false) => $"{Kind} {Name} still exists",
        (_, true) => $"{Kind} {Name} is altered",
        (_, false) => $"{Kind} {Name} is not altered",
    };
}

/// <summary>
/// For a migration that failed halfway: the changes it makes (the difference between the schema
/// before and after it) and which of them the live database holds, so a person knows what to
/// drop to roll back or what to create to roll forward.
/// </summary>
public static class FailedMigrationAnalysis
{
    /// <summary>Lists the migration's changes and whether each is in <paramref name="live"/>.</summary>
    /// <param name="before">The schema before the migration (<see cref="SchemaBuildResult.Before"/>).</param>
    /// <param name="after">The schema after it (<see cref="SchemaBuildResult.After"/>).</param>
    /// <param name="live">The schema read from the database.</param>
    /// <returns>Schemas, enum types, domains, then tables, each by name; an object's parts after it.</returns>
    public static IReadOnlyList<MigrationObjectCheck> Analyze(Catalog before, Catalog after, Catalog live)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(live);
        var checks = new List<MigrationObjectCheck>();

        foreach (var schema in after.Schemas.Except(before.Schemas)) checks.Add(new("schema", schema, MigrationObjectChange.Create, live.Schemas.Contains(schema)));
        foreach (var schema in before.Schemas.Except(after.Schemas)) checks.Add(new("schema", schema, MigrationObjectChange.Drop, !live.Schemas.Contains(schema)));

        foreach (var (name, type) in after.EnumTypes)
        {
            var liveType = live.FindEnumType(name);
            if (before.FindEnumType(name) is not { } old)
            {
                checks.Add(new("enum", name.ToString(), MigrationObjectChange.Create, liveType is not null));
                continue;
            }

            foreach (var label in type.Labels.Where(l => !old.Labels.Contains(l, StringComparer.Ordinal)))
            {
                checks.Add(new("label", $"{name}.{label}", MigrationObjectChange.Create, liveType?.Labels.Contains(label, StringComparer.Ordinal) == true));
            }
        }

        foreach (var name in before.EnumTypes.Keys.Where(n => !after.EnumTypes.ContainsKey(n))) checks.Add(new("enum", name.ToString(), MigrationObjectChange.Drop, live.FindEnumType(name) is null));
        foreach (var name in after.Domains.Keys.Where(n => !before.Domains.ContainsKey(n))) checks.Add(new("domain", name.ToString(), MigrationObjectChange.Create, live.FindDomain(name) is not null));
        foreach (var name in before.Domains.Keys.Where(n => !after.Domains.ContainsKey(n))) checks.Add(new("domain", name.ToString(), MigrationObjectChange.Drop, live.FindDomain(name) is null));

        foreach (var (name, table) in after.Tables)
        {
            var liveTable = live.FindTable(name);
            if (before.FindTable(name) is not { } old)
            {
                checks.Add(new("table", name.ToString(), MigrationObjectChange.Create, liveTable is not null));
                continue;
            }

            AnalyzeTable(name, old, table, liveTable, after.Dialect, live.Dialect, checks);
        }

        foreach (var name in before.Tables.Keys.Where(n => !after.Tables.ContainsKey(n))) checks.Add(new("table", name.ToString(), MigrationObjectChange.Drop, live.FindTable(name) is null));
        return checks;
    }

    private static void AnalyzeTable(QualifiedName name, CatalogTable old, CatalogTable table, CatalogTable? liveTable, SqlDialect dialect, SqlDialect liveDialect, List<MigrationObjectCheck> checks)
    {
        foreach (var column in table.Columns)
        {
            var liveColumn = liveTable?.FindColumn(column.Name, liveDialect);
            var oldColumn = old.FindColumn(column.Name, dialect);
            if (oldColumn is null)
            {
                checks.Add(new("column", $"{name}.{column.Name}", MigrationObjectChange.Create, liveColumn is not null));
            }
            else if (!SameShape(oldColumn, column))
            {
                checks.Add(new("column", $"{name}.{column.Name}", MigrationObjectChange.Alter, liveColumn is not null && SameShape(liveColumn, column)));
            }
        }

        foreach (var column in old.Columns.Where(c => table.FindColumn(c.Name, dialect) is null))
        {
            checks.Add(new("column", $"{name}.{column.Name}", MigrationObjectChange.Drop, liveTable?.FindColumn(column.Name, liveDialect) is null));
        }

        // CHECKs are matched by what they do (column and values), not by name: servers name them differently.
        foreach (var check in table.Checks.Where(c => !old.Checks.Any(o => SameCheck(o, c))))
        {
            checks.Add(new("check", $"{name}.{check.Name}", MigrationObjectChange.Create, liveTable?.Checks.Any(l => SameCheck(l, check)) == true));
        }

        foreach (var check in old.Checks.Where(o => !table.Checks.Any(c => SameCheck(o, c))))
        {
            checks.Add(new("check", $"{name}.{check.Name}", MigrationObjectChange.Drop, liveTable?.Checks.Any(l => SameCheck(l, check)) != true));
        }
    }

    internal static bool SameShape(CatalogColumn a, CatalogColumn b) =>
        string.Equals(a.Type, b.Type, StringComparison.Ordinal)
        && (a.InlineValues?.Values ?? []).SequenceEqual(b.InlineValues?.Values ?? [], StringComparer.Ordinal);

    internal static bool SameCheck(CatalogCheck a, CatalogCheck b) => a.IsValueSet || b.IsValueSet
        ? string.Equals(a.Column, b.Column, StringComparison.OrdinalIgnoreCase) && a.Values.Order(StringComparer.Ordinal).SequenceEqual(b.Values.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        : string.Equals(a.Name, b.Name, StringComparison.Ordinal);
}
