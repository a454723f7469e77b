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
/// (<c>schematasks_history</c>), read-only. Exits 1 when any is pending, failed or edited.
/// </summary>
internal static class StatusCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error)
    {
        var options = DatabaseOptions.Read(arguments, error);
        if (options is null)
        {
            return ExitCodes.ProblemsFound;
        }

        MigrationHistory history;
        try
        {
            history = await ReadHistoryAsync(options);
        }
        catch (DbException ex)
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

    private static async Task<MigrationHistory> ReadHistoryAsync(DatabaseOptions options)
    {
        if (options.Dialect == SqlDialect.Postgres)
        {
            await using var pg = new NpgsqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql").ConnectionString);
            await pg.OpenAsync();
            return await new PostgresMigrationHistoryReader(pg, MigrationHistoryKind.SchemaTasks).ReadAsync();
        }

        await using var my = new MySqlConnection(Providers.ConnectionStringReader.Read(options.ConnectionString, new MySqlConnectionStringBuilder(), "MySQL", "MySqlConnector").ConnectionString);
        await my.OpenAsync();
        return await new MySqlMigrationHistoryReader(my, MigrationHistoryKind.SchemaTasks).ReadAsync();
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
