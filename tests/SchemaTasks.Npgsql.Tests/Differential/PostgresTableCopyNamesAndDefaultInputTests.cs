using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// CREATE TABLE name (a, b) AS a query: the engine names the columns as the server does, and
/// reports the lists the server refuses with the server's SQLSTATE. String defaults the input of
/// their type refuses (integers with range, boolean, uuid, numeric, a literal cast straight to
/// one), and CREATE DOMAIN's conflicting clauses, are reported where the server refuses them,
/// and the spellings it takes build its schema.
/// </summary>
public sealed class PostgresTableCopyNamesAndDefaultInputTests
{
    private const string Domain = "CREATE DOMAIN d AS text CHECK (VALUE IN ('a', 'b'));";

    private const string Source = "CREATE TABLE src (id int, code text NOT NULL, n numeric(5,2));\nINSERT INTO src VALUES (1, 'x', 1.5);";

    [PostgresTheory]
    [InlineData("fewer names than columns", Source + "\nCREATE TABLE c (a, b) AS SELECT * FROM src;\nCREATE TABLE c2 (a) AS SELECT id, code FROM src WHERE id > 0;")]
    [InlineData("one column twice, renamed", Source + "\nCREATE TABLE c (a, b) AS SELECT id, id FROM src;")]
    [InlineData("IF NOT EXISTS, options and WITH NO DATA", Source + "\nCREATE TABLE IF NOT EXISTS c (\"A b\") WITH (fillfactor = 70) AS TABLE src WITH NO DATA;\nCREATE TABLE IF NOT EXISTS c (x, y, z, w) AS TABLE src;")]
    [InlineData("options without names", Source + "\nCREATE TABLE c USING heap WITH (fillfactor = 70) AS SELECT code FROM src;")]
    [InlineData("string defaults the server reads", """
        CREATE TABLE t (
            a int DEFAULT ' -2147483648 ', b bigint DEFAULT '9223372036854775807',
            d uuid DEFAULT '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}', e uuid DEFAULT 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
            f numeric(3,1) DEFAULT '123.4'
        );
        """)]
    [InlineData("a domain default a repeated NULL does not change", "CREATE DOMAIN d AS int NOT NULL NOT NULL DEFAULT 1;\nCREATE DOMAIN e AS int NULL NULL;")]
    [InlineData("arrays of a domain: defaults the server takes, and the ALTER DOMAIN it allows", Domain + """

        CREATE DOMAIN d2 AS d;
        CREATE TABLE t (c d[] DEFAULT '{a,NULL,b}', f d2[], s d DEFAULT 'c');
        CREATE TABLE t2 (e d[] DEFAULT ARRAY['c']::d[]);
        DROP TABLE t2;
        ALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE IN ('a')) NOT VALID;
        ALTER DOMAIN d SET DEFAULT 'a';
        ALTER DOMAIN d DROP NOT NULL;
        ALTER DOMAIN d DROP CONSTRAINT d_check;
        """)]
    [InlineData("casts spelled as the server shows them", """
        CREATE TYPE r AS ENUM ('a', 'b');
        CREATE DOMAIN dr AS r;
        CREATE TABLE t (
            a bigint DEFAULT 1::bigint, b text DEFAULT 1::text, c int DEFAULT 1::smallint, d numeric(10,2) DEFAULT 1.5::numeric(10,2),
            e double precision DEFAULT 2::float8, f bigint DEFAULT 1::int, g timestamptz DEFAULT to_timestamp(0),
            h r DEFAULT 'b'::text::r, i dr DEFAULT 'b'::varchar::r, j text DEFAULT 'b'::text::varchar(5), k numeric DEFAULT 1.5::numeric
        );
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("more names than columns", Source, "CREATE TABLE c (a, b, x, y) AS SELECT * FROM src;", DiagnosticCodes.TableCopyColumnNamesRefused, "42601")]
    [InlineData("more names, no data", Source, "CREATE TABLE c (a, b) AS SELECT id FROM src WITH NO DATA;", DiagnosticCodes.TableCopyColumnNamesRefused, "42601")]
    [InlineData("a name twice", Source, "CREATE TABLE c (a, a) AS SELECT id, code FROM src;", DiagnosticCodes.TableCopyColumnNamesRefused, "42701")]
    [InlineData("a name the query keeps", Source, "CREATE TABLE c (code) AS SELECT id, code FROM src;", DiagnosticCodes.TableCopyColumnNamesRefused, "42701")]
    [InlineData("a literal cast to integer", "", "CREATE TABLE t (c text DEFAULT 'abc'::int);", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("CAST of a literal", "", "CREATE TABLE t (c text DEFAULT CAST('abc' AS uuid));", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("integer out of range", "", "CREATE TABLE t (c int DEFAULT '2147483648');", DiagnosticCodes.DefaultNotOfColumnType, "22003")]
    [InlineData("smallint out of range", "", "CREATE TABLE t (c smallint DEFAULT '-40000');", DiagnosticCodes.DefaultNotOfColumnType, "22003")]
    [InlineData("an empty integer", "", "CREATE TABLE t (c bigint DEFAULT '');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("not a uuid", "", "CREATE TABLE t (c uuid DEFAULT 'x');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a uuid with a space", "", "CREATE TABLE t (c uuid DEFAULT ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("not a numeric", "", "CREATE TABLE t (c numeric(10,2) DEFAULT '1e');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a boolean cast", "", "CREATE TABLE t (c text DEFAULT 'maybe'::boolean);", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a domain over integer", "CREATE DOMAIN di AS int;", "CREATE TABLE t (c di DEFAULT '1.5');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a domain's default", "", "CREATE DOMAIN du AS uuid DEFAULT 'nope';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("set default", "CREATE TABLE t (n int);", "ALTER TABLE t ALTER COLUMN n SET DEFAULT '99999999999';", DiagnosticCodes.DefaultNotOfColumnType, "22003")]
    [InlineData("two domain defaults", "", "CREATE DOMAIN d AS int DEFAULT 1 DEFAULT 2;", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("NOT NULL then NULL", "", "CREATE DOMAIN d AS int NOT NULL CHECK (VALUE > 0) NULL;", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("NULL then NOT NULL", "", "CREATE DOMAIN d AS int NULL NOT NULL;", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("a domain array element not listed", Domain, "CREATE TABLE t (c d[] DEFAULT '{a,c}');", DiagnosticCodes.DefaultNotOfColumnType, "23514")]
    [InlineData("a domain array literal cast", Domain, "CREATE TABLE t (c text DEFAULT '{c}'::d[]);", DiagnosticCodes.DefaultNotOfColumnType, "23514")]
    [InlineData("a domain over the domain array", Domain + "\nCREATE DOMAIN dd AS d[];", "CREATE TABLE t (c dd DEFAULT '{{a},{c}}');", DiagnosticCodes.DefaultNotOfColumnType, "23514")]
    [InlineData("a NULL in a NOT NULL domain's array", "CREATE DOMAIN n AS text NOT NULL;", "CREATE TABLE t (c n[] DEFAULT '{a,NULL}');", DiagnosticCodes.DefaultNotOfColumnType, "23502")]
    [InlineData("add a constraint over an array column", Domain + "\nCREATE TABLE u (c d[]);", "ALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE <> 'a');", DiagnosticCodes.DomainInArrayNotAltered, "0A000")]
    [InlineData("set not null over a domain's array", Domain + "\nCREATE DOMAIN d2 AS d;\nCREATE TABLE u (c d2[]);", "ALTER DOMAIN d SET NOT NULL;", DiagnosticCodes.DomainInArrayNotAltered, "0A000")]
    [InlineData("validate over a domain of the array", Domain + "\nCREATE DOMAIN dd AS d[];\nCREATE TABLE u (c dd);\nALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE <> 'a') NOT VALID;", "ALTER DOMAIN d VALIDATE CONSTRAINT x;", DiagnosticCodes.DomainInArrayNotAltered, "0A000")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var sql = setup.Length == 0 ? refused : setup + "\n" + refused;
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(sql.Split('\n').Length, diagnostics[0].Line);
        Assert.Null(catalog.FindTable(new QualifiedName("public", "c")));
        if (!setup.Contains("TABLE t", StringComparison.Ordinal)) Assert.Null(catalog.FindTable(new QualifiedName("public", "t")));

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
}
