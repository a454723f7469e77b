using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Tool.Commands;

/// <summary><c>schematasks migrate</c>: applies the pending migrations with the migrator, under its lock. Ctrl+C cancels it.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var database = new DatabaseOptions.Symbols();
        var lockTimeout = ToolOptions.LockTimeout();
        var history = HistoryOptions.WrittenByMigrator("Whose history table records the applied migrations: schematasks_history (the default), or the table of the tool that owns the folder's layout, written as that tool writes it and under its lock, so the tool agrees afterwards.");
        var skipCheck = new Option<bool>("--skip-check")
        {
            Description = "Apply a --migrations folder even when SchemaTasks finds errors in its SQL (a statement the server would refuse stops the run there; MySQL and MariaDB cannot roll back the DDL before it).",
        };
        var command = new Command("migrate", "Apply the pending migrations, recorded in schematasks_history or, with --history, in the folder's own tool's table. Ctrl+C cancels: the migration running in a transaction is rolled back.");
        database.AddTo(command);
        command.Add(lockTimeout);
        command.Add(history);
        command.Add(skipCheck);
        CommandFailures.SetAction(command, async (parse, output, error, cancellationToken) =>
        {
            var options = database.Read(parse, error);
            if (options is null) return ExitCodes.ProblemsFound;
            if (!parse.GetValue(skipCheck) && !Checked(options, parse.GetValue(database.Migrations)!, error)) return ExitCodes.ProblemsFound;
            return await RunAsync(options, parse.GetValue(lockTimeout), parse.GetValue(history), output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DatabaseOptions options, TimeSpan? lockTimeout, MigrationHistoryKind history, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Each migration is printed as it is recorded: a long run shows progress, and a failure
        // still shows the migrations this run applied before it.
        var migrateOptions = DatabaseOptions.MigrateOptions(lockTimeout) with
        {
            OnApplied = applied => output.WriteLine(Describe(applied, options.Dialect)),
            History = history,
        };
        var recordedIn = history == MigrationHistoryKind.SchemaTasks ? string.Empty : $", recording in {history.ToName()}'s history ({history.DefaultTable()})";
        await output.WriteLineAsync($"Migrating {options.Describe()}{recordedIn}");
        try
        {
            var result = options.Dialect == SqlDialect.Postgres
                ? await PostgresMigrator.MigrateAsync(options.Migrations, options.ConnectionString, migrateOptions, cancellationToken)
                : await MySqlMigrator.MigrateAsync(options.Migrations, options.ConnectionString, migrateOptions, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Applied.Count} applied, {result.AlreadyApplied} already applied."));
            return ExitCodes.Success;
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Connection and permission failures: the driver's message, which never holds the password.
            await error.WriteLineAsync($"schematasks: cannot migrate {options.Describe()}: {ex.Message}");
            return ExitCodes.ProblemsFound;
        }
    }

    // A folder is checked as a build checks it before anything is sent: a statement the server
    // refuses would stop the run halfway, and MySQL and MariaDB keep the DDL before it. An
    // assembly was checked when it was built.
    private static bool Checked(DatabaseOptions options, string folder, TextWriter error)
    {
        if (options.Folder is not { } set) return true;
        var diagnostics = SchemaEngine.BuildFinal(set, options.Dialect).Diagnostics;
        DiagnosticWriter.Write(diagnostics, folder, error);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors == 0) return true;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schematasks: not migrating: SchemaTasks found {errors} error(s) in the migrations (above), and nothing was sent to the database. Correct them, declare what a statement does with a /* schematasks:equivalent ... */ comment, or pass --skip-check to apply the folder as it is."));
        return false;
    }

    private static string Describe(MigrationApplied applied, SqlDialect dialect)
    {
        var how = dialect.IsMySqlFamily() ? string.Empty : applied.InTransaction ? ", in a transaction" : ", without a transaction";
        return string.Create(CultureInfo.InvariantCulture, $"applied {applied.Id} ({applied.Statements} statements{how}, {applied.Duration.TotalMilliseconds:0} ms)");
    }
}
