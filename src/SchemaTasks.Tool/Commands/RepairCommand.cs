using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.Npgsql.Migrator;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks repair</c>: for each failed migration, prints the plan back to the schema before
/// it (<c>--to before</c>, the default) or forward to the schema after it (<c>--to after</c>), with
/// the objects each statement touches. Runs it only with <c>--apply</c>, and a plan that drops
/// data only with <c>--allow-data-loss</c>.
/// </summary>
internal static class RepairCommand
{
    private static readonly Dictionary<string, RepairDirection> Directions = new(StringComparer.Ordinal)
    {
        ["before"] = RepairDirection.Before,
        ["after"] = RepairDirection.After,
    };

    public static Command Create()
    {
        var database = new DatabaseOptions.Symbols();
        var to = new Option<RepairDirection?>("--to")
        {
            HelpName = "before|after",
            Description = "Back to the schema before the failed migration (the default), or forward to the schema after it.",
            CustomParser = r => OptionParsing.Choice(r, Directions, "use --to before (undo what the failed migration left) or --to after (finish it)."),
        };
        var apply = ToolOptions.Flag("--apply", "Run the plan; without it, only print it.");
        var allowDataLoss = ToolOptions.Flag("--allow-data-loss", "Let --apply run a plan that drops data.");
        var lockTimeout = ToolOptions.LockTimeout();
        var command = new Command("repair", "Show the statements that take a failed migration back to the schema before it or forward to after it; run them with --apply.");
        database.AddTo(command);
        command.Add(to);
        command.Add(apply);
        command.Add(allowDataLoss);
        command.Add(lockTimeout);
        CommandFailures.SetAction(command, async (parse, output, error, cancellationToken) =>
        {
            var repair = new RepairOptions
            {
                To = parse.GetValue(to) ?? RepairDirection.Before,
                Apply = parse.GetValue(apply),
                AllowDataLoss = parse.GetValue(allowDataLoss),
                LockTimeout = parse.GetValue(lockTimeout) ?? MigrateOptions.DefaultLockTimeout,
            };
            return database.Read(parse, error) is { } options
                ? await RunAsync(options, repair, output, error, cancellationToken)
                : ExitCodes.ProblemsFound;
        });
        return command;
    }

    private static async Task<int> RunAsync(DatabaseOptions options, RepairOptions repair, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        RepairResult result;
        try
        {
            result = options.Dialect == SqlDialect.Postgres
                ? await PostgresMigrator.RepairAsync(options.Migrations, options.ConnectionString, repair, cancellationToken)
                : await MySqlMigrator.RepairAsync(options.Migrations, options.ConnectionString, repair, cancellationToken);
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
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
                    await error.WriteLineAsync($"schematasks: error {DiagnosticCodes.RepairDropsData}: the plan for migration '{failed.Id}' drops data ({dropped}), so nothing ran. Keep what you need (a backup, a copy of the rows), then run again with --apply --allow-data-loss.");
                    break;
                case RepairOutcome.Blocked:
                    await error.WriteLineAsync($"schematasks: error {DiagnosticCodes.RepairBlocked}: repair cannot take migration '{failed.Id}' {Where(failed.Plan.Direction)} safely, so nothing ran. {string.Join(" ", failed.Plan.Blockers)}");
                    break;
            }
        }

        if (!result.Applied)
        {
            await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply to run the plan.");
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
}
