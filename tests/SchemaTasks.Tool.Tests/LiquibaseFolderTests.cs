using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>The tool on a Liquibase folder: <c>--history liquibase</c>, and a changeset id used twice.</summary>
public sealed class LiquibaseFolderTests : IDisposable
{
    private const string Changelog = "--liquibase formatted sql\n\n--changeset ann:jobs\nCREATE TABLE jobs (id int);\n--rollback DROP TABLE jobs;\n\n--changeset ann:note\nALTER TABLE jobs ADD COLUMN note text;\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-liquibase-" + Guid.NewGuid().ToString("N")[..8]);

    public LiquibaseFolderTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "changelog.sql"), Changelog);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task Verify_WithHistoryLiquibase_ReadsDatabasechangelog_PendingThenHealthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // Checksums computed outside .NET with Liquibase's version-9 rule.
        await ExecuteAsync(db, """
            CREATE TABLE jobs (id int);
            CREATE TABLE databasechangelog (id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL, dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL, exectype varchar(10) NOT NULL, md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10));
            INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum) VALUES ('jobs', 'ann', 'db/changelog.sql', now(), 1, 'EXECUTED', '9:68e087af511a0b1b983b508e00d92269');
            """);
        string[] verify = ["verify", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString, "--history", "liquibase"];

        var pending = await ToolRun.RunAsync(verify);
        await ExecuteAsync(db, "ALTER TABLE jobs ADD COLUMN note text; INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum) VALUES ('note', 'ann', 'db/changelog.sql', now(), 2, 'EXECUTED', '9:e84979d05f51833b42c26bbf375eb0fa');");
        var healthy = await ToolRun.RunAsync(verify);

        Assert.Equal(ExitCodes.ProblemsFound, pending.Exit);
        Assert.Contains("error ST6001: Migration changelog.sql::note::ann (changelog.sql) has not been applied.", pending.Output, StringComparison.Ordinal);
        Assert.Contains("liquibase update", pending.Output, StringComparison.Ordinal);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
        Assert.Contains("liquibase table databasechangelog; 2 applied, 0 pending", healthy.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_LeavesOutIgnoredChangesets_AndThoseWhoseDbmsIsNotPostgresql_AsLiquibaseDoes()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // Each left-out changeset would fail on PostgreSQL if it were sent.
        File.AppendAllText(Path.Combine(_folder, "changelog.sql"), "\n--changeset ann:ignored ignore:true\nSELECT 1 / 0;\n\n--changeset ann:mysql-only dbms:!postgresql\nALTER TABLE jobs MODIFY note int;\n\n--changeset ann:pg dbms:postgresql,h2\nALTER TABLE jobs ADD COLUMN pg int;\n");

        var run = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);

        Assert.True(run.Exit == ExitCodes.Success, run.Output + run.Error);
        Assert.Contains("3 applied, 0 already applied.", run.Output, StringComparison.Ordinal);
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'jobs'", connection);
        Assert.Equal("id,note,pg", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Snapshot_OfAChangelogWithAnIdUsedTwice_FailsAtTheSecond_AndWritesNothing()
    {
        File.AppendAllText(Path.Combine(_folder, "changelog.sql"), "--changeset ann:jobs\nCREATE TABLE more (id int);\n");
        var output = Path.Combine(_folder, "..", Path.GetFileName(_folder) + ".snapshot.json");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", output);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Matches(@"changelog\.sql\(9,1\): error ST1020: Changeset 'ann:jobs' is defined twice in 'changelog\.sql' \(lines 3 and 9\)", error.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static async Task ExecuteAsync(PostgresTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
