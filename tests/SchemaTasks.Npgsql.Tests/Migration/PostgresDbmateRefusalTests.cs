using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>
/// The files the real dbmate refuses before running them (UPchieve's formatter indented the
/// '-- migrate:down' markers): dbmate applies nothing of the file, and discovery reports ST1029 at
/// the line instead of reading the down SQL as part of the up.
/// </summary>
public sealed class PostgresDbmateRefusalTests
{
    [PostgresPeerToolFact]
    public async Task Files_dbmate_refuses_are_reported_and_nothing_of_them_runs()
    {
        (string Text, int Line, string DbmateSays)[] cases =
        [
            ("-- migrate:up\nCREATE TABLE a (id int);\n    -- migrate:down\nDROP TABLE IF EXISTS a;\n", 3, "define a down block"),
            ("-- migrate:up\nCREATE TABLE a (id int);\n", 1, "define a down block"),
            ("SELECT 1;\n-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n", 1, "statements preceding"),
            ("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n-- migrate:down\n", 5, "preceded by a '-- migrate:up'"),
        ];

        foreach (var (text, line, dbmateSays) in cases)
        {
            var files = new[] { new MigrationSourceFile("20200101000000_a.sql", text) };
            var error = Assert.Single(MigrationDiscovery.Discover(files, MigrationLayout.Dbmate).Diagnostics);
            Assert.Equal((DiagnosticCodes.DbmateRefusesFile, line), (error.Code, error.Line));

            await using var db = await PostgresTestDatabase.CreateAsync();
            using var folder = PeerTools.WriteFolder(files);
            var up = await PeerTools.DbmateAsync("--url", Url(db), "--migrations-dir", folder.Path, "--no-dump-schema", "up");
            Assert.NotEqual(0, up.ExitCode);
            Assert.Contains(dbmateSays, up.Output, StringComparison.Ordinal);
            await using var connection = await db.OpenConnectionAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'a'", connection);
            Assert.Equal(0L, await tables.ExecuteScalarAsync());
        }
    }

    [PostgresPeerToolFact]
    public async Task A_second_section_fails_on_the_history_after_the_first_is_committed()
    {
        var files = new[] { new MigrationSourceFile("20200101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\n") };
        var error = Assert.Single(MigrationDiscovery.Discover(files, MigrationLayout.Dbmate).Diagnostics);
        Assert.Equal((DiagnosticCodes.DbmateRefusesFile, 4), (error.Code, error.Line));

        await using var db = await PostgresTestDatabase.CreateAsync();
        using var folder = PeerTools.WriteFolder(files);
        var up = await PeerTools.DbmateAsync("--url", Url(db), "--migrations-dir", folder.Path, "--no-dump-schema", "up");
        Assert.NotEqual(0, up.ExitCode);
        Assert.Contains("23505", up.Output, StringComparison.Ordinal);
    }

    private static string Url(PostgresTestDatabase db)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        return $"postgres://{Uri.EscapeDataString(builder.Username!)}:{Uri.EscapeDataString(builder.Password ?? string.Empty)}@{builder.Host}:{builder.Port}/{builder.Database}?sslmode=disable";
    }
}
