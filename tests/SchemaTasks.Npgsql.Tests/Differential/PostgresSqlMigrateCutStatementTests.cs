using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// sql-migrate ends a statement at each line whose last word ends with ';', and at StatementEnd,
/// without reading quotes. Each file is run on the server as sql-migrate runs it (its statements,
/// one by one, in one transaction): the engine reports ST1037 exactly when the server refuses a
/// statement sql-migrate cut (42601), at that statement, and nothing when every statement runs.
/// </summary>
public sealed class PostgresSqlMigrateCutStatementTests
{
    [PostgresTheory]
    [InlineData("a PL/pgSQL body without a statement block", "CREATE TABLE jobs (id int);\nCREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n", true)]
    [InlineData("a SQL body in quotes", "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS '\n  SELECT 1;\n';\n", true)]
    [InlineData("a string spanning lines", "CREATE TABLE notes (body text DEFAULT 'first;\nsecond');\n", true)]
    [InlineData("a block comment inside a statement", "CREATE TABLE notes (id int /* the key;\n */, body text);\n", true)]
    [InlineData("StatementEnd before the body closes", "-- +migrate StatementBegin\nCREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n-- +migrate StatementEnd\n$$ LANGUAGE plpgsql;\n", true)]
    [InlineData("the body inside StatementBegin and StatementEnd", "-- +migrate StatementBegin\nCREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n-- +migrate StatementEnd\nCREATE TABLE jobs (id int);\n", false)]
    [InlineData("a '--' comment after the semicolon", "CREATE TABLE jobs (id int); -- the jobs\nCREATE TABLE runs (id int);\n", false)]
    [InlineData("comment lines inside a statement, dropped", "CREATE TABLE jobs (\n-- the key\n  id int\n);\n", false)]
    [InlineData("a block opened in a Down section and closed in the next Up", "CREATE TABLE jobs (id int);\n-- +migrate Down\n-- +migrate StatementBegin\n-- +migrate Up\nCREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n-- +migrate StatementEnd\n", false)]
    public async Task The_engine_reports_ST1037_exactly_where_the_server_refuses_what_sql_migrate_sends(string behaviour, string up, bool cut)
    {
        var text = "-- +migrate Up\n" + up;
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("1_m.sql", text)], MigrationLayout.SqlMigrate);
        var built = SchemaEngine.Build(discovered.Set!, SqlDialect.Postgres);
        var statements = SqlMigrateStatements.Up(text);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        PostgresException? refusal = null;
        var refused = -1;
        for (var i = 0; i < statements.Count && refusal is null; i++)
        {
            await using var command = new NpgsqlCommand(statements[i].Sql, connection, transaction);
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException e)
            {
                (refusal, refused) = (e, i);
            }
        }

        if (!cut)
        {
            Assert.True(refusal is null, $"{behaviour}: {refusal?.SqlState} {refusal?.MessageText}");
            Assert.Empty(built.Diagnostics);
            return;
        }

        Assert.True(refusal?.SqlState == "42601", $"{behaviour}: {refusal?.SqlState} {refusal?.MessageText}");
        var error = Assert.Single(built.Diagnostics);
        Assert.True(error.Code == DiagnosticCodes.ToolSplitsStatement, $"{behaviour}: {error}");
        Assert.Equal(refused, statements.FindLastIndex(s => s.Line <= error.Line));
    }
}
