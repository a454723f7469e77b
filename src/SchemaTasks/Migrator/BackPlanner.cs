using SchemaTasks.Scaffolding;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>
/// The statements that undo what the live database holds of a failed migration: every object it
/// created, dropped or altered, compared between the schema before it, after it, and live (the
/// same comparison as <see cref="FailedMigrationAnalysis"/>). What cannot be undone safely is a
/// blocker with its reason, never a guess.
/// </summary>
internal static class BackPlanner
{
    public static (List<RepairStatement> Statements, List<string> Blockers) Plan(Catalog before, Catalog after, Catalog live)
    {
        var plan = new Phases();
        var dialect = after.Dialect;

        foreach (var schema in before.Schemas.Except(after.Schemas).Where(s => !live.Schemas.Contains(s)))
        {
            plan.First.Add(new(SchemaChangeSql.CreateSchema(before, schema), $"schema {schema}", false));
        }

        foreach (var schema in after.Schemas.Except(before.Schemas).Where(live.Schemas.Contains))
        {
            plan.Last.Add(new(SchemaChangeSql.DropSchema(after, schema), $"schema {schema}", false));
        }

        PlanEnumTypes(before, after, live, plan);
        PlanDomains(before, after, live, plan);

        foreach (var (name, table) in after.Tables)
        {
            if (live.FindTable(name) is not { } liveTable) continue;
            if (before.FindTable(name) is not { } old)
            {
                plan.DropTables.Add(new(SchemaChangeSql.DropTable(after, name), $"table {name}", true));
                continue;
            }

            PlanTable(name, old, table, liveTable, dialect, live.Dialect, after, plan);
        }

        foreach (var name in before.Tables.Keys.Where(n => !after.Tables.ContainsKey(n) && live.FindTable(n) is null))
        {
            plan.Blockers.Add($"The migration dropped table {name}, and its rows with it: repair cannot bring it back (SchemaTasks does not track its keys, indexes or rows). Restore it from a backup, or repair forward (--to after).");
        }

        return (plan.InOrder(), plan.Blockers);
    }

    private static void PlanEnumTypes(Catalog before, Catalog after, Catalog live, Phases plan)
    {
        foreach (var (name, type) in after.EnumTypes)
        {
            if (live.FindEnumType(name) is not { } liveType) continue;
            if (before.FindEnumType(name) is not { } old)
            {
                plan.DropTypes.Add(new(SchemaChangeSql.DropType(after, name), $"enum {name}", false));
                continue;
            }

            foreach (var label in type.Labels.Where(l => !old.Labels.Contains(l, StringComparer.Ordinal) && liveType.Labels.Contains(l, StringComparer.Ordinal)))
            {
                plan.Blockers.Add(
                    $"The migration added label '{label}' to enum type {name}, and PostgreSQL cannot remove a label from an enum type (ALTER TYPE has no DROP VALUE), "
                    + "so repair cannot give the type back its labels. Repair forward (--to after) instead; or by hand, create the type anew without the label, "
                    + "move each column to it (ALTER TABLE ... ALTER COLUMN ... TYPE <new type> USING <column>::text::<new type>), drop the old type and rename the new one.");
            }
        }

        foreach (var (name, type) in before.EnumTypes.Where(t => !after.EnumTypes.ContainsKey(t.Key) && live.FindEnumType(t.Key) is null))
        {
            plan.First.Add(new(SchemaChangeSql.CreateEnumType(before, type), $"enum {name}", false));
        }
    }

    private static void PlanDomains(Catalog before, Catalog after, Catalog live, Phases plan)
    {
        foreach (var name in after.Domains.Keys.Where(n => !before.Domains.ContainsKey(n) && live.FindDomain(n) is not null))
        {
            plan.DropTypes.Insert(0, new(SchemaChangeSql.DropDomain(after, name), $"domain {name}", false));
        }

        foreach (var (name, domain) in before.Domains.Where(d => !after.Domains.ContainsKey(d.Key) && live.FindDomain(d.Key) is null))
        {
            plan.First.Add(new(SchemaChangeSql.CreateDomain(before, domain), $"domain {name}", false));
        }
    }

