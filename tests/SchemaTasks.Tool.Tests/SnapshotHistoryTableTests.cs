namespace SchemaTasks.Tool.Tests;

/// <summary>
/// <c>snapshot --history-table</c>: DataEase configures Flyway with <c>table=de_standalone_version</c>,
/// which Flyway creates before V1, and its migrations alter it. Named, the table is the tool's, as
/// <c>flyway_schema_history</c> is by default; unnamed, altering it is a missing table (ST3007).
/// </summary>
public sealed class SnapshotHistoryTableTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-history-table-" + Guid.NewGuid().ToString("N")[..8]);

    public SnapshotHistoryTableTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "V1__init.sql"), "CREATE TABLE core_store (id bigint PRIMARY KEY);\n");
        File.WriteAllText(Path.Combine(_folder, "V2__comments.sql"), "ALTER TABLE `core_store` COMMENT = 'favourites';\nALTER TABLE `de_standalone_version` COMMENT = 'migration history';\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ANamedHistoryTable_IsTheTools_AndStaysOutOfTheSnapshot()
    {
        using var process = ToolProcess.Start(["snapshot", _folder, "--dialect", "mariadb", "--layout", "flyway", "--history-table", "de_standalone_version"]);

        var (exit, output, error) = await process.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("\"core_store\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("de_standalone_version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutIt_AlteringTheTableIsAMissingTable()
    {
        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "mariadb", "--layout", "flyway");

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Matches(@"V2__comments\.sql\(2,\d+\): error ST3007", error);
    }

    [Fact]
    public async Task Verify_ReadsTheFolderWithTheSameTable_BeforeItConnects()
    {
        // The folder is read first: with the table named, it builds, and only the connection fails.
        var (exit, _, error) = await ToolRun.RunAsync(
            "verify", "--migrations", _folder, "--dialect", "mariadb", "--layout", "flyway", "--history", "flyway", "--history-table", "de_standalone_version",
            "--connection", "Server=127.0.0.1;Port=1;Database=dataease;User ID=app;Password=x;Connection Timeout=3");

        Assert.Equal(ExitCodes.CannotConnect, exit);
        Assert.DoesNotContain("ST3007", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameThatIsNotAnIdentifier_IsAUsageError()
    {
        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "mariadb", "--history-table", "x; DROP TABLE y");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--history-table", error, StringComparison.Ordinal);
    }
}
