using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A function or operator class of an extension the migrations never created: the server
/// refuses the statement with its SQLSTATE, and the engine reports ST3080 at that statement's
/// line; with CREATE EXTENSION first, both accept it and end with the same catalog.
/// </summary>
public sealed class PostgresExtensionObjectUseTests
{
    [PostgresTheory]
    [InlineData("uuid-ossp's function in a default", "CREATE TABLE t (name text);", "CREATE TABLE u (id uuid DEFAULT uuid_generate_v4(), name text);", "42883")]
    [InlineData("uuid-ossp's function set as a default", "CREATE TABLE t (id uuid);", "ALTER TABLE t ALTER COLUMN id SET DEFAULT uuid_generate_v1mc();", "42883")]
    [InlineData("fuzzystrmatch's function in a domain's default", "CREATE TABLE t (name text);", "CREATE DOMAIN d AS int DEFAULT levenshtein('a', 'b');", "42883")]
    [InlineData("pg_trgm's operator class", "CREATE TABLE t (name text);", "CREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);", "42704")]
    [InlineData("hstore's operator class on an expression", "CREATE TABLE t (name text);", "CREATE INDEX ON t USING gist ((lower(name)) gist_hstore_ops);", "42704")]
    public async Task The_server_refuses_it_and_the_engine_reports_it(string behaviour, string setup, string refused, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.ExtensionObjectWithoutExtension && diagnostics[0].Line == 2, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("with its extensions created", """
        CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE TABLE t (id uuid DEFAULT uuid_generate_v4(), name text);
        CREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);
        """)]
    [InlineData("a function of the migrations' own of that name", """
        CREATE FUNCTION uuid_generate_v4() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';
        CREATE TABLE t (id uuid DEFAULT uuid_generate_v4(), other uuid DEFAULT gen_random_uuid());
        """)]
    public Task Otherwise_the_catalog_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
