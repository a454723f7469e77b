using System.Diagnostics;
using Npgsql;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Runs a migration file with the real psql, as projects that apply their files with
/// <c>psql -X -v ON_ERROR_STOP=1 -f</c> do. psql is <c>SCHEMATASKS_TEST_PSQL</c>, else the one on
/// the PATH, else the newest under <c>/usr/lib/postgresql/*/bin</c> (where build/db.sh finds the server).
/// </summary>
internal static class PsqlClient
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>psql's path; null when there is none.</summary>
    public static string? Path => Found.Value;

    /// <summary>Runs <paramref name="sql"/> as a file on the database of <paramref name="connectionString"/>.</summary>
    /// <returns>psql's exit code and what it wrote to standard error.</returns>
    public static async Task<(int ExitCode, string Errors)> RunFileAsync(string connectionString, string sql)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"st_psql_{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, sql);
        try
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("psql was not found."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file }) start.ArgumentList.Add(argument);
            start.Environment["PGHOST"] = target.Host;
            start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PGUSER"] = target.Username;
            start.Environment["PGPASSWORD"] = target.Password;
            start.Environment["PGDATABASE"] = target.Database;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await output;
            await process.WaitForExitAsync();
            return (process.ExitCode, errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SCHEMATASKS_TEST_PSQL") is { Length: > 0 } set) return set;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(System.IO.Path.Combine(directory, "psql"))) return System.IO.Path.Combine(directory, "psql");
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian)
                .Select(d => System.IO.Path.Combine(d, "bin", "psql"))
                .Where(File.Exists)
                .OrderBy(p => int.TryParse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(p))), out var major) ? major : 0)
                .LastOrDefault()
            : null;
    }
}

/// <summary>A test that needs the PostgreSQL server in <c>SCHEMATASKS_TEST_POSTGRES</c> and a psql client.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PsqlTheoryAttribute : TheoryAttribute
{
    public PsqlTheoryAttribute()
    {
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.PostgresVariable);
        if (Skip is null && PsqlClient.Path is null) Skip = "No psql client: set SCHEMATASKS_TEST_PSQL, or put psql on the PATH.";
    }
}

/// <summary>The single-case form of <see cref="PsqlTheoryAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PsqlFactAttribute : FactAttribute
{
    public PsqlFactAttribute()
    {
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.PostgresVariable);
        if (Skip is null && PsqlClient.Path is null) Skip = "No psql client: set SCHEMATASKS_TEST_PSQL, or put psql on the PATH.";
    }
}
