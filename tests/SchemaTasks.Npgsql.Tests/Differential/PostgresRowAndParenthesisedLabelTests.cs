using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Enum labels in row comparisons and assignments, in the rows of an INSERT written in parentheses
/// and in set operations whose branches stand in parentheses: the server refuses each (22P02)
/// whether or not a row matches, and the engine reports the same statements; where the server
/// types the constant otherwise or refuses the statement with another error first, the engine
/// reads no label, and where it takes the statement, the engine's schema is the server's.
/// </summary>
public sealed class PostgresRowAndParenthesisedLabelTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE p (id int PRIMARY KEY, x int);
        CREATE TABLE q (id int PRIMARY KEY, s e, y int);
        CREATE TABLE r (id int, t text);
        """;

    [PostgresTheory]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('z', 1);")]
    [InlineData("UPDATE q SET y = 1 WHERE (y, s) <> (1, 'z');")]
    [InlineData("UPDATE q SET y = 1 WHERE ('z', 1) = (s, y);")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IN (('a', 1), ('z', 2));")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) NOT IN (('z', 1));")]
    [InlineData("UPDATE q SET y = 1 WHERE ROW(s, y) = ROW('z', 1);")]
    [InlineData("UPDATE q SET y = 1 WHERE ROW(s) = ROW('z');")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IS DISTINCT FROM ('z', 1);")]
    [InlineData("UPDATE q SET y = 1 WHERE (q.s, q.y) > ('z', 1) AND (s, y) < ('a', 9);")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE (p.id, q.s) = (1, 'z');")]
    [InlineData("UPDATE q SET y = 1 FROM r WHERE (t, s) IN (('a', 'z'));")]
    [InlineData("UPDATE q SET (s, y) = ('z', 1);")]
    [InlineData("UPDATE q SET (y, s) = ROW(1, 'z');")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET (s, y) = ('z', 2);")]
    [InlineData("WITH w AS (SELECT 1) UPDATE q SET y = 1 WHERE (s, y) = ('z', 1);")]
    [InlineData("INSERT INTO q (id, s) (SELECT 1, 'z');")]
    [InlineData("INSERT INTO q (s) ((SELECT 'z'));")]
    [InlineData("INSERT INTO q (id, s) (VALUES (1, 'z'));")]
    [InlineData("INSERT INTO public.q (id, s) (SELECT 1, 'z' FROM p) RETURNING id;")]
    [InlineData("INSERT INTO q (id, s) (SELECT id, s FROM q) UNION (SELECT 3, 'z');")]
    [InlineData("INSERT INTO q (id, s) ((SELECT id, s FROM q) UNION ALL (SELECT 3, 'z'));")]
    [InlineData("INSERT INTO q (id, s) (SELECT 3, 'z') UNION (SELECT id, s FROM q);")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN ((SELECT 'z') UNION (SELECT s FROM q));")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN ((SELECT s FROM q) UNION ALL ((SELECT 'z')));")]
    public async Task A_label_the_type_lacks_is_refused_by_both(string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.EnumLabelUnknown, string.Join("\n", diagnostics));
        Assert.Equal(Setup.Split('\n').Length + 1, diagnostics[0].Line);
        Assert.Contains("SQLSTATE 22P02", diagnostics[0].Message, StringComparison.Ordinal);

        var error = await RunOnServerAsync(refused);
        Assert.Equal("22P02", error?.SqlState);
        Assert.Contains("enum e", error!.MessageText, StringComparison.Ordinal);
    }

    // Refused by the server with its own error before a label is read: not reported as one.
    [PostgresTheory]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('z'::text, 1);", "42883")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = (SELECT 'z', 1);", "42883")]
    [InlineData("UPDATE q SET (s, y) = (SELECT 'z', 1);", "42804")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IN (('a', 1), ('z'));", "0A000")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IN (SELECT 'z', 1);", "42883")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE (id, s) = (1, 'z');", "42702")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (VALUES ('z'));", "42883")]
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY (VALUES ('z'));", "42883")]
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY (ARRAY['a', 'z']);", "42883")]
    [InlineData("INSERT INTO q (id, s) (SELECT 1, 'z') UNION (SELECT 2, 'a');", "42804")]
    [InlineData("INSERT INTO q (id, s) ((SELECT 1, 'z') UNION ALL (SELECT 2, 'a'));", "42804")]
    [InlineData("INSERT INTO q (id, s) VALUES (1, 'z') UNION VALUES (2, 'a');", "42804")]
    [InlineData("INSERT INTO q (id, s) (VALUES (1, 'z')) UNION (VALUES (2, 'a'));", "42804")]
    [InlineData("INSERT INTO q (id, s) SELECT v.a, v.b FROM (SELECT 1 AS a, 'z' AS b) v;", "42804")]
    [InlineData("INSERT INTO q (id, s) SELECT * FROM (SELECT 1, 'z') v;", "42804")]
    [InlineData("UPDATE q SET y = 1 FROM (SELECT 'z' AS b) v WHERE q.s = v.b;", "42883")]
    public async Task A_statement_the_server_refuses_otherwise_is_not_read_as_a_label(string statement, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + statement, "m.sql");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.EnumLabelUnknown);

        var error = await RunOnServerAsync(statement);
        Assert.Equal(sqlState, error?.SqlState);
    }

    [PostgresFact]
    public Task Rows_and_parentheses_the_server_takes_build_its_schema()
        => PostgresServerAgreement.AssertEngineMatchesServerAsync("rows compared with valid labels, constants read as text or records", Setup + """

            UPDATE q SET y = 1 WHERE (s, y) = ('a', 1);
            UPDATE q SET (s, y) = ('b', 1) WHERE (s, id) IN (('a', 1), ('b', 2));
            UPDATE q SET y = 1 WHERE (s::text, y) = ('z', 1);
            UPDATE r SET id = 1 WHERE (t, id) = ('z', 1);
            UPDATE q SET y = 1 FROM r WHERE (r.t, q.s) = ('z', 'a');
            UPDATE q SET y = 1 FROM r WHERE (t, s) IN (('z', 'a'), ('y', 'b'));
            UPDATE q SET y = 1 WHERE (s, 'z') = ('a', 'b');
            UPDATE q SET y = 1 WHERE (s, y) = ANY (ARRAY[('z', 1)]);
            UPDATE q SET y = 1 WHERE (s, y) = ('z', 1)::record;
            INSERT INTO q (id, s) (SELECT 1, 'a');
            INSERT INTO q (id, s) (SELECT id + 10, s FROM q) UNION (SELECT 3, 'b');
            INSERT INTO p (id, x) (SELECT 1, 2) RETURNING (SELECT 1 FROM q WHERE (s, y) = ('a', 1));
            UPDATE q SET y = 1 WHERE s::text IN (SELECT s::text FROM q WHERE s IN (SELECT s FROM q) UNION SELECT 'z');
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
