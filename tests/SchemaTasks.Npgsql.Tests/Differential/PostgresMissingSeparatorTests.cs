using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A ',' missing after a key or foreign key in ALTER TABLE (UPchieve's "ADD CONSTRAINT ... UNIQUE
/// (...) DROP CONSTRAINT ..."), or after an action whose content is skipped: PostgreSQL refuses it
/// (42601) and the engine reports ST2010 at that statement, where it used to drop what followed.
/// The options a key and a foreign key may carry still build the server's schema.
/// </summary>
public sealed class PostgresMissingSeparatorTests
{
    private const string Table = "CREATE TABLE a (id int PRIMARY KEY, name text);";

    [PostgresTheory]
    [InlineData("after a named unique", "ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) DROP CONSTRAINT IF EXISTS u;")]
    [InlineData("after an unnamed unique", "ALTER TABLE a ADD UNIQUE (name) ADD COLUMN z int;")]
    [InlineData("after a foreign key", "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ADD COLUMN w int;")]
    [InlineData("after a deferrable foreign key", "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ON DELETE CASCADE DEFERRABLE ADD COLUMN w int;")]
    [InlineData("after OWNER TO", "ALTER TABLE a OWNER TO CURRENT_USER DROP COLUMN name;")]
    [InlineData("after a USING expression", "ALTER TABLE a ALTER COLUMN id TYPE bigint USING id::bigint DROP COLUMN name;")]
    [InlineData("after SET STATISTICS", "ALTER TABLE a ALTER COLUMN name SET STATISTICS 100 ADD COLUMN q int;")]
    [InlineData("between a key and a column in CREATE TABLE", "CREATE TABLE b (id int, CONSTRAINT pk PRIMARY KEY (id) x int);")]
    public async Task A_missing_comma_is_refused_by_the_server_and_reported(string behaviour, string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Table + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.SyntaxError && diagnostics[0].Line == 2, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Table, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42601", error.SqlState);
    }

    [PostgresTheory]
    [InlineData("a key's index options", "ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) INCLUDE (id) WITH (fillfactor = 70) USING INDEX TABLESPACE pg_default DEFERRABLE INITIALLY DEFERRED, ADD COLUMN z int;")]
    [InlineData("a foreign key's options", "ALTER TABLE a ADD COLUMN z int, ADD CONSTRAINT f FOREIGN KEY (z) REFERENCES a (id) MATCH FULL ON DELETE SET NULL (z) ON UPDATE CASCADE NOT DEFERRABLE NOT VALID, ADD COLUMN w int;")]
    [InlineData("a key's options in CREATE TABLE", "CREATE TABLE b (id int, CONSTRAINT pk PRIMARY KEY (id) WITH (fillfactor = 90), x int);")]
    public async Task The_options_of_a_key_build_the_servers_schema(string behaviour, string statement)
        => await PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + "\n" + statement);
}
