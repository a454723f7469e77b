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
        try
        {
            history = await ReadHistoryAsync(options, kind, cancellationToken);
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
        return problems == 0 ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    private static async Task<MigrationHistory> ReadHistoryAsync(DatabaseOptions options, MigrationHistoryKind kind, CancellationToken cancellationToken)
    {
        if (options.Dialect == SqlDialect.Postgres)
        {
            await using var pg = new NpgsqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql").ConnectionString);
            await pg.OpenAsync(cancellationToken);
            return await new PostgresMigrationHistoryReader(pg, kind).ReadAsync(cancellationToken);
        }

        await using var my = new MySqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new MySqlConnectionStringBuilder(), "MySQL", "MySqlConnector").ConnectionString);
        await my.OpenAsync(cancellationToken);
        return await new MySqlMigrationHistoryReader(my, kind).ReadAsync(cancellationToken);
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