    private static void PlanTable(QualifiedName name, CatalogTable old, CatalogTable table, CatalogTable liveTable, SqlDialect dialect, SqlDialect liveDialect, Catalog after, Phases plan)
    {
        foreach (var column in table.Columns)
        {
            if (liveTable.FindColumn(column.Name, liveDialect) is not { } liveColumn) continue;
            if (old.FindColumn(column.Name, dialect) is not { } oldColumn)
            {
                plan.DropColumns.Add(new(SchemaChangeSql.DropColumn(after, name, column.Name), $"column {name}.{column.Name}", true));
            }
            else if (!FailedMigrationAnalysis.SameShape(oldColumn, column) && FailedMigrationAnalysis.SameShape(liveColumn, column))
            {
                var ownCheck = old.Checks.FirstOrDefault(c => c.OwnerColumn is { } owner && string.Equals(owner, oldColumn.Name, StringComparison.OrdinalIgnoreCase)); // MariaDB
                plan.RestoreColumns.Add(new(SchemaChangeSql.RestoreColumnType(after, name, oldColumn, ownCheck), $"column {name}.{column.Name}", !Widens(oldColumn, column)));
            }
        }

        foreach (var column in old.Columns.Where(c => table.FindColumn(c.Name, dialect) is null && liveTable.FindColumn(c.Name, liveDialect) is null))
        {
            plan.Blockers.Add($"The migration dropped column {name}.{column.Name}, and its values with it: repair cannot bring them back. Restore them from a backup, or repair forward (--to after).");
        }

        foreach (var check in table.Checks.Where(c => !old.Checks.Any(o => FailedMigrationAnalysis.SameCheck(o, c))))
        {
            // The live constraint's own name: servers name unnamed CHECKs differently.
            if (liveTable.Checks.FirstOrDefault(l => FailedMigrationAnalysis.SameCheck(l, check)) is { } liveCheck)
            {
                plan.DropChecks.Add(new(SchemaChangeSql.DropCheck(after, name, liveCheck.Name), $"check {name}.{liveCheck.Name}", false));
            }
        }

        foreach (var check in old.Checks.Where(o => !table.Checks.Any(c => FailedMigrationAnalysis.SameCheck(o, c)) && !liveTable.Checks.Any(l => FailedMigrationAnalysis.SameCheck(l, o))))
        {
            plan.AddChecks.Add(new(SchemaChangeSql.AddCheck(after, name, check), $"check {name}.{check.Name}", false));
        }
    }

    // Only giving an ENUM or SET back a list that holds every value it has now keeps every row's value;
    // any other type change is a cast that may lose or refuse data.
    private static bool Widens(CatalogColumn restored, CatalogColumn current) =>
        restored.InlineValues is { } back && current.InlineValues is { } now && back.Kind == now.Kind
        && now.Values.All(v => back.Values.Contains(v, StringComparer.Ordinal));

    // Objects are re-created before anything uses them and dropped after nothing does.
    private sealed class Phases
    {
        public List<RepairStatement> First { get; } = [];

        public List<RepairStatement> DropChecks { get; } = [];

        public List<RepairStatement> DropColumns { get; } = [];

        public List<RepairStatement> RestoreColumns { get; } = [];

        public List<RepairStatement> DropTables { get; } = [];

        public List<RepairStatement> AddChecks { get; } = [];

        public List<RepairStatement> DropTypes { get; } = [];

        public List<RepairStatement> Last { get; } = [];

        public List<string> Blockers { get; } = [];

        public List<RepairStatement> InOrder() => [.. First, .. DropChecks, .. DropColumns, .. RestoreColumns, .. DropTables, .. AddChecks, .. DropTypes, .. Last];
    }
}
