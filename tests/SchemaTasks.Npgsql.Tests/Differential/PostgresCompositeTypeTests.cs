using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Composite types' attributes against the server: what PostgreSQL refuses in ALTER TYPE ...
/// ATTRIBUTE, DROP TYPE and DROP DOMAIN, the engine reports at that statement with the code that
/// says why; what it takes leaves the attributes the server lists.
/// </summary>
public sealed class PostgresCompositeTypeTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a');\nCREATE TYPE c AS (x e, y int);\n";

    [PostgresTheory]
    [InlineData("ALTER TYPE e ADD ATTRIBUTE z int;", DiagnosticCodes.TypeNotFound, "42P01")]
    [InlineData("CREATE DOMAIN d AS int;\nALTER TYPE d DROP ATTRIBUTE z;", DiagnosticCodes.TypeNotFound, "42P01")]
    [InlineData("ALTER TYPE nope RENAME ATTRIBUTE z TO w;", DiagnosticCodes.TypeNotFound, "42P01")]
    [InlineData("CREATE TABLE t (a int);\nALTER TYPE t ADD ATTRIBUTE z int;", DiagnosticCodes.TypeNotFound, "42809")]
    [InlineData("CREATE VIEW v AS SELECT 1 AS a;\nALTER TYPE v ADD ATTRIBUTE z int;", DiagnosticCodes.TypeNotFound, "42809")]
    [InlineData("ALTER TYPE c DROP ATTRIBUTE nope;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE y int;", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE q nosuchtype;", DiagnosticCodes.UnknownType, "42704")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE k int, DROP ATTRIBUTE nope;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE y2 int, DROP ATTRIBUTE y2;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c DROP ATTRIBUTE y, ALTER ATTRIBUTE y TYPE text;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE n int, ALTER ATTRIBUTE n TYPE text;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c RENAME ATTRIBUTE nope TO n;", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("ALTER TYPE c RENAME ATTRIBUTE x TO y;", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("CREATE TYPE c2 AS (a int, a text);", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("CREATE TYPE c2 AS (a serial);", DiagnosticCodes.UnknownType, "42704")]
    [InlineData("CREATE TYPE c2 AS (a int, b nosuchtype);", DiagnosticCodes.UnknownType, "42704")]
    [InlineData("CREATE TABLE t (id int, v c);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;", DiagnosticCodes.CompositeAttributeRefused, "0A000")]
    [InlineData("CREATE TABLE t (v c[]);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint CASCADE;", DiagnosticCodes.CompositeAttributeRefused, "0A000")]
    [InlineData("CREATE TYPE h AS (m c);\nCREATE TABLE t (v h);\nALTER TYPE c ALTER ATTRIBUTE y SET DATA TYPE bigint;", DiagnosticCodes.CompositeAttributeRefused, "0A000")]
    [InlineData("CREATE DOMAIN dc AS c;\nCREATE TABLE t (v dc);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;", DiagnosticCodes.CompositeAttributeRefused, "0A000")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE self c[];", DiagnosticCodes.CompositeAttributeRefused, "42P16")]
    [InlineData("CREATE TYPE h AS (m c);\nALTER TYPE c ADD ATTRIBUTE back h;", DiagnosticCodes.CompositeAttributeRefused, "42P16")]
    [InlineData("DROP TYPE e;", DiagnosticCodes.TypeInUse, "2BP01")]
    [InlineData("CREATE DOMAIN d AS int;\nCREATE TYPE c2 AS (a d);\nDROP DOMAIN d;", DiagnosticCodes.TypeInUse, "2BP01")]
    [InlineData("CREATE TABLE t (v c);\nDROP TYPE c;", DiagnosticCodes.TypeInUse, "2BP01")]
    [InlineData("CREATE TYPE h AS (m c);\nDROP TYPE c;", DiagnosticCodes.TypeInUse, "2BP01")]
    [InlineData("CREATE DOMAIN dc AS c;\nDROP TYPE c;", DiagnosticCodes.TypeInUse, "2BP01")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string statements, string code, string sqlState)
    {
        var lines = (Setup + statements).Split('\n');
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + statements, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{statements}: {string.Join("\n", diagnostics)}");
        Assert.Equal(lines.Length, diagnostics[0].Line);
        Assert.Contains(sqlState, diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(string.Join("\n", lines[..^1]), connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(lines[^1], connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("attribute actions in the server's order", """
        CREATE TABLE t (id int, v c);
        ALTER TYPE c ADD ATTRIBUTE z bigint;
        ALTER TYPE c DROP ATTRIBUTE y CASCADE, ADD ATTRIBUTE y text;
        ALTER TYPE c DROP ATTRIBUTE IF EXISTS nope;
        ALTER TYPE c RENAME ATTRIBUTE z TO w;
        """)]
    [InlineData("retyping a composite another composite holds", """
        CREATE TYPE h AS (m c, n int);
        ALTER TYPE c ALTER ATTRIBUTE y SET DATA TYPE text COLLATE "C", DROP ATTRIBUTE x;
        ALTER TYPE h RENAME ATTRIBUTE n TO k;
        """)]
    [InlineData("drops with CASCADE take the attributes along", """
        CREATE DOMAIN d AS int;
        CREATE TYPE h AS (m c[], n d, o int);
        DROP DOMAIN d CASCADE;
        DROP TYPE e CASCADE;
        """)]
    [InlineData("renamed and moved types", """
        CREATE SCHEMA app;
        CREATE TYPE h AS (m c);
        ALTER TYPE e RENAME TO e2;
        ALTER TYPE c RENAME TO c2;
        ALTER TYPE c2 SET SCHEMA app;
        ALTER TYPE app.c2 ADD ATTRIBUTE z int;
        ALTER SCHEMA app RENAME TO app2;
        ALTER TYPE app2.c2 DROP ATTRIBUTE y;
        """)]
    [InlineData("a shell type completed as a composite", """
        CREATE TYPE s;
        CREATE TYPE s AS (a int);
        ALTER TYPE s DROP ATTRIBUTE a;
        ALTER TYPE s ADD ATTRIBUTE b e;
        """)]
    public async Task An_accepted_history_leaves_the_servers_attributes(string behaviour, string statements)
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + statements, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var apply = new NpgsqlCommand(Setup + statements, connection))
        {
            await apply.ExecuteNonQueryAsync();
        }

        var server = new List<string>();
        await using (var query = new NpgsqlCommand(
            """
            SELECT n.nspname || '.' || t.typname || ':' || coalesce(string_agg(a.attname, ',' ORDER BY a.attnum), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
            LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            GROUP BY n.nspname, t.typname ORDER BY 1
            """,
            connection))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) server.Add(reader.GetString(0));
        }

        var engine = catalog.Composites.Values.Select(c => $"{c.Name.Schema}.{c.Name.Name}:{string.Join(",", c.Attributes.Select(a => a.Name))}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(server, engine);
    }
}
