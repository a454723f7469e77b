using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL table inheritance (<c>CREATE TABLE ... INHERITS</c>, seen in concourse's
/// migrations) and <c>COMMENT ON</c> a table, column or constraint that does not exist (seen in
/// apache/shenyu's upgrade scripts): what the server accepts builds its schema in the engine,
/// and what it refuses is reported at that statement, with the server's SQLSTATE checked.
/// </summary>
public sealed class PostgresInheritanceTests
{
    private const string Parents = """
        CREATE TABLE p1 (a int NOT NULL DEFAULT 1, b text, c int, CONSTRAINT p1_pk PRIMARY KEY (a), CONSTRAINT ck1 CHECK (c > 0), CONSTRAINT ck_ni CHECK (c < 100) NO INHERIT, UNIQUE (b));
        CREATE TABLE p2 (b text DEFAULT 'x', d int NOT NULL, c int CHECK (c <> 5));
        """;

    [PostgresTheory]
    [InlineData("concourse: an empty child of a tracked parent", """
        CREATE TABLE build_events (build_id integer, type varchar(32) NOT NULL, payload text NOT NULL, event_id integer NOT NULL DEFAULT 0, CONSTRAINT ev_pos CHECK (event_id >= 0));
        CREATE TABLE check_build_events () INHERITS (build_events);
        """)]
    [InlineData("the columns declared again, as the old advice said", """
        CREATE TABLE build_events (build_id integer, type varchar(32) NOT NULL, payload text NOT NULL, event_id integer NOT NULL DEFAULT 0);
        CREATE TABLE check_build_events (build_id integer, type varchar(32) NOT NULL, payload text NOT NULL, event_id integer NOT NULL DEFAULT 0) INHERITS (build_events);
        """)]
    [InlineData("two parents merged, own columns merged and added, no keys inherited", Parents + """
        CREATE TABLE ch (e int, b text NOT NULL, c int DEFAULT 7, CHECK (e > 0)) INHERITS (p1, p2);
        """)]
    [InlineData("a grandchild, a child's own ALTER, a renamed parent", Parents + """
        CREATE TABLE ch (e int) INHERITS (p1);
        ALTER TABLE ch ADD COLUMN g int NOT NULL DEFAULT 0, ALTER COLUMN a SET DEFAULT 5, ADD PRIMARY KEY (e);
        CREATE TABLE gc (f int) INHERITS (ch);
        ALTER TABLE p1 RENAME TO p0;
        ALTER TABLE p0 ADD CONSTRAINT p0_b_key2 UNIQUE (c);
        """)]
    [InlineData("an identity and a generated column", """
        CREATE TABLE pi (id int GENERATED ALWAYS AS IDENTITY, g int GENERATED ALWAYS AS (id * 2) STORED);
        CREATE TABLE ci () INHERITS (pi);
        """)]
    [InlineData("detached with NO INHERIT, then the parent dropped", Parents + """
        CREATE TABLE ch (e int, CONSTRAINT ck1 CHECK (c > 0)) INHERITS (p1);
        ALTER TABLE ch NO INHERIT p1;
        DROP TABLE p1;
        """)]
    [InlineData("DROP TABLE CASCADE drops the children, and a table dropped with its child", Parents + """
        CREATE TABLE ch (e int) INHERITS (p1);
        CREATE TABLE gc () INHERITS (ch);
        DROP TABLE p1 CASCADE;
        CREATE TABLE ch2 () INHERITS (p2);
        DROP TABLE p2, ch2;
        """)]
    [InlineData("comments on what exists, system columns and views included", """
        CREATE TABLE t (a int, CONSTRAINT ck CHECK (a > 0), CONSTRAINT u UNIQUE (a));
        CREATE VIEW v AS SELECT a AS x FROM t;
        CREATE TYPE comp AS (p int);
        COMMENT ON TABLE t IS 'x';
        COMMENT ON COLUMN public.t.a IS 'x';
        COMMENT ON COLUMN t.ctid IS NULL;
        COMMENT ON COLUMN v.x IS 'x';
        COMMENT ON COLUMN comp.p IS 'x';
        COMMENT ON CONSTRAINT ck ON t IS 'x';
        COMMENT ON CONSTRAINT u ON public.t IS 'x';
        CREATE TEMP TABLE t (b int);
        COMMENT ON COLUMN t.b IS 'x';
        """)]
    public Task The_engine_builds_the_servers_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("a parent listed twice", Parents, "CREATE TABLE ch () INHERITS (p1, p1);", DiagnosticCodes.InheritanceConflict, "42P07")]
    [InlineData("parents that type a column differently", Parents + "CREATE TABLE p3 (a bigint);", "CREATE TABLE ch () INHERITS (p1, p3);", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("a child that types a column differently", Parents, "CREATE TABLE ch (b int) INHERITS (p1);", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("parents with different defaults", Parents + "CREATE TABLE p4 (b text DEFAULT 'y');", "CREATE TABLE ch () INHERITS (p2, p4);", DiagnosticCodes.InheritanceConflict, "42611")]
    [InlineData("a parent dropped while a child inherits", Parents + "CREATE TABLE ch () INHERITS (p1);", "DROP TABLE p1;", DiagnosticCodes.InheritedObjectInUse, "2BP01")]
    [InlineData("a grandparent dropped with only its child", Parents + "CREATE TABLE ch () INHERITS (p1);\nCREATE TABLE gc () INHERITS (ch);", "DROP TABLE p1, ch;", DiagnosticCodes.InheritedObjectInUse, "2BP01")]
    [InlineData("an inherited column dropped in the child", Parents + "CREATE TABLE ch () INHERITS (p1);", "ALTER TABLE ch DROP COLUMN a;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("an inherited column retyped in the child", Parents + "CREATE TABLE ch () INHERITS (p1);", "ALTER TABLE ch ALTER COLUMN a TYPE bigint;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("an inherited column renamed in the child", Parents + "CREATE TABLE ch () INHERITS (p1);", "ALTER TABLE ch RENAME COLUMN a TO z;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("an inherited check dropped in the child", Parents + "CREATE TABLE ch () INHERITS (p1);", "ALTER TABLE ch DROP CONSTRAINT ck1;", DiagnosticCodes.InheritedObjectInUse, "42P16")]
    [InlineData("shenyu: a comment on a column the table does not have", "CREATE TABLE \"public\".\"param\" (\"id\" varchar(128) NOT NULL, \"is_required\" int2 NOT NULL);", "COMMENT ON COLUMN \"public\".\"param\".\"required\" IS 'whether to require';", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("a comment on a table that does not exist", "CREATE TABLE d (a text);", "COMMENT ON TABLE nope IS 'x';", DiagnosticCodes.TableNotFound, "42P01")]
    [InlineData("a comment on a column of a table that does not exist", "CREATE TABLE d (a text);", "COMMENT ON COLUMN nope.a IS 'x';", DiagnosticCodes.TableNotFound, "42P01")]
    [InlineData("a comment on a constraint the table does not have", "CREATE TABLE d (a text CHECK (a <> ''));", "COMMENT ON CONSTRAINT nope ON d IS 'x';", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("a comment on a column of the permanent table a temporary one shadows", "CREATE TABLE t (a int);\nCREATE TEMP TABLE t (b int);", "COMMENT ON COLUMN public.t.b IS 'x';", DiagnosticCodes.ColumnNotFound, "42703")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var setupLines = setup.TrimEnd('\n').Split('\n').Length;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup.TrimEnd('\n') + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setupLines + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }
}
