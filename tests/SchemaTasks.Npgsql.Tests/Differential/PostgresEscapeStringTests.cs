using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL's escaped literals: enum labels written as E'...' and U&amp;'...' are the server's
/// decoded text in the snapshot, a '#' line is the server's syntax error, and a literal the server
/// refuses while reading it is reported with the server's own SQLSTATE.
/// </summary>
public sealed class PostgresEscapeStringTests
{
    [PostgresTheory]
    [InlineData("octal, hex and Unicode escapes", @"CREATE TYPE e AS ENUM (U&'\0041bc', E'oct\101', E'hex\x41', E'uni\u00e9', E'\U0001F600', E'\uD83D\uDE00x', E'\303\251', E'a\qb', E'\xZ', E'it\'s', 'plain\101');")]
    [InlineData("UESCAPE and a Unicode name", @"CREATE TYPE U&""e!0031"" UESCAPE '!' AS ENUM (U&'d!0061t' UESCAPE '!', u&'\+01F601'  uescape  '\', U&'\\x', U&'\D83D\DE02');")]
    public Task Escaped_labels_are_the_servers_text(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData(@"E'\u00'", "22025")]
    [InlineData(@"E'\uD83D'", "42601")]
    [InlineData(@"E'\u0000'", "42601")]
    [InlineData(@"E'\UFFFFFFFF'", "42601")]
    [InlineData(@"E'\0'", "22021")]
    [InlineData(@"E'\377'", "22021")]
    [InlineData(@"U&'\00'", "42601")]
    [InlineData(@"U&'\D83Dx'", "42601")]
    [InlineData(@"U&'a' UESCAPE '+'", "42601")]
    public async Task A_literal_the_server_refuses_is_reported_with_its_sqlstate(string literal, string sqlState)
    {
        var refused = $"CREATE TYPE e AS ENUM ('z', {literal});";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), refused, "m.sql");
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.StringEscapeRefused, finding.Code);
        Assert.Contains($"({sqlState},", finding.Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresFact]
    public async Task A_hash_comment_line_is_the_servers_syntax_error()
    {
        const string Sql = "# a note\nCREATE TABLE t (id int);";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 1, 1), (finding.Code, finding.Line, finding.Column));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42601", error.SqlState);
    }
}
