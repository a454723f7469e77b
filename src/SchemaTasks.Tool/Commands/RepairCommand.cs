using System.Data.Common;
using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrating;
using SchemaTasks.MySql.Migration;
using SchemaTasks.Npgsql.Migration;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks repair</c>: for each failed migration, prints the plan back to the schema before
/// it (<c>--to before</c>, the default) or forward to the schema after it (<c>--to after</c>), with
/// the objects each statement touches. Runs it only with <c>--apply yes</c>, and a plan that drops
/// data only with <c>--allow-data-loss yes</c>.
/// </summary>
internal static class RepairCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error)
    {
        var repair = new RepairOptions();
        var options = DatabaseOptions.Read(arguments, error, a =>
        {
            repair = new RepairOptions
            {
                To = a.Option("to") switch
                {
                    null or "before" => RepairDirection.Before,
                    "after" => RepairDirection.After,
                    var other => throw new UsageException($"--to is '{other}'; use --to before (undo what the failed migration left) or --to after (finish it)."),
                },
                Apply = YesNo(a, "apply"),
                AllowDataLoss = YesNo(a, "allow-data-loss"),
                LockTimeout = DatabaseOptions.LockTimeout(a.Option("lock-timeout")) ?? MigrateOptions.DefaultLockTimeout,
            };
        });
        if (options is null)
        {
            return ExitCodes.ProblemsFound;
        }

        RepairResult result;
        try
        {
            result = options.Dialect == SqlDialect.Postgres
                ? await PostgresMigrator.RepairAsync(options.Migrations, options.ConnectionString, repair)
                : await MySqlMigrator.RepairAsync(options.Migrations, options.ConnectionString, repair);
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"schematasks: cannot repair {options.Describe()}: {ex.Message}");
            return ExitCodes.ProblemsFound;
        }

        if (result.Failed.Count == 0)
        {
            await output.WriteLineAsync($"{options.Describe()}: no failed migration, nothing to repair.");
            return ExitCodes.Success;
        }

        foreach (var failed in result.Failed)
        {
            await WriteAsync(failed, output);
            switch (failed.Outcome)
            {
                case RepairOutcome.Repaired:
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"repaired {failed.Id}: ran {failed.Plan.Statements.Count} statement(s) and {Done(failed.Plan.Direction)}."));
                    break;
                case RepairOutcome.RefusedDataLoss:
                    var dropped = string.Join(", ", failed.Plan.Statements.Where(s => s.DropsData).Select(s => s.Touches));
                    await error.WriteLineAsync($"schematasks: error {DiagnosticCodes.RepairDropsData}: the plan for migration '{failed.Id}' drops data ({dropped}), so nothing ran. Keep what you need (a backup, a copy of the rows), then run again with --allow-data-loss yes.");
                    break;
                case RepairOutcome.Blocked:
                    await error.WriteLineAsync($"schematasks: error {DiagnosticCodes.RepairBlocked}: repair cannot take migration '{failed.Id}' {Where(failed.Plan.Direction)} safely, so nothing ran. {string.Join(" ", failed.Plan.Blockers)}");
                    break;
            }
        }

        if (!result.Applied)
        {
            await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply yes to run the plan.");
        }

        // Success only when every failure is repaired: the next migrate can then run.
        return result.Failed.All(f => f.Outcome == RepairOutcome.Repaired) ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    private static async Task WriteAsync(FailedMigrationRepair failed, TextWriter output)
    {
        var plan = failed.Plan;
        await output.WriteLineAsync($"failed {failed.Id}: {failed.Summary}");
        if (plan.CanApply)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  Plan {Where(plan.Direction)} (--to {Option(plan.Direction)}): {plan.Statements.Count} statement(s), then {Then(plan.Direction)}."));
        }
        else
        {
            await output.WriteLineAsync($"  No plan {Where(plan.Direction)} (--to {Option(plan.Direction)}):");
            foreach (var blocker in plan.Blockers) await output.WriteLineAsync($"  cannot: {blocker}");
        }

        for (var i = 0; i < plan.Statements.Count; i++)
        {
            var statement = plan.Statements[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  -- {i + 1}. {statement.Touches}{(statement.DropsData ? " [drops data]" : string.Empty)}"));
            var sql = statement.Sql.Trim();
            foreach (var line in (sql.EndsWith(';') ? sql : sql + ";").Split('\n')) await output.WriteLineAsync("  " + line.TrimEnd('\r'));
        }

        foreach (var note in plan.Notes) await output.WriteLineAsync($"  note: {note}");
        var other = failed.Other;
        await output.WriteLineAsync(other.CanApply
            ? string.Create(CultureInfo.InvariantCulture, $"  The other way, {Where(other.Direction)} (--to {Option(other.Direction)}): {other.Statements.Count} statement(s){(other.DropsData ? ", dropping data" : string.Empty)}, then {Then(other.Direction)}.")
            : $"  The other way, {Where(other.Direction)} (--to {Option(other.Direction)}), cannot be planned: {string.Join(" ", other.Blockers)}");
    }

    private static string Where(RepairDirection direction) => direction == RepairDirection.Before ? "back to before the migration" : "forward to after the migration";

    private static string Option(RepairDirection direction) => direction == RepairDirection.Before ? "before" : "after";

    private static string Then(RepairDirection direction) => direction == RepairDirection.Before
        ? "delete its failed history row, so the next migrate applies it again"
        : "mark its history row applied";

    private static string Done(RepairDirection direction) => direction == RepairDirection.Before
        ? "deleted its failed history row, so the next migrate applies it again"
        : "marked its history row applied";

    private static bool YesNo(Arguments arguments, string name) => arguments.Option(name) switch
    {
        null or "no" or "false" => false,
        "yes" or "true" => true,
        var other => throw new UsageException($"--{name} is '{other}'; use --{name} yes or leave it out."),
    };
}
