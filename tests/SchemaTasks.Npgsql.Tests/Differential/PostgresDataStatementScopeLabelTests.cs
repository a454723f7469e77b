using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Enum labels in data statements that read more than their target (UPDATE ... FROM, DELETE ...
/// USING, joins, subqueries, data-modifying CTEs): the server resolves each column by its query
/// level and refuses a constant read as a label the type lacks (22P02) whether or not a row
/// matches; the engine reports the same statements, and passes the ones the server takes (a text
/// column, a CTE's or subquery's column, an INSERT's rows that do not see its target).
/// </summary>
public sealed class PostgresDataStatementScopeLabelTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE t (id int, c e, n text);
        CREATE TABLE u (id int, c text);
        CREATE TABLE w (id int, s e);
        """;

    [PostgresTheory]
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE u.id = t.id;")]
    [InlineData("UPDATE t SET n = 'x' FROM u WHERE t.c = 'z';")]
    [InlineData("UPDATE t x SET n = 'x' FROM w y WHERE y.s = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM w WHERE s = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM u JOIN w ON w.id = u.id WHERE s = 'z';")]
    [InlineData("UPDATE t SET c = 'a' FROM w WHERE w.id = t.id RETURNING w.s = 'z';")]
    [InlineData("DELETE FROM t USING w o WHERE o.s = 'z';")]
    [InlineData("DELETE FROM t USING w WHERE w.id = t.id AND c = 'z';")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM w WHERE s = 'z');")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM w WHERE c = 'z');")]
    [InlineData("UPDATE t SET c = 'a' WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id AND t.c = 'z');")]
    [InlineData("INSERT INTO t (id, c) SELECT id, 'a' FROM w WHERE s = 'z';")]
    [InlineData("WITH m AS (UPDATE t SET c = 'z' WHERE false RETURNING *) INSERT INTO u SELECT id, n FROM m;")]
    [InlineData("WITH d AS (DELETE FROM t WHERE c = 'z' RETURNING id) SELECT count(*) FROM d;")]
    [InlineData("WITH x AS (INSERT INTO w (id, s) VALUES (1, 'a') RETURNING id) UPDATE t SET c = 'z' WHERE id IN (SELECT id FROM x);")]
    public async Task A_label_the_type_lacks_is_refused_by_both(string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.EnumLabelUnknown, string.Join("\n", diagnostics));
        Assert.Equal(Setup.Split('\n').Length + 1, diagnostics[0].Line);
        Assert.Contains("SQLSTATE 22P02", diagnostics[0].Message, StringComparison.Ordinal);

        var error = await RunOnServerAsync(refused);
        Assert.Equal("22P02", error?.SqlState);
    }

    // The server refuses, with its own error, a name two relations of a level share (42702) and
    // a relation it does not have, before it reads a column (42P01): not reported as a label.
    [PostgresTheory]
    [InlineData("UPDATE t SET n = 'x' FROM u WHERE c = 'z';", "42702")]
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE c IS NULL;", "42702")]
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE u.id = t.id RETURNING id;", "42702")]
    [InlineData("UPDATE t SET c = 'z' FROM elsewhere WHERE elsewhere.id = t.id;", "42P01")]
    public async Task A_statement_the_server_refuses_otherwise_is_not_read_as_a_label(string statement, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + statement, "m.sql");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.EnumLabelUnknown);

        var error = await RunOnServerAsync(statement);
        Assert.Equal(sqlState, error?.SqlState);
    }

    [PostgresFact]
    public Task Constants_the_scopes_give_no_enum_column_build_the_servers_schema()
        => PostgresServerAgreement.AssertEngineMatchesServerAsync("text columns, a CTE's and a subquery's columns, an INSERT's rows", Setup + """

            UPDATE t SET c = 'a' FROM u WHERE u.c = 'z';
            UPDATE t SET c = 'a' FROM u x WHERE x.c = 'z';
            DELETE FROM t USING u WHERE u.c = 'z';
            DELETE FROM t WHERE id IN (SELECT id FROM u WHERE c = 'z');
            UPDATE t SET n = 'x' FROM u WHERE t.c::text = 'z';
            WITH x AS (SELECT 'z' AS c) UPDATE t SET n = 'x' FROM x WHERE x.c = 'z';
            UPDATE t SET n = 'x' FROM (SELECT id, n AS c FROM t) s WHERE s.c = 'z' AND s.id = t.id;
            WITH t AS (SELECT 1 AS id, 'z'::text AS c) DELETE FROM u WHERE id IN (SELECT id FROM t WHERE c = 'z');
            WITH m AS (UPDATE t SET n = 'z' RETURNING c) SELECT 1;
            INSERT INTO t (id, n) SELECT id, c FROM u WHERE c = 'z';
            UPDATE t SET n = 'x' WHERE id IN (SELECT id FROM u WHERE u.c = 'z' UNION SELECT id FROM w);
            """);

    private static async Task<PostgresException?> RunOnServerAsync(string statement)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand(Setup, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        try
        {
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException error)
        {
            return error;
        }
    }
}
