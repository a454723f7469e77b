using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool on a pop folder (ory kratos' naming): one version written for several dialects, the
/// snapshot built from the files the dialect runs, down files never run forward.
/// </summary>
public sealed class PopFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-pop-" + Guid.NewGuid().ToString("N")[..8]);

    public PopFolderTests()
    {
        Directory.CreateDirectory(_folder);
        Write("20150100000001000000_networks.postgres.up.sql", "CREATE TABLE networks (id uuid PRIMARY KEY, created_at timestamp NOT NULL);\n");
        Write("20150100000001000000_networks.mysql.up.sql", "CREATE TABLE networks (id char(36) PRIMARY KEY, created_at datetime NOT NULL);\n");
        Write("20150100000001000000_networks.cockroach.up.sql", "CREATE TABLE networks (id UUID PRIMARY KEY, nonsense_for_cockroach int);\n");
        Write("20150100000001000000_networks.postgres.down.sql", "DROP TABLE networks;\n");
        Write("20150100000001000000_networks.mysql.down.sql", "DROP TABLE networks;\n");
        Write("20200100000001000000_notes.up.sql", "CREATE TABLE notes (id int PRIMARY KEY);\n");
        Write("20200100000001000000_notes.down.sql", "DROP TABLE notes;\n");
        Write("20200100000002000000_notes_index.autocommit.up.sql", "CREATE INDEX notes_id_idx ON notes (id);\n");
        Write("20200100000002000000_notes_index.autocommit.down.sql", "DROP INDEX notes_id_idx;\n");
        Write("20200100000003000000_only_mysql.mysql.up.sql", "ALTER TABLE notes ADD COLUMN body text;\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_ForPostgres_IsThePostgresFilesSchema()
    {
        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("", error);
        Assert.Matches(@"""name"": ""id"",\s*""type"": ""uuid""", output);
        Assert.DoesNotContain("nonsense_for_cockroach", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"body\"", output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"20200100000002000000_notes_index.autocommit.up.sql\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(".down.sql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_ForMySql_IsTheMySqlFilesSchema()
    {
        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "mysql");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("", error);
        Assert.Matches(@"""name"": ""id"",\s*""type"": ""char\(36\)""", output);
        Assert.Contains("\"body\"", output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"20200100000002000000_notes_index.autocommit.up.sql\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(".down.sql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_ListsTheChosenFilesByPopsVersion()
    {
        var (exit, output, error) = await ToolRun.RunAsync("manifest", _folder, "--dialect", "mariadb");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("\"layout\": \"pop\"", output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"20150100000001000000_networks.mysql.up.sql\"", output, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"20200100000003000000\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres.up.sql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_WithoutADialect_IsST1008_NamingDashDashDialect()
    {
        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder);

        // As for any folder whose dialect is missing: the command was not given what it needs.
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("error ST1008: The pop migrations name the dialect", error, StringComparison.Ordinal);
        Assert.Contains("--dialect", error, StringComparison.Ordinal);
    }

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_folder, relative), text);
}
