using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Npgsql;
using SchemaTasks.MySql.History;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Verification;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks status</c>: the state of every migration in the migrator's history
/// (<c>schematasks_history</c>, or the tool's table <c>--history</c> names), read-only. Exits 1 when any is pending, failed or edited.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions.Symbols();
        var history = HistoryOptions.WrittenByMigrator("Whose history table to read: schematasks_history (the default), or the tool's table `migrate --history` wrote.");
        var command = new Command("status", "List applied, pending and failed migrations (read-only).");
        database.AddTo(command);
        command.Add(history);
        CommandFailures.SetAction(command, async (parse, output, error, cancellationToken) =>
            database.Read(parse, error) is { } options ? await RunAsync(options, parse.GetValue(history), output, error, cancellationToken) : ExitCodes.ProblemsFound);
        return command;
    }

    private static async Task<int> RunAsync(DatabaseOptions options, MigrationHistoryKind kind, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        MigrationHistory history;
        IReadOnlyList<MigrationHistory> others;
        try
        {
            (history, others) = await ReadHistoryAsync(options, kind, cancellationToken);
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"schematasks: cannot read the history of {options.Describe()}: {ex.Message}");
            return ExitCodes.ProblemsFound;
        }

        var report = MigrationStatusReport.Compute(options.Migrations, history);
        await output.WriteLineAsync($"{options.Describe()}: {history.Table}{(history.TableExists ? string.Empty : " (does not exist yet)")}");
        foreach (var status in report.Migrations)
        {
            await output.WriteLineAsync(Line(status));
        }

        var problems = report.Migrations.Count(s => s.State is MigrationState.Pending or MigrationState.Failed or MigrationState.Dirty || s.IsEdited);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{report.InState(MigrationState.Applied).Count()} applied, {report.InState(MigrationState.Pending).Count()} pending, {report.InState(MigrationState.Failed).Count()} failed."));
        foreach (var other in others)
        {
            await WriteOtherHistoryAsync(options, other, output);
        }

        return problems == 0 ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    // An empty history beside another tool's that records these migrations: the database was
    // migrated, and its state is in that table, which `migrate` would refuse to run over (ST7007).
    private static async Task WriteOtherHistoryAsync(DatabaseOptions options, MigrationHistory other, TextWriter output)
    {
        var applied = MigrationStatusReport.Compute(options.Migrations, other).InState(MigrationState.Applied).Count();
        if (applied == 0) return;
        var tool = other.Kind.ToName();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{other.Table}, the history table of {tool}, records {applied} of these migrations as applied: read it with --history {tool}."));
    }

    private static async Task<(MigrationHistory History, IReadOnlyList<MigrationHistory> Others)> ReadHistoryAsync(DatabaseOptions options, MigrationHistoryKind kind, CancellationToken cancellationToken)
    {
        if (options.Dialect == SqlDialect.Postgres)
        {
            await using var pg = new NpgsqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql").ConnectionString);
            await pg.OpenAsync(cancellationToken);
            return await ReadWithOthersAsync(
                kind,
                k => new PostgresMigrationHistoryReader(pg, k).ReadAsync(cancellationToken),
                () => PostgresMigrationHistoryReader.DetectAsync(pg, cancellationToken: cancellationToken));
        }

        await using var my = new MySqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new MySqlConnectionStringBuilder(), "MySQL", "MySqlConnector").ConnectionString);
        await my.OpenAsync(cancellationToken);
        return await ReadWithOthersAsync(
            kind,
            k => new MySqlMigrationHistoryReader(my, k).ReadAsync(cancellationToken),
            () => MySqlMigrationHistoryReader.DetectAsync(my, cancellationToken: cancellationToken));
    }

    // The other tools' tables are read only beside an empty SchemaTasks history, as the migrator reads them.
    private static async Task<(MigrationHistory History, IReadOnlyList<MigrationHistory> Others)> ReadWithOthersAsync(
        MigrationHistoryKind kind, Func<MigrationHistoryKind, Task<MigrationHistory>> read, Func<Task<IReadOnlyList<MigrationHistoryKind>>> detect)
    {
        var history = await read(kind);
        var others = new List<MigrationHistory>();
        if (history.Entries.Count == 0 && kind == MigrationHistoryKind.SchemaTasks)
        {
            foreach (var found in await detect())
            {
                if (found != kind) others.Add(await read(found));
            }
        }

        return (history, others);
    }

    private static string Line(MigrationStatus status)
    {
        var state = status.IsEdited ? "edited" : status.State.ToString().ToLowerInvariant();
        var detail = status.State switch
        {
            MigrationState.Applied when status.Applied?.FinishedAt is { } at => " at " + at.ToString("u", CultureInfo.InvariantCulture),
            MigrationState.Failed => (status.Applied?.StepsApplied is { } n ? string.Create(CultureInfo.InvariantCulture, $" after {n} statements") : string.Empty)
                + (status.Applied?.Error is { } e ? ": " + e : string.Empty),
            MigrationState.Unknown => " (in the database, not in these migrations)",
            _ => string.Empty,
        };
        return $"{state,-8} {status.Id}{detail}";
    }
}
