using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A backtick outside strings in a PostgreSQL migration, as MySQL quotes names (apache/shenyu's
/// PostgreSQL scripts had one in an INSERT): the server reads it as an operator character and
/// refuses the statement; the engine reports it at its line. Where the server takes it (a
/// string, a quoted name, an operator of that name), the engine says nothing.
/// </summary>
public sealed class PostgresBacktickTests
{
    private const string Setup = "CREATE TABLE t (id int, name text);";

    [PostgresTheory]
    [InlineData("a quoted value in an INSERT", "INSERT INTO t (id, name) VALUES (1, `x`);", "42601")]
    [InlineData("a quoted column in an INSERT", "INSERT INTO t (id, `name`) VALUES (1, 'x');", "42601")]
    [InlineData("a quoted table name", "CREATE TABLE `u` (id int);", "42601")]
    [InlineData("between two values", "SELECT 1 ` 2;", "42883")]
    public async Task A_backtick_the_server_refuses_is_reported_at_its_line(string behaviour, string refused, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        var finding = diagnostics.SingleOrDefault(d => d.Code == DiagnosticCodes.PostgresBacktick);
        Assert.True(finding is { Line: 2 }, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand(Setup, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("in strings, quoted names and comments", """
        CREATE TABLE t (id int, "na`me" text);
        INSERT INTO t (id, "na`me") VALUES (1, 'a`b'), (2, $x$`$x$); -- `
        """)]
    [InlineData("an operator of that name", """
        CREATE TABLE t (id int);
        CREATE FUNCTION bt(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2';
        CREATE OPERATOR ` (FUNCTION = bt, LEFTARG = int, RIGHTARG = int);
        INSERT INTO t VALUES (1 ` 2);
        """)]
    public Task A_backtick_the_server_takes_builds_its_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
