using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Labels an enum type lacks in row comparisons and assignments (<c>(s, y) = ('z', 1)</c>, <c>ROW(...)</c>,
/// <c>(s, y) IN ((...))</c>, <c>SET (s, y) = (...)</c>), in the rows of an INSERT written in
/// parentheses (<c>INSERT INTO q (s) (SELECT 'z')</c>) and in set operations whose branches stand
/// in parentheses: PostgreSQL refuses each (22P02) whether or not a row matches. Where the server
/// types the constant otherwise (text, a record) or refuses the statement for another reason first,
/// no label is read. Checked on PostgreSQL 15.
/// </summary>
public class RowAndParenthesisedLabelTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE p (id int PRIMARY KEY, x int);
        CREATE TABLE q (id int PRIMARY KEY, s e, y int);
        CREATE TABLE r (id int, t text);

        """;

    [Theory]
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
    public void A_label_the_type_lacks_is_refused(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            var diagnostic = Assert.Single(RunReading(Setup + statement, readAhead));
            Assert.Equal((DiagnosticCodes.EnumLabelUnknown, 5), (diagnostic.Code, diagnostic.Line));
            Assert.Equal(statement.IndexOf("'z'", StringComparison.Ordinal) + 1, diagnostic.Column);
            Assert.Contains("SQLSTATE 22P02", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('a', 1);")]
    [InlineData("UPDATE q SET (s, y) = ('b', 1) WHERE (s, id) IN (('a', 1), ('b', 2));")]
    [InlineData("UPDATE q SET y = 1 WHERE (s::text, y) = ('z', 1);")]
    [InlineData("UPDATE r SET id = 1 WHERE (t, id) = ('z', 1);")] // A text column.
    [InlineData("UPDATE q SET y = 1 FROM r WHERE (r.t, q.s) = ('z', 'a');")]
    [InlineData("UPDATE q SET y = 1 FROM r WHERE (t, s) IN (('z', 'a'), ('y', 'b'));")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, 'z') = ('a', 'b');")] // 'z' = 'b': text.
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ANY (ARRAY[('z', 1)]);")] // Records: no coercion.
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('z', 1)::record;")]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('z'::text, 1);")] // 42883.
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = (SELECT 'z', 1);")] // 42883.
    [InlineData("UPDATE q SET (s, y) = (SELECT 'z', 1);")] // 42804.
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IN (('a', 1), ('z'));")] // 0A000.
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) IN (SELECT 'z', 1);")] // 42883.
    [InlineData("UPDATE p SET x = 1 FROM q WHERE (id, s) = (1, 'z');")] // 42702.
    [InlineData("UPDATE q SET y = 1 WHERE s IN (VALUES ('z'));")] // 42883.
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY (VALUES ('z'));")] // 42883.
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY (ARRAY['a', 'z']);")] // 42883.
    [InlineData("INSERT INTO q (id, s) (SELECT 1, 'z') UNION (SELECT 2, 'a');")] // Text (42804).
    [InlineData("INSERT INTO q (id, s) ((SELECT 1, 'z') UNION ALL (SELECT 2, 'a'));")] // Text (42804).
    [InlineData("INSERT INTO q (id, s) VALUES (1, 'z') UNION VALUES (2, 'a');")] // Text (42804).
    [InlineData("INSERT INTO q (id, s) (VALUES (1, 'z')) UNION (VALUES (2, 'a'));")] // Text (42804).
    [InlineData("INSERT INTO q (id, s) SELECT v.a, v.b FROM (SELECT 1 AS a, 'z' AS b) v;")] // Text (42804).
    [InlineData("INSERT INTO q (id, s) SELECT * FROM (SELECT 1, 'z') v;")] // Text (42804).
    [InlineData("UPDATE q SET y = 1 FROM (SELECT 'z' AS b) v WHERE q.s = v.b;")] // 42883.
    [InlineData("INSERT INTO p (id, x) (SELECT 1, 2) RETURNING (SELECT 1 FROM q WHERE (s, y) = ('a', 1));")]
    [InlineData("UPDATE q SET y = 1 WHERE s::text IN (SELECT s::text FROM q WHERE s IN (SELECT s FROM q) UNION SELECT 'z');")] // The IN's parentheses are no branch: 'z' is text.
    public void A_constant_the_server_takes_or_refuses_otherwise_is_not_reported(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            Assert.DoesNotContain(RunReading(Setup + statement, readAhead), d => d.Code == DiagnosticCodes.EnumLabelUnknown);
        }
    }

    // A label an earlier migration added is the type's; one added in the same transaction is the
    // uncommitted-label check's (55P04), not an unknown one.
    [Fact]
    public void A_label_added_before_is_no_unknown_label()
    {
        var migrations = new[]
        {
            new Migration("1_setup", "1", "setup", "1_setup.sql", "checksum", Setup),
            new Migration("2_add", "2", "add", "2_add.sql", "checksum", "ALTER TYPE e ADD VALUE 'z';"),
            new Migration("3_use", "3", "use", "3_use.sql", "checksum", "UPDATE q SET y = 1 WHERE (s, y) = ('z', 1);\nINSERT INTO q (id, s) (SELECT 1, 'z');\nUPDATE q SET (s, y) = ROW('z', 2);"),
        };
        var diagnostics = SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, ReadAhead.Never).Diagnostics;
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("UPDATE q SET y = 1 WHERE (s, y) = ('c', 1);")]
    [InlineData("INSERT INTO q (id, s) (SELECT 1, 'c');")]
    public void A_label_added_in_the_same_transaction_is_read_as_uncommitted(string statement)
    {
        var migrations = new[]
        {
            new Migration("1_setup", "1", "setup", "1_setup.sql", "checksum", Setup),
            new Migration("2_use", "2", "use", "2_use.sql", "checksum", "ALTER TYPE e ADD VALUE 'c';\n" + statement),
        };
        var diagnostics = SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, ReadAhead.Never).Diagnostics;
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelUsed, 2), (diagnostic.Code, diagnostic.Line));
    }

    private static IReadOnlyList<SchemaDiagnostic> RunReading(string sql, ReadAhead readAhead)
    {
        var migrations = new[] { new Migration("1_step", "1", "step", "1_step.sql", "checksum", sql) };
        return SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, readAhead).Diagnostics;
    }
}
