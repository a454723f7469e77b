using System.Diagnostics;
using System.Runtime.InteropServices;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool as users install it: <c>dotnet tool install</c> from the packages build/pack-tool.sh
/// made (build/test.sh runs it), which on x86-64 Linux must give the Native AOT build, and that
/// build must do what the framework-dependent one does, against the real servers too (the
/// database drivers are where ahead-of-time compilation could differ).
/// </summary>
public sealed class NativeToolPackageTests : IClassFixture<NativeToolPackageTests.InstalledTool>
{
    private readonly InstalledTool _tool;

    public NativeToolPackageTests(InstalledTool tool) => _tool = tool;

    [Fact]
    public void OnX64Linux_TheInstalledCommandIsTheNativeExecutable()
    {
        Assert.True(_tool.Install.Exit == 0, _tool.Install.Printed);
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            // Elsewhere the pointer package sends the CLI to SchemaTasks.Tool.any.
            Assert.Contains(".any", _tool.CommandTarget, StringComparison.Ordinal);
            return;
        }

        var target = _tool.CommandTarget;
        Assert.Contains("schematasks.tool.linux-x64", target, StringComparison.OrdinalIgnoreCase);
        var header = new byte[18];
        using (var file = File.OpenRead(target))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);

        // e_type: an executable linked at a fixed address (ET_EXEC), not a position-independent
        // one (ET_DYN) whose type data the loader relocates, or the runtime unpacks, at every
        // start (docs/tool.md, "Native tool packages").
        const ushort FixedAddressExecutable = 2;
        Assert.Equal(FixedAddressExecutable, BitConverter.ToUInt16(header, 16));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "SchemaTasks.Tool.dll")), "a native tool carries no managed entry assembly");
    }

    [Fact]
    public void OnX64Linux_TheNativeExecutableCarriesItsCollectorRegionSize()
    {
        Assert.True(_tool.Install.Exit == 0, _tool.Install.Printed);
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return; // The framework-dependent tool keeps the runtime's defaults.
        }

        // The runtime settings compiled into a Native AOT executable: their names, then their
        // values, each ending in a NUL. 1 MB regions (docs/benchmarks.md, "Smaller regions for
        // the collector"); the collector's own table of settings names the key once more.
        var image = File.ReadAllBytes(_tool.CommandTarget);
        Assert.True(Occurrences(image, "System.GC.RegionSize\0"u8) >= 2, "the executable carries no System.GC.RegionSize setting");
        Assert.Equal(1, Occurrences(image, "\01048576\0"u8));
    }

    private static int Occurrences(ReadOnlySpan<byte> image, ReadOnlySpan<byte> text)
    {
        var count = 0;
        for (var at = image.IndexOf(text); at >= 0; at = image.IndexOf(text))
        {
            count++;
            image = image[(at + text.Length)..];
        }

        return count;
    }

    [Fact]
    public async Task Snapshot_IsTheSameBytesTheEngineWrites()
    {
        var folder = ScenarioMigrations.Directory("1-prisma-job-status");
        var output = Path.Combine(_tool.Folder, "snapshot.json");

        var run = await _tool.RunAsync("snapshot", folder, "--out", output);

        Assert.True(run.Exit == 0, run.Printed);
        var set = MigrationFolderReader.Read(folder, new MigrationFolderSettings()).Set!;
        var expected = SnapshotJson.Write(SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.Postgres).Final));
        Assert.Equal(expected, File.ReadAllText(output));
    }

    [Fact]
    public async Task Snapshot_OfADrizzleJournal_IsTheSameBytesTheEngineWrites()
    {
        // The journal is JSON read by the engine: code the Native AOT build must carry whole.
        var folder = Path.Combine(_tool.Folder, "drizzle");
        Directory.CreateDirectory(Path.Combine(folder, "meta"));
        File.WriteAllText(Path.Combine(folder, "meta", "_journal.json"), """
            {
              "version": "7",
              "dialect": "postgresql",
              "entries": [
                { "idx": 0, "version": "7", "when": 1735689600000, "tag": "0000_jobs", "breakpoints": true },
                { "idx": 1, "version": "7", "when": 1735776000000, "tag": "0001_cancelled", "breakpoints": true }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "0000_jobs.sql"), "CREATE TYPE \"status\" AS ENUM('queued', 'done');--> statement-breakpoint\nCREATE TABLE \"jobs\" (\"id\" serial PRIMARY KEY, \"status\" \"status\" NOT NULL);\n");
        File.WriteAllText(Path.Combine(folder, "0001_cancelled.sql"), "ALTER TYPE \"status\" ADD VALUE 'cancelled';\n");
        var output = Path.Combine(_tool.Folder, "drizzle.json");

        var run = await _tool.RunAsync("snapshot", folder, "--dialect", "postgres", "--out", output);

        Assert.True(run.Exit == 0, run.Printed);
        var set = MigrationFolderReader.Read(folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres }).Set!;
        Assert.Equal(MigrationLayout.Drizzle, set.Layout);
        var expected = SnapshotJson.Write(SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.Postgres).Final));
        Assert.Equal(expected, File.ReadAllText(output));
        Assert.Contains("\"cancelled\"", expected, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_ThenVerify_OnPostgreSql()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var folder = ScenarioMigrations.Directory("1-prisma-job-status");

        var migrate = await _tool.RunAsync("migrate", "--migrations", folder, "--connection", db.ConnectionString);
        var verify = await _tool.RunAsync("verify", "--migrations", folder, "--connection", db.ConnectionString, "--history", "schematasks");

        Assert.True(migrate.Exit == 0, migrate.Printed);
        Assert.True(verify.Exit == 0, verify.Printed);
        Assert.Contains("SchemaTasks verification: healthy", verify.Output, StringComparison.Ordinal);
        Assert.Contains("live schema compared", verify.Output, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Migrate_ThenVerify_OnMariaDb()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var folder = ScenarioMigrations.Directory("2-golang-migrate-job-tracking");

        var migrate = await _tool.RunAsync("migrate", "--migrations", folder, "--dialect", "mariadb", "--connection", db.ConnectionString);
        var verify = await _tool.RunAsync("verify", "--migrations", folder, "--dialect", "mariadb", "--connection", db.ConnectionString, "--history", "schematasks");

        Assert.True(migrate.Exit == 0, migrate.Printed);
        Assert.True(verify.Exit == 0, verify.Printed);
        Assert.Contains("SchemaTasks verification: healthy", verify.Output, StringComparison.Ordinal);
        Assert.Contains("live schema compared", verify.Output, StringComparison.Ordinal);
    }

    /// <summary>One installation for the class: <c>dotnet tool install --tool-path</c> into a temporary folder.</summary>
    public sealed class InstalledTool : IDisposable
    {
        public InstalledTool()
        {
            Folder = Path.Combine(Path.GetTempPath(), "schematasks-native-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(Folder);
            var packages = Path.Combine(RepositoryRoot.Path, "artifacts", "packages");
            var pointer = Directory.GetFiles(packages, "SchemaTasks.Tool.*.nupkg")
                .Select(Path.GetFileName)
                .Select(name => name!["SchemaTasks.Tool.".Length..^".nupkg".Length])
                .Where(rest => char.IsAsciiDigit(rest[0]))
                .OrderByDescending(version => File.GetLastWriteTimeUtc(Path.Combine(packages, $"SchemaTasks.Tool.{version}.nupkg")))
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"No SchemaTasks.Tool package in {packages}: run build/test.sh, or build/pack-tool.sh after packing the solution.");

            // A cache of its own: the machine's may hold a same-version package of an earlier pack.
            Install = Run("dotnet", ["tool", "install", "SchemaTasks.Tool", "--version", pointer, "--tool-path", Path.Combine(Folder, "tool"), "--add-source", packages],
                ("NUGET_PACKAGES", Path.Combine(Folder, "nuget")));
            Command = Path.Combine(Folder, "tool", "schematasks");
        }

        public string Folder { get; }

        public string Command { get; }

        public (int Exit, string Output, string Error, string Printed) Install { get; }

        /// <summary>The file the installed command runs (the CLI links it into its store).</summary>
        public string CommandTarget => new FileInfo(Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Command;

        public Task<(int Exit, string Output, string Error, string Printed)> RunAsync(params string[] arguments) =>
            Task.Run(() => Run(Command, arguments));

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private static (int Exit, string Output, string Error, string Printed) Run(string file, string[] arguments, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            foreach (var (name, value) in environment) start.Environment[name] = value;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 3 minutes.");
            }

            return (process.ExitCode, output.Result, error.Result, $"exit {process.ExitCode}\n{output.Result}\n{error.Result}");
        }
    }
}
