using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool on folders of up/down migrations: diesel's, and pairs no layout reads (authelia's
/// names), whose down files must never run as forward migrations.
/// </summary>
public sealed class DownFilesFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-down-" + Guid.NewGuid().ToString("N")[..8]);

    public DownFilesFolderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_OfUpDownPairsNoLayoutReads_IsTheUpFilesSchema_WithANote()
    {
        WritePairs(up => up + ".up.sql", down => down + ".down.sql", "V0001.Init", "V0002.Repair");

        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("info ST1023: The migrations folder is made of up/down pairs", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".down.sql\"", output, StringComparison.Ordinal);
        // The up files alone: c stays NOT NULL DEFAULT 5, as on a server that ran them.
        Assert.Matches(@"""name"": ""c"",\s*""type"": ""integer"",\s*""nullable"": false,\s*""default"": ""5""", output);
    }

    [Fact]
    public async Task Snapshot_OfADownFileBesideAFileOfNoDirection_IsST1022_AndWritesNothing()
    {
        WritePairs(up => up + ".up.sql", down => down + ".down.sql", "V0001.Init", "V0002.Repair");
        File.WriteAllText(Path.Combine(_folder, "seed.sql"), "SELECT 1;\n");
        var outFile = _folder + ".snapshot.json";

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", outFile);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Matches(@"V0001\.Init\.down\.sql: error ST1022: 'V0001\.Init\.down\.sql' is a down migration by its name \(2 in the folder\)", error.Replace('\\', '/'));
        Assert.Contains("Set --layout to the layout of the tool that wrote the folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("diesel")]
    public async Task Manifest_OfADieselFolder_ListsTheUpFilesByDieselsVersion(string? layout)
    {
        WritePairs(up => up + "/up.sql", down => down + "/down.sql", "2019-02-26-002946_init", "2019-03-01-000000_repair");
        string[] args = layout is null ? ["manifest", _folder, "--dialect", "postgres"] : ["manifest", _folder, "--dialect", "postgres", "--layout", layout];

        var (exit, output, error) = await ToolRun.RunAsync(args);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("", error);
        Assert.Contains("\"layout\": \"diesel\"", output, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"20190226002946\"", output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"2019-03-01-000000_repair/up.sql\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("down.sql", output, StringComparison.Ordinal);
    }

    // The finding's folder: the second up file repairs a column the first created; each down file undoes its up file.
    private void WritePairs(Func<string, string> upPath, Func<string, string> downPath, string first, string second)
    {
        Write(upPath(first), "CREATE TABLE a (id int PRIMARY KEY, c int NOT NULL DEFAULT 5);\n");
        Write(downPath(first), "DROP TABLE IF EXISTS a;\n");
        Write(upPath(second), "ALTER TABLE a ADD COLUMN IF NOT EXISTS c int;\n");
        Write(downPath(second), "ALTER TABLE a DROP COLUMN IF EXISTS c;\n");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
