using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>The tool on an Atlas folder: <c>--history atlas</c>, and an atlas.sum that does not match.</summary>
public sealed class AtlasFolderTests : IDisposable
{
    // atlas.sum of the two files below, computed outside .NET (Python's hashlib, Atlas's rule).
    private const string Sum = """
        h1:nxTsfLyZXq5YeBlxobZZIbctJImC5o/kQPPxH9MB01w=
        1_jobs.sql h1:BQyP/BS+1viBFvMPzpjWlymDVmHGzJylpZwzmRsEytk=
        2_note.sql h1:smP/5qZu+PpYJxVDffZ6h6msdoWbSkecR2O/A0lQxbU=

        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-atlas-" + Guid.NewGuid().ToString("N")[..8]);

    public AtlasFolderTests()
    {
        Directory.CreateDirectory(_folder);
        Write("1_jobs.sql", "CREATE TABLE jobs (id int);\n");
        Write("2_note.sql", "ALTER TABLE jobs ADD COLUMN note text;\n");
        Write("atlas.sum", Sum);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task Verify_WithHistoryAtlas_ReadsItsRevisionsSchema_PendingThenHealthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await ExecuteAsync(db, """
            CREATE TABLE jobs (id int);
            CREATE SCHEMA atlas_schema_revisions;
            CREATE TABLE atlas_schema_revisions.atlas_schema_revisions (version varchar PRIMARY KEY, description varchar NOT NULL, type bigint NOT NULL DEFAULT 2, applied bigint NOT NULL DEFAULT 0, total bigint NOT NULL DEFAULT 0, executed_at timestamptz NOT NULL, execution_time bigint NOT NULL, error text, error_stmt text, hash varchar NOT NULL, partial_hashes jsonb, operator_version varchar NOT NULL);
            INSERT INTO atlas_schema_revisions.atlas_schema_revisions VALUES ('1', 'jobs', 2, 1, 1, now(), 1, NULL, NULL, 'BQyP/BS+1viBFvMPzpjWlymDVmHGzJylpZwzmRsEytk=', NULL, 'Atlas CLI v0.30.0');
            """);
        string[] verify = ["verify", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString, "--history", "atlas"];

        var pending = await ToolRun.RunAsync(verify);
        await ExecuteAsync(db, "ALTER TABLE jobs ADD COLUMN note text; INSERT INTO atlas_schema_revisions.atlas_schema_revisions VALUES ('2', 'note', 2, 1, 1, now(), 1, NULL, NULL, 'smP/5qZu+PpYJxVDffZ6h6msdoWbSkecR2O/A0lQxbU=', NULL, 'Atlas CLI v0.30.0');");
        var healthy = await ToolRun.RunAsync(verify);

        Assert.Equal(ExitCodes.ProblemsFound, pending.Exit);
        Assert.Contains("error ST6001: Migration 2 (2_note.sql) has not been applied.", pending.Output, StringComparison.Ordinal);
        Assert.Contains("atlas migrate apply", pending.Output, StringComparison.Ordinal);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
        Assert.Contains("atlas table atlas_schema_revisions.atlas_schema_revisions; 2 applied, 0 pending", healthy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_OfAFolderEditedAfterAtlasMigrateHash_FailsNamingTheFile_AndWritesNothing()
    {
        Write("2_note.sql", "ALTER TABLE jobs ADD COLUMN note varchar(200);\n");
        var output = Path.Combine(_folder, "..", Path.GetFileName(_folder) + ".snapshot.json");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", output);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Matches(@"2_note\.sql\(1,1\): error ST1018: '2_note\.sql' does not match atlas\.sum \(line 3 records", error.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private void Write(string relative, string text) => File.WriteAllText(Path.Combine(_folder, relative), text);

    private static async Task ExecuteAsync(PostgresTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
