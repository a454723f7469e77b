using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL refuses a statement that reads a constant as a value of an enum type lacking that
/// label when it parses it (22P02), whether or not a row is touched, and a label longer than 63
/// bytes (42602); checked on PostgreSQL 15. Where the engine cannot tell the type a constant is
/// compared with, it says nothing.
/// </summary>
public class EnumLabelRefusalTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE t (id int, c e, n text, arr e[]);
        CREATE TABLE u (id int, c text);

        """;

    private const string Partitioned = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE p (id int, c e) PARTITION BY LIST (c);
        CREATE TABLE r (id int, c e) PARTITION BY RANGE (c);

        """;

    [Theory]
    [InlineData("CREATE TABLE t2 (c e CHECK (c IN ('a', 'z')));")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c NOT IN ('z')));")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c = ANY (ARRAY['a'::e, 'z'::e])));")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c = 'z'));")]
    [InlineData("CREATE TABLE t2 (c e, CONSTRAINT k CHECK ('z' <> c));")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c BETWEEN 'a' AND 'z'));")]
    [InlineData("CREATE TABLE t2 (c e, x int CHECK ('z'::e IS NOT NULL));")]
    [InlineData("CREATE TABLE t2 (c e, x int CHECK (CAST('z' AS e) IS NOT NULL));")]
    [InlineData("CREATE TABLE t2 (c e, g boolean GENERATED ALWAYS AS (c = 'z') STORED);")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (c IN ('a', 'z')) NOT VALID;")]
    [InlineData("ALTER TABLE t ADD CHECK (t.c <> 'z');")]
    [InlineData("CREATE INDEX i ON t ((c = 'z'));")]
    [InlineData("CREATE INDEX i ON t (id) WHERE c <> 'z';")]
    [InlineData("CREATE UNIQUE INDEX IF NOT EXISTS i ON ONLY t USING btree (id) WHERE c IN ('a', 'z');")]
    [InlineData("CREATE DOMAIN d AS e CHECK (VALUE IN ('a', 'z'));")]
    [InlineData("CREATE VIEW v AS SELECT * FROM t WHERE c = 'z';")]
    [InlineData("CREATE VIEW v AS SELECT 'z'::e AS x;")]
    [InlineData("SELECT 1 FROM t WHERE c = 'z'::e;")]
    [InlineData("WITH x AS (INSERT INTO t (id, c) VALUES (1, 'z') RETURNING id) SELECT 1;")]
    public void A_label_the_type_lacks_is_refused(string statement)
    {
        var (_, diagnostics) = Run(Setup + statement);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.EnumLabelUnknown, diagnostic.Code);
        Assert.Equal(4, diagnostic.Line);
        Assert.Contains("'z'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("SQLSTATE 22P02", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE p1 PARTITION OF p FOR VALUES IN ('a', 'z');")]
    [InlineData("CREATE TABLE p1 PARTITION OF p FOR VALUES IN (e 'z');")]
    [InlineData("CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('a') TO ('z');")]
    [InlineData("CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('z') TO (NULL);")] // The lower bound is read first.
    [InlineData("CREATE TABLE x (id int, c e); ALTER TABLE p ATTACH PARTITION x FOR VALUES IN ('z');")]
    public void A_partition_bound_with_a_label_the_type_lacks_is_refused(string statement)
    {
        var (catalog, diagnostics) = Run(Partitioned + statement);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.EnumLabelUnknown, diagnostic.Code);
        Assert.Contains("'z'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.FindTable(Pg("p"))!.Inheritance!.Children);
        Assert.Empty(catalog.FindTable(Pg("r"))!.Inheritance!.Children);
    }

    [Theory]
    [InlineData("CREATE TABLE p1 PARTITION OF p FOR VALUES IN ('a', 'b');", null)]
    [InlineData("CREATE TABLE r1 PARTITION OF r FOR VALUES FROM (NULL) TO ('z');", DiagnosticCodes.PartitionRefused)] // NULL in the lower bound comes first (42P17).
    [InlineData("CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('a', 'z') TO ('b');", DiagnosticCodes.PartitionRefused)] // The count of values comes first (42P16).
    [InlineData("CREATE TABLE r1 PARTITION OF r FOR VALUES IN ('z');", DiagnosticCodes.PartitionRefused)] // The strategy comes first (42P16).
    public void A_partition_bound_refused_otherwise_or_not_at_all_is_not_this_refusal(string statement, string? code)
    {
        var (_, diagnostics) = Run(Partitioned + statement);
        Assert.Equal(code is null ? [] : [code], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void The_refused_check_does_not_enter_the_snapshot()
    {
        var (catalog, _) = Run(Setup + "CREATE TABLE t2 (c e CHECK (c IN ('a', 'z')));\nALTER TABLE t ADD CHECK (c IN ('a', 'z'));");
        Assert.Null(catalog.FindTable(Pg("t2")));
        Assert.Empty(catalog.FindTable(Pg("t"))!.Checks);
    }

    [Fact]
    public void A_label_renamed_away_is_refused_in_later_statements()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TYPE status AS ENUM ('new', 'done');
            CREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');
            ALTER TYPE status RENAME VALUE 'done' TO 'finished';
            CREATE VIEW done_jobs AS SELECT id FROM job WHERE st = 'done';
            CREATE INDEX job_open ON job (id) WHERE st <> 'closed';
            ALTER TABLE job ADD COLUMN note text;
            """);
        Assert.Equal([(4, 56), (5, 47)], diagnostics.Select(d => (d.Line, d.Column)));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.EnumLabelUnknown, d.Code));
        Assert.NotNull(catalog.FindTable(Pg("job"))!.FindColumn("note", SqlDialect.Postgres));
    }

    [Theory]
    [InlineData("CREATE TABLE t2 (c e CHECK (c IN ('a', 'b')));")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c::text IN ('a', 'z')));")]
    [InlineData("CREATE TABLE t2 (c e, n text CHECK (n = 'z'));")]
    [InlineData("UPDATE t SET n = 'z' WHERE c::text = 'z';")]
    [InlineData("UPDATE t SET n = 'z' || c::text;")]
    [InlineData("UPDATE u SET c = 'z';")]
    [InlineData("UPDATE u SET c = 'z' FROM t WHERE u.id = t.id;")] // u.c is text; which table owns c is not decided.
    [InlineData("SELECT * FROM t JOIN u ON u.id = t.id WHERE c = 'z';")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE c = 'z');")]
    [InlineData("WITH x AS (SELECT 'z' AS c) SELECT * FROM x WHERE c = 'z';")]
    [InlineData("INSERT INTO t (id, n) VALUES (1, 'z');")]
    [InlineData("SELECT 'z' FROM t;")]
    [InlineData("COMMENT ON TYPE e IS 'z';")]
    [InlineData("ALTER TYPE e ADD VALUE 'z';")]
    [InlineData("ALTER TYPE e ADD VALUE IF NOT EXISTS 'z' AFTER 'a';")]
    [InlineData("ALTER TYPE e RENAME VALUE 'a' TO 'z';")]
    [InlineData("CREATE TYPE e2 AS ENUM ('z');")]
    [InlineData("CREATE TABLE t2 (c e CHECK (c = 'z' || ''));")] // Another error, not this one: not judged.
    [InlineData("CREATE TABLE t2 (c e, d e CHECK (c = d));")]
    public void A_constant_not_read_as_a_missing_label_is_accepted(string statement)
    {
        var (_, diagnostics) = Run(Setup + statement);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.EnumLabelUnknown);
    }

    [Theory]
    [InlineData("UPDATE t SET c = 'z' WHERE false;", 18)]
    [InlineData("UPDATE t SET n = 'x' WHERE c = 'z';", 32)]
    [InlineData("UPDATE ONLY public.t SET c = 'a' WHERE 'z' <> c;", 40)]
    [InlineData("INSERT INTO t (id, c) VALUES (1, 'z');", 34)]
    [InlineData("INSERT INTO t VALUES (1, 'a'), (2, 'z');", 36)]
    [InlineData("INSERT INTO t (id, c) SELECT 1, 'z';", 33)]
    [InlineData("INSERT INTO t (id, c) VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'z');", 64)]
    [InlineData("INSERT INTO t (c, n) VALUES ('a', 'z'), ('z', 'a');", 42)]
    [InlineData("INSERT INTO t (id, c) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET c = 'z';", 74)]
    [InlineData("INSERT INTO t AS x (id, c) VALUES (1, 'a') ON CONFLICT DO NOTHING RETURNING c = 'z';", 81)]
    [InlineData("DELETE FROM t WHERE c IN ('a', 'z');", 32)]
    [InlineData("DELETE FROM ONLY t WHERE c NOT IN ('z') RETURNING id;", 36)]
    [InlineData("DELETE FROM t WHERE c BETWEEN 'a' AND 'z';", 39)]
    [InlineData("UPDATE t SET n = 'x' WHERE id = 1 AND 'z'::e IS NULL;", 39)]
    public void A_data_statement_reading_a_label_the_type_lacks_is_refused(string statement, int column)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            var (_, diagnostics) = RunReading(Setup + statement, readAhead);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(DiagnosticCodes.EnumLabelUnknown, diagnostic.Code);
            Assert.Equal((4, column), (diagnostic.Line, diagnostic.Column));
            Assert.Contains("'z'", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_data_migration_after_a_rename_is_refused_at_the_old_label()
    {
        var (_, diagnostics) = Run("""
            CREATE TYPE status AS ENUM ('new', 'done');
            CREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');
            INSERT INTO job (id, st) VALUES (1, 'done');
            ALTER TYPE status RENAME VALUE 'done' TO 'finished';
            UPDATE job SET st = 'finished' WHERE st = 'finished';
            UPDATE job SET st = 'done' WHERE st = 'finished';
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.EnumLabelUnknown, 6, 21), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("'done'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_added_in_an_earlier_migration_is_accepted_in_data_statements()
    {
        var diagnostics = RunMigrations(
            "CREATE TYPE e AS ENUM ('a');\nCREATE TABLE t (id int PRIMARY KEY, c e);",
            "ALTER TYPE e ADD VALUE 'z';",
            "INSERT INTO t VALUES (1, 'z') ON CONFLICT (id) DO UPDATE SET c = 'z';\nUPDATE t SET c = 'z' WHERE c IN ('a', 'z');\nDELETE FROM t WHERE c = 'z';");
        Assert.Empty(diagnostics);
    }

    // PostgreSQL refuses the use of a label added in the same transaction with its own error
    // (55P04, unsafe use of new value), which the check of uncommitted labels reports: not 22P02 too.
    [Fact]
    public void A_label_added_in_the_same_transaction_is_the_uncommitted_labels_finding()
    {
        var diagnostics = RunMigrations(
            "CREATE TYPE e AS ENUM ('a');\nCREATE TABLE t (id int PRIMARY KEY, c e);",
            "ALTER TYPE e ADD VALUE 'z';\nUPDATE t SET c = 'z' WHERE id = 5;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.NotEqual(DiagnosticCodes.EnumLabelUnknown, diagnostic.Code);
        Assert.Contains("55P04", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE t SET c = 'b' WHERE c IN ('a', 'b');")]
    [InlineData("INSERT INTO t (id, n) VALUES (1, 'z');")]
    [InlineData("INSERT INTO t (id, c, n) VALUES (1, 'a', 'z') ON CONFLICT (id) DO UPDATE SET n = 'z';")]
    [InlineData("UPDATE u SET c = 'z' WHERE c = 'z';")]
    [InlineData("INSERT INTO u VALUES (1, 'z');")]
    [InlineData("DELETE FROM u WHERE c IN ('a', 'z');")]
    [InlineData("UPDATE t SET n = 'z' WHERE c::text = 'z';")]
    [InlineData("DELETE FROM t WHERE c::text IN ('a', 'z');")]
    [InlineData("UPDATE t SET c = 'a' FROM u WHERE u.c = 'z';")] // Which table owns the column is not decided.
    [InlineData("DELETE FROM t USING u WHERE u.c = 'z';")]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE c = 'z');")]
    [InlineData("UPDATE elsewhere SET c = 'z';")] // A table the migrations did not create.
    [InlineData("INSERT INTO t (id, c) VALUES (1, 'a'); -- 'z'")]
    public void A_data_statement_not_reading_a_missing_label_is_accepted(string statement)
    {
        foreach (var readAhead in new[] { ReadAhead.Never, ReadAhead.Always })
        {
            var (_, diagnostics) = RunReading(Setup + statement, readAhead);
            Assert.Empty(diagnostics);
        }
    }

    [Fact]
    public void A_default_keeps_its_own_finding()
    {
        var (_, diagnostics) = Run(Setup + "CREATE TABLE t2 (c e DEFAULT 'z'::e CHECK (c = 'z'));");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultNotOfColumnType, diagnostic.Code);
    }

    [Theory]
    [InlineData("CREATE TYPE l AS ENUM ('ok', '1234567890123456789012345678901234567890123456789012345678901234');")]
    [InlineData("CREATE TYPE l AS ENUM ('ééééééééééééééééééééééééééééééééé');")] // 33 characters, 66 bytes.
    [InlineData("ALTER TYPE e ADD VALUE '1234567890123456789012345678901234567890123456789012345678901234';")]
    [InlineData("ALTER TYPE e ADD VALUE IF NOT EXISTS '1234567890123456789012345678901234567890123456789012345678901234';")]
    [InlineData("ALTER TYPE e RENAME VALUE 'a' TO '1234567890123456789012345678901234567890123456789012345678901234';")]
    public void A_label_longer_than_63_bytes_is_refused(string statement)
    {
        var (catalog, diagnostics) = Run(Setup + statement);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.EnumLabelTooLong, diagnostic.Code);
        Assert.Contains("SQLSTATE 42602", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindEnumType(Pg("l")));
        Assert.Equal(["a", "b"], catalog.FindEnumType(Pg("e"))!.Labels.ToArray());
    }

    [Fact]
    public void Labels_of_63_bytes_and_the_empty_label_are_accepted()
    {
        var catalog = Clean("""
            CREATE TYPE l AS ENUM ('', '123456789012345678901234567890123456789012345678901234567890123', 'éééééééééééééééééééééééééééééééa');
            ALTER TYPE l ADD VALUE 'x23456789012345678901234567890123456789012345678901234567890123';
            """);
        Assert.Equal(4, catalog.FindEnumType(Pg("l"))!.Labels.Length);
    }

    // Each text a migration of a folder whose tool runs each in a transaction of its own, read as
    // the engine reads a history: lexed on its thread, or ahead on another.
    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) RunReading(string sql, ReadAhead readAhead, params string[] more)
    {
        var migrations = new[] { sql }.Concat(more).Select((text, i) => new Migration($"{i + 1}_step", $"{i + 1}", "step", $"{i + 1}_step.sql", "checksum", text)).ToList();
        return SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.Prisma, SqlDialect.Postgres, migrations), SqlDialect.Postgres, readAhead);
    }

    private static IReadOnlyList<SchemaDiagnostic> RunMigrations(string first, params string[] more)
    {
        var (_, serial) = RunReading(first, ReadAhead.Never, more);
        var (_, ahead) = RunReading(first, ReadAhead.Always, more);
        Assert.Equal(serial, ahead);
        return serial;
    }
}
