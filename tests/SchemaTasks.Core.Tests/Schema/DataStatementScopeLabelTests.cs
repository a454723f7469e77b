using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Labels an enum type lacks in data statements that read more than their target: UPDATE ...
/// FROM, DELETE ... USING, joins, subqueries and data-modifying CTEs. PostgreSQL resolves each
/// column by its query level and refuses a constant read as a value of the type (22P02) whether
/// or not a row matches; a name it finds in a text column, a CTE or a subquery is no label, and a
/// name two relations share it refuses otherwise (42702). Checked on PostgreSQL 15.
/// </summary>
public class DataStatementScopeLabelTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE t (id int, c e, n text);
        CREATE TABLE u (id int, c text);
        CREATE TABLE w (id int, s e);

        """;

    [Theory]
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE u.id = t.id;")]
    [InlineData("UPDATE t SET n = 'x' FROM u WHERE t.c = 'z';")]
    [InlineData("UPDATE t x SET n = 'x' FROM w y WHERE y.s = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM w WHERE s = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM u JOIN w ON w.id = u.id WHERE s = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM u, w WHERE w.s = 'z';")]
    [InlineData("UPDATE t SET c = 'a' FROM w WHERE w.id = t.id RETURNING w.s = 'z';")]
    [InlineData("DELETE FROM t USING w o WHERE o.s = 'z';")]
    [InlineData("DELETE FROM t USING w WHERE w.id = t.id AND c = 'z';")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM w WHERE s = 'z');")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM w WHERE c = 'z');")] // w has no c: the outer t's.
    [InlineData("UPDATE t SET c = 'a' WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id AND t.c = 'z');")]
    [InlineData("UPDATE t SET n = 'x' WHERE id = (SELECT max(id) FROM w WHERE s IN ('a', 'z'));")]
    [InlineData("INSERT INTO t (id, c) SELECT id, 'a' FROM w WHERE s = 'z';")]
    [InlineData("WITH m AS (UPDATE t SET c = 'z' WHERE false RETURNING *) INSERT INTO u SELECT id, n FROM m;")]
    [InlineData("WITH d AS (DELETE FROM t WHERE c = 'z' RETURNING id) SELECT count(*) FROM d;")]
    [InlineData("WITH d AS (DELETE FROM t WHERE c = 'z' RETURNING id) DELETE FROM w WHERE id IN (SELECT id FROM d);")]
    [InlineData("WITH x AS (INSERT INTO w (id, s) VALUES (1, 'a') RETURNING id) UPDATE t SET c = 'z' WHERE id IN (SELECT id FROM x);")]
    public void A_label_the_type_lacks_is_refused_where_the_scope_decides_its_column(string statement)
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
    [InlineData("UPDATE t SET c = 'a' FROM u WHERE u.c = 'z';")]
    [InlineData("UPDATE t SET c = 'a' FROM u x WHERE x.c = 'z';")]
    [InlineData("DELETE FROM t USING u WHERE u.c = 'z';")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE c = 'z');")] // The inner u's c, text.
    [InlineData("UPDATE t SET n = 'x' FROM u WHERE t.c::text = 'z';")]
    [InlineData("WITH x AS (SELECT 'z' AS c) UPDATE t SET n = 'x' FROM x WHERE x.c = 'z';")]
    [InlineData("UPDATE t SET n = 'x' FROM (SELECT id, n AS c FROM t) s WHERE s.c = 'z' AND s.id = t.id;")]
    [InlineData("WITH t AS (SELECT 1 AS id, 'z'::text AS c) DELETE FROM u WHERE id IN (SELECT id FROM t WHERE c = 'z');")] // The CTE hides the table.
    [InlineData("WITH m AS (UPDATE t SET n = 'z' RETURNING c) SELECT 1;")]
    [InlineData("INSERT INTO t (id, n) SELECT id, c FROM u WHERE c = 'z';")] // The rows do not see the target.
    [InlineData("UPDATE t SET n = 'x' WHERE id IN (SELECT id FROM u WHERE u.c = 'z' UNION SELECT id FROM w);")]
    [InlineData("UPDATE t SET n = 'x' FROM u WHERE c = 'z';")] // Ambiguous: the server refuses it otherwise (42702).
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE c IS NULL;")] // 42702 again, read before SET.
    [InlineData("UPDATE t SET c = 'z' FROM u WHERE u.id = t.id RETURNING id;")] // 42702 in RETURNING, read before SET.
    [InlineData("UPDATE t SET n = 'x' FROM generate_series(1, 2) g WHERE g = 1 AND n = 'z';")]
    [InlineData("UPDATE t SET c = 'z' FROM elsewhere WHERE elsewhere.id = t.id;")] // A table the migrations did not create: the server refuses it first (42P01).
    public void A_constant_the_scope_does_not_make_a_missing_label_is_not_reported(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            Assert.DoesNotContain(RunReading(Setup + statement, readAhead), d => d.Code == DiagnosticCodes.EnumLabelUnknown);
        }
    }

    private static IReadOnlyList<SchemaDiagnostic> RunReading(string sql, ReadAhead readAhead)
    {
        var migrations = new[] { new Migration("1_step", "1", "step", "1_step.sql", "checksum", sql) };
        return SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, readAhead).Diagnostics;
    }
}
