using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Tool.Tests;

public sealed class SnapshotCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-snapshot-" + Guid.NewGuid().ToString("N")[..8]);

    public SnapshotCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_IsTheSameTheEngineProduces()
    {
        Write("000001_init.up.sql", "CREATE TABLE job_tracking (job_type ENUM('cleanup','failover') DEFAULT NULL);\n");
        Write("000001_init.down.sql", "DROP TABLE job_tracking;\n");

        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "mysql");

        Assert.True(exit == ExitCodes.Success, error);
        var set = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.MySql }).Set!;
        Assert.Equal(SnapshotJson.Write(SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.MySql).Final)), output);
        Assert.Contains("\"failover\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_WritesTheFileAndNothingToStandardOutput()
    {
        Write("1_init.sql", "CREATE TYPE mood AS ENUM ('ok');\n");
        var outFile = Path.Combine(_folder, "schema.snapshot.json");

        var (exit, output, _) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", outFile);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", output);
        Assert.Contains("\"ok\"", File.ReadAllText(outFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_ToADevice_WritesToTheDevice_AndLeavesItADevice()
    {
        if (OperatingSystem.IsWindows()) return; // NUL is never a file there; /dev/null is, once replaced by a move.
        Write("1_init.sql", "CREATE TYPE mood AS ENUM ('ok');\n");

        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", "/dev/null");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("", output);
        Assert.Equal("", File.ReadAllText("/dev/null")); // A regular file put in its place would hold the snapshot.
        Assert.Empty(Directory.GetFiles("/dev", "null.*.tmp"));
    }

    [Fact]
    public async Task Out_ToALink_ReplacesTheFileItNames_AndKeepsTheLink()
    {
        if (OperatingSystem.IsWindows()) return; // Creating a link there needs a privilege the tests may lack.
        Write("1_init.sql", "CREATE TYPE mood AS ENUM ('ok');\n");
        var real = Path.Combine(_folder, "real.json");
        File.WriteAllText(real, "old");
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, real);

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", link);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Contains("\"ok\"", File.ReadAllText(real), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_TwoRunsAtOnce_EachWriteAWholeFile_AndLeaveNothingElse()
    {
        Write("1_init.sql", string.Concat(Enumerable.Range(0, 300).Select(i => $"CREATE TYPE mood_{i} AS ENUM ('ok', 'fine');\n")));
        var outFolder = Path.Combine(_folder, "out");
        Directory.CreateDirectory(outFolder);
        var outFile = Path.Combine(outFolder, "schema.snapshot.json");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", outFile))));

        Assert.All(runs, run => Assert.True(run.Exit == ExitCodes.Success, run.Error));
        var set = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres }).Set!;
        Assert.Equal(SnapshotJson.Write(SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.Postgres).Final)), File.ReadAllText(outFile));
        Assert.Equal([outFile], Directory.GetFiles(outFolder));
    }

    [Fact]
    public async Task MalformedSql_ReportsFileLineAndColumnAndWritesNothing()
    {
        Write("1_init.sql", "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE t (m mood,\n");
        var outFile = Path.Combine(_folder, "schema.snapshot.json");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", outFile);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Matches(@"1_init\.sql\(2,\d+\): error ST2\d{3}: ", error);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public async Task DbmateMigrationUsingTheLabelItAdds_FailsAtTheUse_AndWritesNothing()
    {
        Write("20240101000000_a.sql", "-- migrate:up\nCREATE TYPE status AS ENUM ('a','b');\nCREATE TABLE t (id int, s status NOT NULL DEFAULT 'a');\n-- migrate:down\n");
        Write("20240102000000_b.sql", "-- migrate:up\nALTER TYPE status ADD VALUE 'c';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\n-- migrate:down\n");
        var outFile = Path.Combine(_folder, "s.json");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", outFile);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Contains("20240102000000_b.sql(3,42): error ST3072: dbmate runs this migration in one transaction", error, StringComparison.Ordinal);
        Assert.Contains("ALTER TYPE status ADD VALUE 'c' on line 2", error, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public async Task PlainFolderWithoutDialect_IsAUsageErrorSayingWhatToAdd()
    {
        Write("1_init.sql", "SELECT 1;\n");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("add --dialect postgres, --dialect mysql (MySQL 8) or --dialect mariadb", error, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
