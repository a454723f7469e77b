using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Migrations with psql's own commands, run by the real psql (<see cref="PsqlClient"/>) and read by
/// the engine: the commands that send the query buffer (<c>\g</c>, <c>\gset</c>, <c>\gexec</c>) end
/// the statement before them, <c>\if</c> picks the branch psql runs, and <c>\set</c> variables are
/// replaced as psql replaces them. Before, the statement after <c>\gset</c> or <c>\gexec</c> was
/// swallowed into the query and the snapshot silently missed it (openreplay's upgrade scripts), and
/// <c>:'v'</c> became a default's text.
/// </summary>
public sealed class PostgresPsqlScriptTests
{
    [PsqlTheory]
    [InlineData("a command alone on a line after the query", "SELECT 1 AS one\n\\gset\nCREATE TABLE a (x int);\nSELECT 2\n\\g\nCREATE TABLE b (x int);")]
    [InlineData("a command at the end of a query line", "SELECT 1 AS one \\gset\nCREATE TABLE a (x int);\nSELECT 2\\g\nCREATE TABLE b (x int);\nSELECT 3 \\gx\nALTER TABLE b ADD COLUMN y int;")]
    [InlineData("\\gdesc describes without running", "CREATE TABLE t2 (id int)\\gdesc\nCREATE TABLE t3 (id int) \\g")]
    [InlineData("\\; joins two statements in one query", "CREATE TABLE t4 (id int) \\; ALTER TABLE t4 ADD COLUMN n int;\nSELECT 1 \\; CREATE TABLE t5 (id int);")]
    [InlineData("\\if false runs the \\else branch", "\\if false\nCREATE TABLE x (a int);\n\\else\nCREATE TABLE y (a int);\n\\endif")]
    [InlineData("nested conditions on variables", "\\set t off\n\\set flag yes\n\\if :t\nCREATE TABLE x (a int);\n\\elif :flag\n  \\if 0\nCREATE TABLE x2 (a int);\n  \\else\nCREATE TABLE y (a int);\n  \\endif\n\\else\nCREATE TABLE z (a int);\n\\endif")]
    [InlineData("variables set in the file", "\\set tbl 'items'\n\\set d 'it''s'\n\\set w hello world\n\\set n 7\nSELECT :'d';\nCREATE TABLE :\"tbl\" (id int DEFAULT :n, note text DEFAULT :'d', w text DEFAULT :'w', c text DEFAULT '::x');\nALTER TABLE items ALTER COLUMN id SET DEFAULT :n + 1;")]
    public async Task The_engine_builds_what_psql_builds(string behaviour, string sql)
    {
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        var live = await RunWithPsqlAsync(behaviour, sql);
        var diffs = CatalogComparer.Compare(built, live);
        Assert.True(diffs.Count == 0, $"{behaviour}: engine vs psql:\n  {string.Join("\n  ", diffs)}");
    }

    [PsqlFact]
    public async Task Gexec_is_reported_and_the_statement_after_it_is_still_read()
    {
        const string Sql = "SELECT 'SELECT 42' WHERE true\\gexec\nCREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY);\nSELECT 1\\g\nCREATE TABLE t2 (id int);";
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        var found = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PsqlRunsQueryResult, 1), (found.Code, found.Line));

        var live = await RunWithPsqlAsync("gexec", Sql);
        Assert.Empty(CatalogComparer.Compare(built, live));
    }

    [PsqlFact]
    public async Task A_variable_the_file_does_not_set_is_reported_where_psql_has_the_server_refuse_it()
    {
        const string Sql = "CREATE TABLE a (x int);\nCREATE TABLE b (x text DEFAULT :'v');";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.PsqlVariableUnknown && d.Line == 2 && d.Column == 32);

        await using var db = await PostgresTestDatabase.CreateAsync();
        var (exitCode, errors) = await PsqlClient.RunFileAsync(db.ConnectionString, Sql);
        Assert.Equal(3, exitCode); // ON_ERROR_STOP: the server refused a statement.
        Assert.Contains(":2: ERROR:  syntax error at or near \":\"", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// psql prints an error for a condition it cannot read and takes it as false, even with
    /// ON_ERROR_STOP; the engine reports it (the value may come from 'psql -v') and reads it so.
    /// </summary>
    [PsqlFact]
    public async Task A_condition_psql_cannot_read_is_reported_and_read_as_psql_reads_it()
    {
        const string Sql = "\\if :nope\nCREATE TABLE q1 (a int);\n\\else\nCREATE TABLE q2 (a int);\n\\endif\nCREATE TABLE q3 (a int);";
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        Assert.Equal([(DiagnosticCodes.PsqlConditionUndecided, 1)], diagnostics.Select(d => (d.Code, d.Line)));

        await using var db = await PostgresTestDatabase.CreateAsync();
        var (exitCode, errors) = await PsqlClient.RunFileAsync(db.ConnectionString, Sql);
        Assert.Equal(0, exitCode);
        Assert.Contains("unrecognized value \":nope\" for \"\\if expression\"", errors, StringComparison.Ordinal);
        await using var connection = await db.OpenConnectionAsync();
        Assert.Empty(CatalogComparer.Compare(built, await PostgresSchemaReader.ReadAsync(connection)));
    }

    /// <summary>
    /// golang-migrate (and every layout but plain) sends the file to the server as written, in one
    /// command: the server refuses the backslash, which the engine reports at it for that layout.
    /// </summary>
    [PostgresFact]
    public async Task A_tool_that_sends_the_file_to_the_server_has_the_backslash_refused()
    {
        const string Sql = "CREATE TABLE a (x int);\nSELECT 1 AS one\n\\gset\nCREATE TABLE b (x int);";
        var set = new MigrationSet(MigrationLayout.GolangMigrate, SqlDialect.Postgres, [new SchemaTasks.Migrations.Migration("1", "1", "init", "1_init.up.sql", "checksum", Sql)]);
        var (_, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.Postgres);
        var found = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PsqlCommandSentToServer, DiagnosticSeverity.Error, 3), (found.Code, found.Severity, found.Line));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42601", error.SqlState);
    }

    private static async Task<Catalog> RunWithPsqlAsync(string behaviour, string sql)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var (exitCode, errors) = await PsqlClient.RunFileAsync(db.ConnectionString, sql);
        Assert.True(exitCode == 0, $"{behaviour}: psql exited with {exitCode}: {errors}");
        await using var connection = await db.OpenConnectionAsync();
        return await PostgresSchemaReader.ReadAsync(connection);
    }
}
