using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// goose ends a statement at each line whose last word ends with ';', and at StatementEnd,
/// without reading quotes. Where that falls inside a statement the engine reports ST1037 at the
/// line; the text goose then sends, from the statement's first line to that line, is refused by
/// PostgreSQL (42601), so the migration would fail.
/// </summary>
public sealed class PostgresGooseCutStatementTests
{
    [PostgresTheory]
    [InlineData("a PL/pgSQL body without a statement block", "CREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n")]
    [InlineData("a SQL body in quotes", "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS '\n  SELECT 1;\n';\n")]
    [InlineData("a string spanning lines", "CREATE TABLE notes (body text DEFAULT 'first;\nsecond');\n")]
    [InlineData("a block comment inside a statement", "CREATE TABLE notes (id int /* the key;\n */, body text);\n")]
    [InlineData("StatementEnd before the body closes", "-- +goose StatementBegin\nCREATE FUNCTION touch() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n-- +goose StatementEnd\n$$ LANGUAGE plpgsql;\n")]
    public async Task The_statement_goose_cuts_is_refused_by_the_server_where_the_engine_reports_it(string behaviour, string up)
    {
        var text = "-- +goose Up\n" + up;
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("00001_m.sql", text)], MigrationLayout.Goose);
        var built = SchemaEngine.Build(discovered.Set!, SqlDialect.Postgres);
        var error = Assert.Single(built.Diagnostics);
        Assert.True(error.Code == DiagnosticCodes.ToolSplitsStatement, $"{behaviour}: {error}");

        // What goose sends: from the statement's first line to the semicolon's line, or to the line before StatementEnd.
        var lines = text.Split('\n');
        var first = FirstStatementLine(lines);
        var last = lines[error.Line - 1].StartsWith("-- +goose", StringComparison.Ordinal) ? error.Line - 1 : error.Line;
        var sent = string.Join("\n", lines[(first - 1)..last]);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sent, connection);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.True(refusal.SqlState == "42601", $"{behaviour}: {refusal.SqlState} {refusal.MessageText}");

        // The whole statement, as the engine read it, is one the server takes.
        await using var whole = new NpgsqlCommand(string.Join("\n", lines.Where(l => !l.StartsWith("-- +goose", StringComparison.Ordinal))), connection);
        await whole.ExecuteNonQueryAsync();
    }

    private static int FirstStatementLine(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("--", StringComparison.Ordinal) && lines[i].Length > 0) return i + 1;
        }

        return lines.Length;
    }
}
