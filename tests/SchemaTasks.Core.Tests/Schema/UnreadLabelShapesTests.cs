using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Labels an enum type lacks where a data statement reads them away from its target: a table its
/// FROM, USING or a subquery reads when the target has no enum column, the <c>excluded</c> row and
/// the target of INSERT ... ON CONFLICT DO UPDATE, and the operators and expressions that coerce a
/// constant to the type of a column beside it (IS [NOT] DISTINCT FROM, = ANY of an array literal,
/// CASE, COALESCE, NULLIF, GREATEST, BETWEEN, row comparisons). PostgreSQL refuses each (22P02)
/// whether or not a row matches. Checked on PostgreSQL 15.
/// </summary>
public class UnreadLabelShapesTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE p (id int PRIMARY KEY, x int);
        CREATE TABLE q (id int PRIMARY KEY, s e, y int);

        """;

    [Theory]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE q.s = 'z';")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE s = 'z';")]
    [InlineData("UPDATE ONLY public.p SET x = 1 FROM q o WHERE o.s = 'z';")]
    [InlineData("DELETE FROM p USING q WHERE q.s = 'z';")]
    [InlineData("UPDATE p SET x = 1 FROM (SELECT 1 AS k) v, q WHERE q.s = 'z';")]
    [InlineData("DELETE FROM p WHERE id IN (SELECT id FROM q WHERE s = 'z');")]
    [InlineData("INSERT INTO p SELECT id, 1 FROM q WHERE s = 'z';")]
    [InlineData("INSERT INTO p (id, x) VALUES ((SELECT min(id) FROM q WHERE s = 'z'), 1);")]
    [InlineData("UPDATE p SET x = (SELECT count(*) FROM q WHERE s = 'z');")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = 'z';")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE excluded.s = 'z';")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE q.s = 'z';")]
    [InlineData("INSERT INTO q AS t VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE t.s = 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s IS DISTINCT FROM 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s IS NOT DISTINCT FROM 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY('{a,z}');")]
    [InlineData("UPDATE q SET y = 1 WHERE s <> ALL ('{a,z}');")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN ('a', 'z');")]
    [InlineData("UPDATE q SET y = CASE s WHEN 'z' THEN 1 ELSE 2 END;")]
    [InlineData("UPDATE q SET y = CASE WHEN s = 'z' THEN 1 ELSE 2 END;")]
    [InlineData("UPDATE q SET s = COALESCE(s, 'z');")]
    [InlineData("UPDATE q SET y = 1 WHERE COALESCE(s, 'z') = 'a';")]
    [InlineData("UPDATE q SET y = 1 WHERE NULLIF(s, 'z') IS NULL;")]
    [InlineData("UPDATE q SET y = 1 WHERE GREATEST(s, 'z') = 'a';")]
    [InlineData("UPDATE q SET y = 1 WHERE s BETWEEN 'a' AND 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s NOT BETWEEN 'a' AND 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE s BETWEEN SYMMETRIC 'a' AND 'z';")]
    [InlineData("UPDATE q SET s = CASE WHEN y = 1 THEN 'z' ELSE s END;")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT y FROM q WHERE COALESCE(q.s, NULL, 'z') = 'a');")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT 'z' UNION SELECT s FROM q);")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT s FROM q UNION ALL SELECT 'z');")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT s FROM q UNION SELECT 'b' UNION SELECT 'z'));")]
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'z' UNION SELECT s FROM q UNION SELECT 'a'));")]
    [InlineData("INSERT INTO q (id, s) SELECT id, s FROM q UNION ALL SELECT 3, 'z';")]
    public void A_label_the_type_lacks_is_refused(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            var diagnostic = Assert.Single(RunReading(Setup + statement, readAhead));
            Assert.Equal((DiagnosticCodes.EnumLabelUnknown, 4), (diagnostic.Code, diagnostic.Line));
            var constant = statement.Contains("'z'", StringComparison.Ordinal) ? "'z'" : "'{";
            Assert.Equal(statement.IndexOf(constant, StringComparison.Ordinal) + 1, diagnostic.Column);
            Assert.Contains("SQLSTATE 22P02", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = excluded.s;")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET s = 'b' WHERE excluded.y = 2;")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE q.s::text = 'z';")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE q.s IS DISTINCT FROM 'b';")]
    [InlineData("DELETE FROM p WHERE id IN (SELECT id FROM q WHERE s BETWEEN 'a' AND 'b');")]
    [InlineData("UPDATE q SET y = CASE s WHEN 'a' THEN 1 ELSE 2 END;")]
    [InlineData("UPDATE q SET y = 1 WHERE s = ANY('{a,b}');")]
    [InlineData("UPDATE q SET y = 1 WHERE COALESCE(s::text, 'z') = 'a';")]
    [InlineData("UPDATE q SET y = length(CASE WHEN y = 1 THEN 'z' ELSE s::text END);")]
    [InlineData("UPDATE p SET x = 1 FROM q WHERE NULLIF(p.x, 2) IS NULL AND q.s IS NOT DISTINCT FROM 'a';")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE excluded.s = 'b' RETURNING s::text = 'z';")]
    [InlineData("UPDATE q SET y = 1 WHERE GREATEST(s::text, 'z') = 'z';")]
    [InlineData("UPDATE q SET y = CASE s::text WHEN 'z' THEN 1 ELSE 2 END;")]
    [InlineData("UPDATE q SET y = 1 WHERE s IN (SELECT 'z');")] // enum = text: no operator (42883).
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'a' UNION SELECT 'z'));")] // The same, text from two constants (42883).
    [InlineData("DELETE FROM p WHERE x IN (SELECT 1 FROM q WHERE s IN (SELECT 'z' UNION SELECT 'y' UNION SELECT s FROM q));")] // text then enum (42804).
    [InlineData("INSERT INTO p SELECT y, 1 FROM q UNION SELECT 2, 2 WHERE 'z' = 'a';")]
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 WHERE s = 'z';")] // Ambiguous: the server refuses it otherwise (42702).
    [InlineData("INSERT INTO q VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET y = 2 RETURNING excluded.s = 'z';")] // RETURNING has no excluded (42P01).
    public void A_constant_the_server_takes_is_not_reported(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            Assert.DoesNotContain(RunReading(Setup + statement, readAhead), d => d.Code == DiagnosticCodes.EnumLabelUnknown);
        }
    }

    // A statement whose head names a table with no enum column is passed over unstored until a
    // relation it reads has one: its tokens are then read again, at the places the text has them.
    [Fact]
    public void A_statement_kept_for_a_relation_it_reads_is_reported_where_its_constant_is()
    {
        const string statement = "UPDATE p\n   SET x = 1\n  FROM q\n WHERE q.s =\n\t 'z';";
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            var diagnostic = Assert.Single(RunReading(Setup + statement, readAhead));
            Assert.Equal((DiagnosticCodes.EnumLabelUnknown, 8, 3), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        }
    }

    private static IReadOnlyList<SchemaDiagnostic> RunReading(string sql, ReadAhead readAhead)
    {
        var migrations = new[] { new Migration("1_step", "1", "step", "1_step.sql", "checksum", sql) };
        return SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, readAhead).Diagnostics;
    }
}
