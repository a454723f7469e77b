using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Enum labels a data statement reads away from its target: through a relation its FROM, USING
/// or a subquery reads when the target has no enum column, in INSERT ... ON CONFLICT DO UPDATE
/// (the target and the excluded row), and in the expressions that bring a constant to a column's
/// type (IS [NOT] DISTINCT FROM, = ANY of an array literal, CASE, COALESCE, NULLIF, GREATEST,
/// BETWEEN SYMMETRIC). The server refuses each (22P02) whether or not a row matches; the engine
/// reports the same statements and passes the ones the server takes.
/// </summary>
public sealed class PostgresUnreadLabelShapesTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE p (id int PRIMARY KEY, x int);
        CREATE TABLE q (id int PRIMARY KEY, s e, y int);
        """;

    [PostgresTheory]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE q.s = 'z';")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE s = 'z';")]
    [InlineData("DELETE FROM p USING q WHERE q.s = 'z';")]
    [InlineData("UPDATE p SET x = 1 FROM (SELECT 1 AS k) v, q WHERE q.s = 'z';")]
    [InlineData("DELETE FROM p WHERE id IN (SELECT id FROM q WHERE s = 'z');")]
    [InlineData("INSERT INTO p SELECT id, 1 FROM q WHERE s = 'z';")]
    [InlineData("INSERT INTO p (id, x) VALUES ((SELECT min(id) FROM q WHERE s = 'z'), 1);")]
    [InlineData("UPDATE p SET x = (SELECT count(*) FROM q WHERE s = 'z');")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = 'z';")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE excluded.s = 'z';")]
    [InlineData("INSERT INTO q AS t VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE t.s = 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s IS DISTINCT FROM 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s IS NOT DISTINCT FROM 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY('{a,z}');")]
    [InlineData("UPDATE q SET y = 1 WHERE s <> ALL ('{a,z}');")]
    [InlineData("UPDATE q SET y = CASE s WHEN 'z' THEN 1 ELSE 2 END;")]
    [InlineData("UPDATE q SET s = CASE WHEN y = 1 THEN 'z' ELSE s END;")]
    [InlineData("UPDATE q SET s = COALESCE(s, 'z');")]
    [InlineData("UPDATE q SET y = 1 WHERE NULLIF(s, 'z') IS NULL;")]
    [InlineData("UPDATE q SET y = 1 WHERE GREATEST(s, 'z') = 'a';")]
    [InlineData("UPDATE q SET y = 1 WHERE s BETWEEN SYMMETRIC 'a' AND 'z';")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT y FROM q WHERE COALESCE(q.s, NULL, 'z') = 'a');")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT 'z' UNION SELECT s FROM q);")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT s FROM q UNION ALL SELECT 'z');")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT s FROM q UNION SELECT 'b' UNION SELECT 'z'));")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'z' UNION SELECT s FROM q UNION SELECT 'a'));")]
    [InlineData("INSERT INTO q (id, s) SELECT id, s FROM q UNION ALL SELECT 3, 'z';")]
    public async Task A_label_the_type_lacks_is_refused_by_both(string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.EnumLabelUnknown, string.Join("\n", diagnostics));
        Assert.Equal(Setup.Split('\n').Length + 1, diagnostics[0].Line);
        Assert.Contains("SQLSTATE 22P02", diagnostics[0].Message, StringComparison.Ordinal);

        var error = await RunOnServerAsync(refused);
        Assert.Equal("22P02", error?.SqlState);
    }

    // Refused by the server with its own error before a label is read: not reported as one.
    [PostgresTheory]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT 'z');", "42883")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'a' UNION SELECT 'z'));", "42883")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'z' UNION SELECT 'y' UNION SELECT s FROM q));", "42804")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE s = 'z';", "42702")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 RETURNING excluded.s = 'z';", "42P01")]
    public async Task A_statement_the_server_refuses_otherwise_is_not_read_as_a_label(string statement, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + statement, "m.sql");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.EnumLabelUnknown);

        var error = await RunOnServerAsync(statement);
        Assert.Equal(sqlState, error?.SqlState);
    }

    [PostgresFact]
    public Task Constants_no_enum_column_takes_build_the_servers_schema()
        => PostgresServerAgreement.AssertEngineMatchesServerAsync("constants cast away from the enum type, or given the excluded row's value", Setup + """

            INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = excluded.s;
            INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = 'b' WHERE excluded.y = 2;
            INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE excluded.s = 'b' RETURNING s::text = 'z';
            UPDATE p SET x = 1 FROM q WHERE q.s::text = 'z';
            UPDATE p SET x = 1 FROM q WHERE NULLIF(p.x, 2) IS NULL AND q.s IS NOT DISTINCT FROM 'a';
            DELETE FROM p WHERE id IN (SELECT id FROM q WHERE s BETWEEN 'a' AND 'b');
            UPDATE q SET y = CASE s WHEN 'a' THEN 1 ELSE 2 END;
            UPDATE q SET y = CASE s::text WHEN 'z' THEN 1 ELSE 2 END;
            UPDATE q SET y = length(CASE WHEN y = 1 THEN 'z' ELSE s::text END);
            UPDATE q SET y = 1 WHERE s = ANY('{a,b}');
            UPDATE q SET y = 1 WHERE COALESCE(s::text, 'z') = 'a';
            UPDATE q SET y = 1 WHERE GREATEST(s::text, 'z') = 'z';
            INSERT INTO p SELECT y, 1 FROM q UNION SELECT 2, 2 WHERE 'z' = 'a';
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
