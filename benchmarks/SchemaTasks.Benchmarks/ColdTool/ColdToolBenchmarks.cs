using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SchemaTasks.Benchmarks.Corpus;
using SchemaTasks.Benchmarks.SelfCheck;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Benchmarks.ColdTool;

/// <summary>
/// The <c>schematasks</c> command as a deploy pipeline meets it: a whole process, started cold,
/// each iteration one run. The framework-dependent tool (<c>dotnet SchemaTasks.Tool.dll</c>)
/// and the Native AOT one (what <c>SchemaTasks.Tool.linux-x64</c> installs) against node with
/// libpg-query, PostgreSQL's own parser, parsing the same 1,000 migrations (the baseline).
/// Prerequisites, which setup checks and names: docs/benchmarks.md, "The tool started cold".
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
[MinColumn]
[MedianColumn]
[HideColumns("MB/s")]
public class ColdToolBenchmarks
{
    private static readonly string Repository = RepositoryRoot.Path;
    private static readonly string Artifacts = Path.Combine(Repository, "artifacts");
    private static readonly string Corpus = Path.Combine(Artifacts, "bench-corpus", "postgres-1000");
    private static readonly string OneMigration = Path.Combine(Artifacts, "bench-corpus", "postgres-1");
    private static readonly string FrameworkDependentTool = Path.Combine(Repository, "src", "SchemaTasks.Tool", "bin", "Release", "net8.0", "SchemaTasks.Tool.dll");
    private static readonly string NativeTool = Path.Combine(Artifacts, "native-tool", "SchemaTasks.Tool");
    private static readonly string NodeFolder = Path.Combine(Artifacts, "bench-node");
    private static readonly string NodeScript = Path.Combine(NodeFolder, "parse-folder.mjs");
    private static readonly string Output = Path.Combine(Artifacts, "bench-corpus", "snapshot.json");

    private string _verifyDatabase = null!;
    private string _verifyFolder = null!;

    [GlobalSetup]
    public void Setup()
    {
        Require(FrameworkDependentTool, "dotnet build SchemaTasks.sln -c Release");
        Require(NativeTool, "dotnet publish src/SchemaTasks.Tool -c Release -r linux-x64 -p:SchemaTasksNativeTool=true -o artifacts/native-tool");
        Require(Path.Combine(NodeFolder, "node_modules", "libpg-query", "package.json"), "npm install --prefix artifacts/bench-node libpg-query@18.1.5");
        // ES modules resolve packages from the script's own folder, not NODE_PATH.
        File.Copy(Path.Combine(Repository, "benchmarks", "SchemaTasks.Benchmarks", "ColdTool", "parse-folder.mjs"), NodeScript, overwrite: true);
        if (!Directory.Exists(Corpus))
        {
            CorpusWriter.Run(Corpus, "postgres");
        }

        if (!Directory.Exists(OneMigration))
        {
            Directory.CreateDirectory(OneMigration);
            File.Copy(Path.Combine(Corpus, "migration_lock.toml"), Path.Combine(OneMigration, "migration_lock.toml"));
            var first = Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal).First();
            Directory.CreateDirectory(Path.Combine(OneMigration, Path.GetFileName(first)));
            File.Copy(Path.Combine(first, "migration.sql"), Path.Combine(OneMigration, Path.GetFileName(first), "migration.sql"));
        }

        // verify: the self-check benchmarks' 1,000 applied Prisma migrations, written as the
        // folder the command reads.
        _verifyFolder = Path.Combine(Artifacts, "bench-corpus", "selfcheck-prisma");
        if (!Directory.Exists(_verifyFolder))
        {
            foreach (var file in SelfCheckCorpus.PrismaFiles())
            {
                var path = Path.Combine(_verifyFolder, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }
        }

        _verifyDatabase = SelfCheckDatabases.Recreate("bench_cold_verify");
        PrismaHistory.ApplyAll(_verifyDatabase, ExpectedSchema.FromFiles(SelfCheckCorpus.PrismaFiles()));
        foreach (var verify in new[] { FrameworkDependentVerify(), NativeVerify() })
        {
            if (verify != 0) throw new InvalidOperationException("verify does not pass on the set-up database.");
        }
    }

    [Benchmark(Baseline = true, Description = "node + libpg-query: parse 1,000")]
    public int NodeParse() => Run("node", NodeScript, Corpus);

    [Benchmark(Description = "framework-dependent: snapshot 1,000")]
    public int FrameworkDependentSnapshot() => Run("dotnet", FrameworkDependentTool, "snapshot", Corpus, "--out", Output);

    [Benchmark(Description = "native: snapshot 1,000")]
    public int NativeSnapshot() => Run(NativeTool, "snapshot", Corpus, "--out", Output);

    [Benchmark(Description = "framework-dependent: snapshot 1")]
    public int FrameworkDependentSnapshotOne() => Run("dotnet", FrameworkDependentTool, "snapshot", OneMigration, "--out", Output);

    [Benchmark(Description = "native: snapshot 1")]
    public int NativeSnapshotOne() => Run(NativeTool, "snapshot", OneMigration, "--out", Output);

    [Benchmark(Description = "framework-dependent: verify 1,000")]
    public int FrameworkDependentVerify() => Run("dotnet", FrameworkDependentTool, "verify", "--migrations", _verifyFolder, "--connection", _verifyDatabase, "--history", "prisma");

    [Benchmark(Description = "native: verify 1,000")]
    public int NativeVerify() => Run(NativeTool, "verify", "--migrations", _verifyFolder, "--connection", _verifyDatabase, "--history", "prisma");

    [Benchmark(Description = "node -e 0")]
    public int NodeStartup() => Run("node", "-e", "0");

    private static int Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        }

        return process.ExitCode;
    }

    private static void Require(string path, string command)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing; run: {command}");
    }
}
