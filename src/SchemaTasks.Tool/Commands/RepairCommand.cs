using System.Data.Common;
using SchemaTasks.Migrating;
using SchemaTasks.MySql.Migration;
using SchemaTasks.Npgsql.Migration;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks repair</c>: reports each failed migration and the way out; with
/// <c>--apply yes</c>, clears the ones of which nothing remains. A dry run unless asked.
/// </summary>
internal static class RepairCommand
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error)
    {
        var apply = false;
        TimeSpan? lockTimeout = null;
        var options = DatabaseOptions.Read(arguments, error, a =>
        {
            lockTimeout = DatabaseOptions.LockTimeout(a.Option("lock-timeout"));
            apply = a.Option("apply") switch
            {
                null or "no" or "false" => false,
                "yes" or "true" => true,
                var other => throw new UsageException($"--apply is '{other}'; use --apply yes to change the history."),
            };
        });
        if (options is null)
        {
            return ExitCodes.ProblemsFound;
        }

        RepairResult result;
        try
        {
            var migrateOptions = DatabaseOptions.MigrateOptions(lockTimeout);
            result = options.Dialect == SqlDialect.Postgres
                ? await PostgresMigrator.RepairAsync(options.Migrations, options.ConnectionString, apply, migrateOptions)
                : await MySqlMigrator.RepairAsync(options.Migrations, options.ConnectionString, apply, migrateOptions);
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"schematasks: cannot repair {options.Describe()}: {ex.Message}");
            return ExitCodes.ProblemsFound;
        }

        if (result.Failed.Count == 0)
        {
            await output.WriteLineAsync("No failed migration: nothing to repair.");
            return ExitCodes.Success;
        }

        foreach (var failed in result.Failed)
        {
            await output.WriteLineAsync($"{(failed.Cleared ? "cleared" : "failed ")} {failed.Id}: {failed.Advice}");
        }

        if (!apply && result.Failed.Any(f => f.NothingRemains))
        {
            await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply yes to clear the migrations of which nothing remains.");
        }

        // Success only when every failure is cleared: the next migrate can then run.
        return result.Failed.All(f => f.Cleared) ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }
}
