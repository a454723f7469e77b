using System.Diagnostics;
using Xunit;

namespace SchemaTasks.Testing;

/// <summary>
/// The real dbmate and drizzle-orm migrator that <c>build/peer-tools.sh</c> installs, run as
/// their users run them, so tests compare SchemaTasks with the tools themselves.
/// </summary>
internal static class PeerTools
{
    /// <summary>The folder the tools are installed in (<c>build/peer-tools.sh env</c>).</summary>
    public const string Variable = "SCHEMATASKS_TEST_PEER_TOOLS";

    /// <summary>Runs dbmate with <paramref name="arguments"/>.</summary>
    public static Task<(int ExitCode, string Output)> DbmateAsync(params string[] arguments) =>
        RunAsync(Path.Combine(Folder(), "node_modules", ".bin", "dbmate"), arguments);

    /// <summary>Runs drizzle-orm's migrator through <c>tests/Shared/PeerTools/drizzle-migrate.mjs</c>.</summary>
    public static Task<(int ExitCode, string Output)> DrizzleAsync(params string[] arguments) =>
        RunAsync("node", [Path.Combine(RepositoryRoot.Path, "tests", "Shared", "PeerTools", "drizzle-migrate.mjs"), .. arguments]);

    /// <summary>Runs Prisma's schema engine through <c>tests/Shared/PeerTools/prisma-migrate.mjs</c> (<c>deploy</c> or <c>status</c>).</summary>
    public static Task<(int ExitCode, string Output)> PrismaAsync(params string[] arguments) =>
        RunAsync("node", [Path.Combine(RepositoryRoot.Path, "tests", "Shared", "PeerTools", "prisma-migrate.mjs"), .. arguments]);

    /// <summary>Writes <paramref name="files"/> to a new folder, deleted when the result is disposed.</summary>
    public static TemporaryFolder WriteFolder(IEnumerable<Migrations.MigrationSourceFile> files)
    {
        var folder = new TemporaryFolder(Path.Combine(Path.GetTempPath(), "schematasks-peer-" + Guid.NewGuid().ToString("N")[..12]));
        foreach (var file in files)
        {
            var path = Path.Combine(folder.Path, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        return folder;
    }

    /// <summary>A folder of migrations a tool reads, deleted with everything in it on disposal.</summary>
    public sealed class TemporaryFolder(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
    }

    private static string Folder() => TestDatabaseEnvironment.RequireConnectionString(Variable);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment[Variable] = Folder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A test that needs the PostgreSQL server and the peer tools.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgresPeerToolFactAttribute : FactAttribute
{
    public PostgresPeerToolFactAttribute()
    {
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.PostgresVariable);
        TestDatabaseEnvironment.SkipUnlessAvailable(this, PeerTools.Variable);
    }
}

/// <summary>A test that needs the MySQL or MariaDB server and the peer tools.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class MySqlPeerToolFactAttribute : FactAttribute
{
    public MySqlPeerToolFactAttribute()
    {
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.MySqlVariable);
        TestDatabaseEnvironment.SkipUnlessAvailable(this, PeerTools.Variable);
    }
}
