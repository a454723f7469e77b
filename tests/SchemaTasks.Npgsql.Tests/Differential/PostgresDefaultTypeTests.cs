using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Defaults whose expression has a type with no assignment cast to the column's: the server
/// refuses them (42804), and the engine reports each at its line. The shapes the server takes,
/// and the defaults of columns of domains (which keep the base type's cast), build the server's
/// schema.
/// </summary>
public sealed class PostgresDefaultTypeTests
{
    private const string Setup = """
        CREATE TYPE r AS ENUM ('a', 'b', 'c');
        CREATE DOMAIN dr AS r;
        CREATE DOMAIN dtext AS text;
        CREATE DOMAIN dra AS r[];
        CREATE TABLE t (id int PRIMARY KEY, x r, xa r[], xd dr, xda dra, y int, b bigint, bo boolean, ts timestamptz, j jsonb, ta text[]);
        """;

    [PostgresTheory]
    [InlineData("text on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::text;")]
    [InlineData("varchar on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::varchar;")]
    [InlineData("character varying on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::character varying;")]
    [InlineData("CAST AS text on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT CAST('a' AS text);")]
    [InlineData("a domain over text on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::dtext;")]
    [InlineData("NULL cast to text on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT NULL::text;")]
    [InlineData("a number on an enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 1;")]
    [InlineData("an uncast ARRAY on an enum array", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['c'];")]
    [InlineData("ARRAY of text on an enum array", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'::text];")]
    [InlineData("text[] on an enum array", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{a}'::text[];")]
    [InlineData("text on an enum array", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{a}'::text;")]
    [InlineData("text on a domain over an enum", "ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'a'::text;")]
    [InlineData("an uncast ARRAY on a domain over an enum array", "ALTER TABLE t ALTER COLUMN xda SET DEFAULT ARRAY['a'];")]
    [InlineData("text on an integer", "ALTER TABLE t ALTER COLUMN y SET DEFAULT '1'::text;")]
    [InlineData("a boolean on an integer", "ALTER TABLE t ALTER COLUMN y SET DEFAULT true;")]
    [InlineData("now() on a bigint", "ALTER TABLE t ALTER COLUMN b SET DEFAULT now();")]
    [InlineData("CURRENT_TIMESTAMP on a bigint", "ALTER TABLE t ALTER COLUMN b SET DEFAULT CURRENT_TIMESTAMP;")]
    [InlineData("a number on a boolean", "ALTER TABLE t ALTER COLUMN bo SET DEFAULT 1;")]
    [InlineData("now()::text on a timestamptz", "ALTER TABLE t ALTER COLUMN ts SET DEFAULT now()::text;")]
    [InlineData("text on jsonb", "ALTER TABLE t ALTER COLUMN j SET DEFAULT '{}'::text;")]
    [InlineData("text on a text array", "ALTER TABLE t ALTER COLUMN ta SET DEFAULT '{a}'::text;")]
    [InlineData("create table", "CREATE TABLE t2 (x r DEFAULT 'a'::text);")]
    [InlineData("create table with an uncast ARRAY", "CREATE TABLE t2 (x r[] NOT NULL DEFAULT ARRAY['a', 'b']);")]
    [InlineData("add column", "ALTER TABLE t ADD COLUMN z r DEFAULT 'a'::text;")]
    [InlineData("add column of a domain", "ALTER TABLE t ADD COLUMN z dr DEFAULT CAST('a' AS varchar);")]
    [InlineData("create domain", "CREATE DOMAIN dd AS r DEFAULT 'a'::text;")]
    [InlineData("alter domain", "ALTER DOMAIN dr SET DEFAULT 'a'::text;")]
    public async Task A_default_of_another_type_is_refused_as_the_server_refuses_it(string behaviour, string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.DefaultOfAnotherType, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand(Setup, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42804", error.SqlState);
    }

    [PostgresTheory]
    [InlineData("the enum itself", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r;")]
    [InlineData("a cast chain ending in the enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'b'::text::r;")]
    [InlineData("a domain over the enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::dr;")]
    [InlineData("an untyped literal", "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'c'::unknown;")]
    [InlineData("an expression cast to the enum", "ALTER TABLE t ALTER COLUMN x SET DEFAULT lower('A')::r;")]
    [InlineData("an ARRAY cast to the enum array", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['c']::r[];")]
    [InlineData("an array literal", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{c}';")]
    [InlineData("an ARRAY of one enum element and a string", "ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'::r, 'b'];")]
    [InlineData("an array literal on a domain over the enum array", "ALTER TABLE t ALTER COLUMN xda SET DEFAULT '{c}';")]
    [InlineData("bigint on an integer", "ALTER TABLE t ALTER COLUMN y SET DEFAULT 1::bigint;")]
    [InlineData("numeric on a bigint", "ALTER TABLE t ALTER COLUMN b SET DEFAULT 1.5;")]
    [InlineData("current_date on a timestamptz", "ALTER TABLE t ALTER COLUMN ts SET DEFAULT current_date;")]
    [InlineData("json on jsonb", "ALTER TABLE t ALTER COLUMN j SET DEFAULT '{}'::json;")]
    [InlineData("an integer ARRAY on a text array", "ALTER TABLE t ALTER COLUMN ta SET DEFAULT ARRAY[1, 2];")]
    [InlineData("a boolean ARRAY on a text array", "ALTER TABLE t ALTER COLUMN ta SET DEFAULT ARRAY[true];")]
    [InlineData("anything on a string type", "CREATE TABLE t2 (s text DEFAULT 'a'::r, v varchar(5) DEFAULT 'a'::text, u text DEFAULT ARRAY['a'], w text DEFAULT now(), n numeric DEFAULT 1::int);")]
    [InlineData("the domain's own default", "CREATE DOMAIN dd AS r DEFAULT 'a'::dr;")]
    public async Task A_default_the_server_takes_is_taken(string behaviour, string taken)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + taken, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Setup + "\n" + taken, connection);
        await command.ExecuteNonQueryAsync();
    }

    [PostgresTheory]
    [InlineData("uncast defaults and casts to the column's type", Setup + """

        ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r;
        ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['c']::r[];
        ALTER TABLE t ALTER COLUMN xda SET DEFAULT '{c}';
        ALTER TABLE t ALTER COLUMN b SET DEFAULT 1.5;
        ALTER TABLE t ALTER COLUMN ts SET DEFAULT current_date;
        ALTER TABLE t ALTER COLUMN j SET DEFAULT '{}'::json;
        CREATE TABLE t2 (a r[] DEFAULT '{c}', s text DEFAULT 'a'::r, v varchar(5) DEFAULT 'a'::text, w text DEFAULT now());
        """)]
    [InlineData("defaults of columns of domains", Setup + """

        CREATE SCHEMA s;
        CREATE TYPE s."Mood" AS ENUM ('ok', 'sad');
        CREATE DOMAIN ddr AS dr;
        CREATE DOMAIN dm AS s."Mood";
        CREATE DOMAIN dvc AS varchar(5);
        CREATE DOMAIN dint AS int;
        CREATE DOMAIN dbool AS boolean;
        CREATE DOMAIN dj AS jsonb;
        ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'b';
        ALTER TABLE t ALTER COLUMN xda SET DEFAULT '{a,b}';
        CREATE TABLE t2 (a dr DEFAULT 'a'::r, b ddr DEFAULT 'b', c dm DEFAULT 'sad', d dvc DEFAULT 'x', e dint DEFAULT '7', f dbool DEFAULT 'false', g dj DEFAULT '{"b":1,"a":2}', h dtext DEFAULT 'y');
        ALTER TYPE r RENAME VALUE 'b' TO 'b2';
        """)]
    [InlineData("defaults of columns of domains over an enum renamed and moved", Setup + """

        CREATE SCHEMA s;
        ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'b';
        ALTER TABLE t ALTER COLUMN xda SET DEFAULT '{a,b}';
        ALTER TYPE r RENAME TO "R2";
        CREATE TABLE t2 (a dr DEFAULT 'c');
        ALTER TYPE "R2" SET SCHEMA s;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
