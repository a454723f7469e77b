using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL <c>ALTER TABLE ... INHERIT</c>, <c>ATTACH PARTITION</c> and <c>DETACH PARTITION</c>:
/// the engine builds what the server holds after them (the links, the keys an attached partition
/// gets, what a parent's later change does to it), and what the server refuses is reported at
/// that statement, with the server's SQLSTATE checked.
/// </summary>
public sealed class PostgresAttachTests
{
    private const string Parent = """
        CREATE TABLE r (id int PRIMARY KEY);
        CREATE TABLE pu (a int NOT NULL, b text DEFAULT 'd', c int REFERENCES r, CONSTRAINT ck CHECK (a > 0), PRIMARY KEY (a), UNIQUE (b, a)) PARTITION BY RANGE (a);
        """;

    [PostgresTheory]
    [InlineData("a table attached: an existing key attached, the others cloned, then the parent's change reaches it", Parent + """
        CREATE TABLE u1 (c int, b text, a int NOT NULL, CONSTRAINT ck CHECK (a > 0), CONSTRAINT mypk PRIMARY KEY (a), CONSTRAINT own CHECK (a < 100));
        ALTER TABLE pu ATTACH PARTITION u1 FOR VALUES FROM (0) TO (10);
        ALTER TABLE pu ADD COLUMN e int DEFAULT 1, ALTER COLUMN b SET DEFAULT 'x';
        ALTER TABLE pu DROP COLUMN c;
        """)]
    [InlineData("a partition detached keeps everything, as its own", Parent + """
        CREATE TABLE u1 PARTITION OF pu FOR VALUES FROM (0) TO (10);
        CREATE TABLE u2 PARTITION OF pu DEFAULT;
        ALTER TABLE pu DETACH PARTITION u1;
        ALTER TABLE pu DROP COLUMN c, ADD COLUMN f int;
        ALTER TABLE u1 DROP COLUMN c;
        ALTER TABLE pu DETACH PARTITION u2;
        ALTER TABLE pu ATTACH PARTITION u2 DEFAULT;
        """)]
    [InlineData("INHERIT keeps the child's columns its own; NO INHERIT undoes it", """
        CREATE TABLE base (x int NOT NULL, y text DEFAULT 'q', CONSTRAINT bx CHECK (x > 0));
        CREATE TABLE kid (y text, x int NOT NULL, z int, CONSTRAINT bx CHECK (x > 0));
        ALTER TABLE kid INHERIT base;
        ALTER TABLE base ADD COLUMN w int, ALTER COLUMN y SET DEFAULT 'r';
        ALTER TABLE base DROP COLUMN x;
        ALTER TABLE kid NO INHERIT base;
        ALTER TABLE base ADD COLUMN v int;
        """)]
    [InlineData("INHERIT of CHECKs written otherwise that parse the same", """
        CREATE TABLE base (x int CONSTRAINT bx CHECK (x>0), k text CONSTRAINT bk CHECK (k IN ('a','b')));
        CREATE TABLE kid (x int CONSTRAINT bx CHECK ( (x > 0) ), k text CONSTRAINT bk CHECK (k = ANY (ARRAY['a','b'])));
        ALTER TABLE kid INHERIT base;
        """)]
    public Task The_engine_builds_the_servers_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("INHERIT of a parent whose column the child lacks", "CREATE TABLE base (x int, y text);\nCREATE TABLE kid (x int);", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("INHERIT with another type", "CREATE TABLE base (x int);\nCREATE TABLE kid (x bigint);", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("INHERIT without the parent's NOT NULL", "CREATE TABLE base (x int NOT NULL);\nCREATE TABLE kid (x int);", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("INHERIT without the parent's CHECK", "CREATE TABLE base (x int CONSTRAINT bx CHECK (x > 0));\nCREATE TABLE kid (x int);", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("INHERIT with the CHECK otherwise", "CREATE TABLE base (x int CONSTRAINT bx CHECK (x > 0));\nCREATE TABLE kid (x int CONSTRAINT bx CHECK (x > 1));", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("INHERIT twice", "CREATE TABLE base (x int);\nCREATE TABLE kid () INHERITS (base);", "ALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict, "42P07")]
    [InlineData("INHERIT in a circle", "CREATE TABLE base (x int);\nCREATE TABLE kid () INHERITS (base);", "ALTER TABLE base INHERIT kid;", DiagnosticCodes.InheritanceConflict, "42P07")]
    [InlineData("INHERIT of a partitioned table", Parent + "CREATE TABLE kid (a int NOT NULL, b text, c int);", "ALTER TABLE kid INHERIT pu;", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("NO INHERIT of a table that is not a parent", "CREATE TABLE base (x int);\nCREATE TABLE kid (x int);", "ALTER TABLE kid NO INHERIT base;", DiagnosticCodes.InheritanceConflict, "42P01")]
    [InlineData("ATTACH to a table that is not partitioned", "CREATE TABLE base (x int);\nCREATE TABLE kid (x int);", "ALTER TABLE base ATTACH PARTITION kid DEFAULT;", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("ATTACH of a table with a column the parent lacks", Parent + "CREATE TABLE t (a int NOT NULL, b text, c int, d int, CONSTRAINT ck CHECK (a > 0));", "ALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("ATTACH of a table without the parent's CHECK", Parent + "CREATE TABLE t (a int NOT NULL, b text, c int);", "ALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("ATTACH of a table without the parent's NOT NULL", Parent + "CREATE TABLE t (a int, b text, c int, CONSTRAINT ck CHECK (a > 0));", "ALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("ATTACH of an inheritance child", Parent + "CREATE TABLE base (x int);\nCREATE TABLE t (a int NOT NULL, b text, c int, CONSTRAINT ck CHECK (a > 0)) INHERITS (base);", "ALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.PartitionRefused, "42809")]
    [InlineData("a second DEFAULT partition attached", Parent + "CREATE TABLE d PARTITION OF pu DEFAULT;\nCREATE TABLE t (a int NOT NULL, b text, c int, CONSTRAINT ck CHECK (a > 0));", "ALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.PartitionRefused, "42P17")]
    [InlineData("DETACH of a table that is not a partition", Parent + "CREATE TABLE t (a int);", "ALTER TABLE pu DETACH PARTITION t;", DiagnosticCodes.PartitionRefused, "42P01")]
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
