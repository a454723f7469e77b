using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SchemaTasks.Benchmarks.Migrator;

/// <summary>
/// The <c>psql</c> client run as a process over loopback TCP: the floor the migrators are
/// measured against. Found as <c>build/db.sh</c> finds the server: <c>pg_config --bindir</c>,
/// else the newest <c>/usr/lib/postgresql/*/bin</c>, else <c>psql</c> on the PATH.
/// </summary>
internal sealed class Psql(string program)
{
    public string Program { get; } = program;

    public static Psql Find()
    {
        var fromPgConfig = TryRun("pg_config", "--bindir")?.Trim();
        if (fromPgConfig is { Length: > 0 } && File.Exists(Path.Combine(fromPgConfig, "psql")))
        {
            return new Psql(Path.Combine(fromPgConfig, "psql"));
        }

        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "psql")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", "psql"))
                .FirstOrDefault()
            : null;
        return new Psql(newest ?? "psql");
    }

    /// <summary>
    /// Feeds <paramref name="script"/> on standard input to a database as the connection string's
    /// user: quiet, no psqlrc, stopping at the first error (which fails the run).
    /// </summary>
    public void Run(string connectionString, string script)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-X", "-q", "-v", "ON_ERROR_STOP=1",
            "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture),
            "-U", settings.Username!, "-d", settings.Database!,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = settings.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Program} exited with {process.ExitCode}: {errors.Result}{output.Result}");
        }
    }

    private static string? TryRun(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return null;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
