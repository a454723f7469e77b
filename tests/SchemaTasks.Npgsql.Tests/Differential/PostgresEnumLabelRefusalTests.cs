using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Enum labels PostgreSQL refuses: a constant read as a value of an enum type that lacks the label
/// (22P02, when the statement is parsed, whether or not a row matches: in a CHECK, a domain's
/// CHECK, a generated column, an index, a view, a partition bound, a query, INSERT, UPDATE and
/// DELETE) and a label longer than 63 bytes (42602). The engine reports each at its line; the forms the server takes (a cast to
/// text, a text column, a label of 63 bytes, the empty label) build the server's schema.
/// </summary>
public sealed class PostgresEnumLabelRefusalTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE TABLE t (id int, c e, n text, arr e[]);
        CREATE TYPE status AS ENUM ('new', 'done');
        CREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');
        ALTER TYPE status RENAME VALUE 'done' TO 'finished';
        CREATE TABLE p (id int, c e) PARTITION BY LIST (c);
        CREATE TABLE r (id int, c e) PARTITION BY RANGE (c);
        """;

    private const string TooLong = "1234567890123456789012345678901234567890123456789012345678901234";

    [PostgresTheory]
    [InlineData("an IN list in a column CHECK", "CREATE TABLE t2 (c e CHECK (c IN ('a', 'z')));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("ANY of casts", "CREATE TABLE t2 (c e CHECK (c = ANY (ARRAY['a'::e, 'z'::e])));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a comparison", "CREATE TABLE t2 (c e CHECK (c = 'z'));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a cast in another column's CHECK", "CREATE TABLE t2 (c e, x int CHECK ('z'::e IS NOT NULL));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("BETWEEN", "CREATE TABLE t2 (c e CHECK (c BETWEEN 'a' AND 'z'));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a generated column", "CREATE TABLE t2 (c e, g boolean GENERATED ALWAYS AS (c = 'z') STORED);", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("ADD CHECK NOT VALID", "ALTER TABLE t ADD CONSTRAINT k CHECK (c IN ('a', 'z')) NOT VALID;", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("an index expression", "CREATE INDEX i ON t ((c = 'z'));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a partial index", "CREATE INDEX i ON t (id) WHERE c <> 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a domain's CHECK", "CREATE DOMAIN d AS e CHECK (VALUE IN ('a', 'z'));", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a view", "CREATE VIEW v AS SELECT * FROM t WHERE c = 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a query", "SELECT 1 FROM t WHERE c = 'z'::e;", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a label renamed away, in a view", "CREATE VIEW done_jobs AS SELECT id FROM job WHERE st = 'done';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a label renamed away, in a partial index", "CREATE INDEX job_open ON job (id) WHERE st <> 'closed';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a list partition's bound", "CREATE TABLE p1 PARTITION OF p FOR VALUES IN ('a', 'z');", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a range partition's upper bound", "CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('a') TO ('z');", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a range partition's lower bound, before a NULL", "CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('z') TO (NULL);", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("NULL in a range partition's lower bound, before a missing label", "CREATE TABLE r1 PARTITION OF r FOR VALUES FROM (NULL) TO ('z');", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("UPDATE's SET, no row matching", "UPDATE t SET c = 'z' WHERE false;", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("UPDATE's WHERE", "UPDATE t SET n = 'x' WHERE c = 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a data migration after a rename", "UPDATE job SET st = 'done' WHERE st = 'finished';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("INSERT's VALUES, the second row", "INSERT INTO t VALUES (1, 'a'), (2, 'z');", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("INSERT's VALUES, a later row after repeated labels", "INSERT INTO t (id, c) VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'z');", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("INSERT ... SELECT", "INSERT INTO t (id, c) SELECT 1, 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("ON CONFLICT DO UPDATE SET", "INSERT INTO t (id, c) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET c = 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("RETURNING", "INSERT INTO t AS x (id, c) VALUES (1, 'a') ON CONFLICT DO NOTHING RETURNING c = 'z';", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("DELETE's IN list", "DELETE FROM t WHERE c IN ('a', 'z');", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("DELETE's NOT IN on ONLY", "DELETE FROM ONLY t WHERE c NOT IN ('z') RETURNING id;", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a cast in UPDATE's WHERE", "UPDATE t SET n = 'x' WHERE id = 1 AND 'z'::e IS NULL;", DiagnosticCodes.EnumLabelUnknown, "22P02")]
    [InlineData("a long label in CREATE TYPE", "CREATE TYPE l AS ENUM ('ok', '" + TooLong + "');", DiagnosticCodes.EnumLabelTooLong, "42602")]
    [InlineData("a label of 66 bytes in 33 characters", "CREATE TYPE l AS ENUM ('ééééééééééééééééééééééééééééééééé');", DiagnosticCodes.EnumLabelTooLong, "42602")]
    [InlineData("a long label in ADD VALUE", "ALTER TYPE e ADD VALUE '" + TooLong + "';", DiagnosticCodes.EnumLabelTooLong, "42602")]
    [InlineData("a long label in ADD VALUE IF NOT EXISTS", "ALTER TYPE e ADD VALUE IF NOT EXISTS '" + TooLong + "';", DiagnosticCodes.EnumLabelTooLong, "42602")]
    [InlineData("a long label in RENAME VALUE", "ALTER TYPE e RENAME VALUE 'a' TO '" + TooLong + "';", DiagnosticCodes.EnumLabelTooLong, "42602")]
    public async Task A_label_the_server_refuses_is_reported_at_its_line(string behaviour, string refused, string code, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + 1, diagnostics[0].Line);
        Assert.Contains("SQLSTATE " + sqlState, diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand(Setup, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("labels the types have, casts to text, text columns and a table whose column is not decided, in DDL and data statements", Setup + """

        CREATE TABLE u (id int, c text);
        CREATE TABLE t2 (c e CHECK (c IN ('a', 'b')), d e CHECK (d::text IN ('a', 'z')), n text CHECK (n = 'z'));
        ALTER TABLE t ADD CONSTRAINT k CHECK (c <> 'b');
        CREATE INDEX job_done ON job (id) WHERE st = 'finished';
        CREATE TABLE p1 PARTITION OF p FOR VALUES IN ('a', 'b');
        CREATE DOMAIN d AS e CHECK (VALUE IN ('a', 'b'));
        CREATE VIEW v AS SELECT * FROM t WHERE c::text = 'z';
        UPDATE t SET n = 'z' WHERE c::text = 'z';
        UPDATE u SET c = 'z' FROM t WHERE u.id = t.id;
        INSERT INTO t (id, n) VALUES (1, 'z');
        INSERT INTO t (id, c, n) VALUES (2, 'a', 'z'), (3, NULL, 'y');
        INSERT INTO job (id, st) VALUES (1, 'finished') ON CONFLICT (id) DO UPDATE SET st = 'new';
        UPDATE job SET st = 'new' WHERE st IN ('finished', 'new') RETURNING st = 'new';
        INSERT INTO u VALUES (1, 'z');
        UPDATE u SET c = 'z' WHERE c = 'z';
        UPDATE t SET c = 'a' FROM u WHERE u.c = 'z';
        DELETE FROM t USING u WHERE u.c = 'z' AND t.c::text = 'z';
        DELETE FROM t WHERE c::text IN ('a', 'z');
        SELECT count(*) FROM t WHERE c::text = 'z';
        """)]
    [InlineData("labels of 63 bytes and the empty label", """
        CREATE TYPE l AS ENUM ('', '123456789012345678901234567890123456789012345678901234567890123', 'éééééééééééééééééééééééééééééééa');
        ALTER TYPE l ADD VALUE 'x23456789012345678901234567890123456789012345678901234567890123';
        ALTER TYPE l RENAME VALUE '' TO 'y23456789012345678901234567890123456789012345678901234567890123';
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
