using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Statements PostgreSQL refuses, seen while probing real histories: a second primary key, DROP
/// NOT NULL of a primary key column, and a drop without CASCADE of a key, unique index or table
/// a foreign key needs. The server refuses the last statement with the SQLSTATE, and the engine
/// reports its code at that statement's line; the forms it accepts build the server's schema.
/// </summary>
public sealed class PostgresRefusedStatementTests
{
    private const string Referenced = """
        CREATE TABLE p (id int PRIMARY KEY, code int UNIQUE, x int);
        CREATE UNIQUE INDEX p_x ON p (x);
        CREATE TABLE c (pid int REFERENCES p, pcode int REFERENCES p (code), px int REFERENCES p (x));
        """;

    [PostgresTheory]
    [InlineData("add primary key", "CREATE TABLE t (a int PRIMARY KEY, b int);", "ALTER TABLE t ADD PRIMARY KEY (b);", DiagnosticCodes.MultiplePrimaryKeys, "42P16")]
    [InlineData("add constraint primary key", "CREATE TABLE t (a int PRIMARY KEY, b int);", "ALTER TABLE t ADD CONSTRAINT x PRIMARY KEY (b);", DiagnosticCodes.MultiplePrimaryKeys, "42P16")]
    [InlineData("add column primary key", "CREATE TABLE t (a int PRIMARY KEY);", "ALTER TABLE t ADD COLUMN c int PRIMARY KEY;", DiagnosticCodes.MultiplePrimaryKeys, "42P16")]
    [InlineData("two in one create table", "", "CREATE TABLE t (a int PRIMARY KEY, b int, PRIMARY KEY (b));", DiagnosticCodes.MultiplePrimaryKeys, "42P16")]
    [InlineData("drop not null of a key column", "CREATE TABLE t (a int, b int, PRIMARY KEY (a, b));", "ALTER TABLE t ALTER COLUMN b DROP NOT NULL;", DiagnosticCodes.PrimaryKeyColumnNotNull, "42P16")]
    [InlineData("drop not null before the key", "CREATE TABLE t (a int PRIMARY KEY);", "ALTER TABLE t ALTER COLUMN a DROP NOT NULL, DROP CONSTRAINT t_pkey;", DiagnosticCodes.PrimaryKeyColumnNotNull, "42P16")]
    [InlineData("drop a referenced primary key", Referenced, "ALTER TABLE p DROP CONSTRAINT p_pkey;", DiagnosticCodes.KeyNeededByForeignKey, "2BP01")]
    [InlineData("drop a referenced unique constraint", Referenced, "ALTER TABLE p DROP CONSTRAINT p_code_key;", DiagnosticCodes.KeyNeededByForeignKey, "2BP01")]
    [InlineData("drop a referenced unique index", Referenced, "DROP INDEX p_x;", DiagnosticCodes.KeyNeededByForeignKey, "2BP01")]
    [InlineData("drop a referenced table", Referenced, "DROP TABLE p;", DiagnosticCodes.KeyNeededByForeignKey, "2BP01")]
    [InlineData("drop a self-referenced primary key", "CREATE TABLE s (id int PRIMARY KEY, parent int REFERENCES s);", "ALTER TABLE s DROP CONSTRAINT s_pkey;", DiagnosticCodes.KeyNeededByForeignKey, "2BP01")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var setupLines = setup.Length == 0 ? 0 : setup.Split('\n').Length;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup.Length == 0 ? refused : setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setupLines + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        if (setup.Length > 0)
        {
            await using var prepare = new NpgsqlCommand(setup, connection);
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("the key dropped in the same statement is replaced", """
        CREATE TABLE t (a int PRIMARY KEY, b int);
        ALTER TABLE t ADD PRIMARY KEY (b), DROP CONSTRAINT t_pkey;
        """)]
    [InlineData("drop not null of a unique column, and of a key column once the key is dropped", """
        CREATE TABLE t (a int PRIMARY KEY, b int NOT NULL UNIQUE);
        ALTER TABLE t ALTER COLUMN b DROP NOT NULL;
        ALTER TABLE t DROP CONSTRAINT t_pkey, ALTER COLUMN a DROP NOT NULL;
        """)]
    [InlineData("drop table cascade drops the foreign keys of other tables", Referenced + """

        DROP TABLE p CASCADE;
        """)]
    [InlineData("a self-referencing table, and tables dropped together", """
        CREATE TABLE s (id int PRIMARY KEY, parent int REFERENCES s);
        DROP TABLE s;
        CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (aid int REFERENCES a);
        DROP TABLE a, b;
        """)]
    [InlineData("the foreign keys dropped first", Referenced + """

        ALTER TABLE c DROP CONSTRAINT c_pid_fkey, DROP CONSTRAINT c_pcode_fkey, DROP CONSTRAINT c_px_fkey;
        ALTER TABLE p DROP CONSTRAINT p_pkey, DROP CONSTRAINT p_code_key;
        DROP INDEX p_x;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
