using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL defaults whose expression has a type with no assignment cast to the column's, each
/// checked on PostgreSQL 15 (42804, column is of type X but default expression is of type Y): the
/// statement is refused, so the catalog keeps neither the table, the column nor the default.
/// Shapes whose type SchemaTasks cannot tell for certain are left alone.
/// </summary>
public class RefusedDefaultTypeTests
{
    private const string Setup = """
        CREATE TYPE r AS ENUM ('a', 'b', 'c');
        CREATE DOMAIN dr AS r;
        CREATE DOMAIN dtext AS text;
        CREATE DOMAIN dra AS r[];
        CREATE TABLE t (id int PRIMARY KEY, x r, xa r[], xd dr, xda dra, y int, b bigint, s text, v varchar(10), bo boolean, ts timestamptz, n numeric, j jsonb, u uuid, ta text[]);

        """;

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::text;", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::varchar;", "character varying", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::character varying(3);", "character varying(3)", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT CAST('a' AS text);", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT ('a')::text;", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT ((('a'::text)));", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::dtext;", "dtext", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r::text;", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT NULL::text;", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 1;", "integer", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT lower('A')::text;", "text", "r")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'];", "text[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a', NULL, 'b'];", "text[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'::text];", "text[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a']::text[];", "text[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{a}'::text[];", "text[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{a}'::text;", "text", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY[1];", "integer[]", "r[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'a'::text;", "text", "dr")]
    [InlineData("ALTER TABLE t ALTER COLUMN xda SET DEFAULT ARRAY['a'];", "text[]", "dra")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '1'::text;", "text", "integer")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT true;", "boolean", "integer")]
    [InlineData("ALTER TABLE t ALTER COLUMN b SET DEFAULT now();", "timestamp with time zone", "bigint")]
    [InlineData("ALTER TABLE t ALTER COLUMN b SET DEFAULT CURRENT_TIMESTAMP;", "timestamp with time zone", "bigint")]
    [InlineData("ALTER TABLE t ALTER COLUMN bo SET DEFAULT 1;", "integer", "boolean")]
    [InlineData("ALTER TABLE t ALTER COLUMN bo SET DEFAULT 'true'::varchar(5);", "character varying(5)", "boolean")]
    [InlineData("ALTER TABLE t ALTER COLUMN ts SET DEFAULT now()::text;", "text", "timestamp with time zone")]
    [InlineData("ALTER TABLE t ALTER COLUMN j SET DEFAULT '{}'::text;", "text", "jsonb")]
    [InlineData("ALTER TABLE t ALTER COLUMN u SET DEFAULT 'x'::text;", "text", "uuid")]
    [InlineData("ALTER TABLE t ALTER COLUMN ta SET DEFAULT '{a}'::text;", "text", "text[]")]
    [InlineData("ALTER TABLE t ALTER COLUMN b SET DEFAULT localtimestamp(3);", "timestamp without time zone", "bigint")]
    [InlineData("CREATE TABLE t2 (x r DEFAULT 'a'::text);", "text", "r")]
    [InlineData("CREATE TABLE t2 (a timetz DEFAULT localtimestamp);", "timestamp without time zone", "time with time zone")]
    [InlineData("CREATE TABLE t2 (a timestamp DEFAULT '12:00'::time);", "time without time zone", "timestamp without time zone")]
    [InlineData("CREATE TABLE t2 (a timestamptz DEFAULT '1 day'::interval);", "interval", "timestamp with time zone")]
    [InlineData("CREATE TABLE t2 (id int, x r[] NOT NULL DEFAULT ARRAY['a', 'b']);", "text[]", "r[]")]
    [InlineData("CREATE TABLE t2 (a numeric(10,2)[] DEFAULT 1);", "integer", "numeric(10,2)[]")]
    [InlineData("CREATE TABLE t2 (a integer[] DEFAULT 2);", "integer", "integer[]")]
    [InlineData("ALTER TABLE t ADD COLUMN z r DEFAULT 'a'::text;", "text", "r")]
    [InlineData("ALTER TABLE t ADD COLUMN z dr DEFAULT CAST('a' AS varchar);", "character varying", "dr")]
    [InlineData("CREATE DOMAIN dd AS r DEFAULT 'a'::text;", "text", "r")]
    [InlineData("ALTER DOMAIN dr SET DEFAULT 'a'::text;", "text", "r")]
    public void DefaultOfATypeWithoutAssignmentCast_IsRefused(string sql, string type, string columnType)
    {
        var (_, diagnostics) = Run(Setup + sql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultOfAnotherType, refusal.Code);
        Assert.Equal(Setup.Split('\n').Length, refusal.Line);
        Assert.Contains($"is of type {columnType} but default expression is of type {type}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("42804", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a';")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::text::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::dr;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT NULL;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT NULL::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::unknown;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT lower('A')::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT lower('A');")] // An expression: not typed.
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a' || 'b';")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::mystery;")] // A type the migrations do not make: not judged.
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT '{a}';")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a']::r[];")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'::r];")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY['a'::r, 'b'];")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY[]::r[];")]
    [InlineData("ALTER TABLE t ALTER COLUMN xa SET DEFAULT ARRAY[['a']];")] // Not read: left alone.
    [InlineData("ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'a';")]
    [InlineData("ALTER TABLE t ALTER COLUMN xd SET DEFAULT 'a'::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN xda SET DEFAULT '{a}';")]
    [InlineData("ALTER TABLE t ALTER COLUMN xda SET DEFAULT ARRAY['a']::r[];")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT 1::bigint;")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT 1.5;")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT -1;")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT 1::text::int;")]
    [InlineData("ALTER TABLE t ALTER COLUMN b SET DEFAULT 1::int;")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 1;")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT true;")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT now();")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'a'::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT ARRAY['a'];")]
    [InlineData("ALTER TABLE t ALTER COLUMN v SET DEFAULT 'a'::text;")]
    [InlineData("ALTER TABLE t ALTER COLUMN v SET DEFAULT 'a'::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN ts SET DEFAULT now();")]
    [InlineData("ALTER TABLE t ALTER COLUMN ts SET DEFAULT '2020-01-01'::date;")]
    [InlineData("ALTER TABLE t ALTER COLUMN ts SET DEFAULT current_date;")]
    [InlineData("ALTER TABLE t ALTER COLUMN ts SET DEFAULT localtimestamp(3);")]
    [InlineData("ALTER TABLE t ALTER COLUMN n SET DEFAULT 1::int;")]
    [InlineData("CREATE TABLE t2 (a numeric(10,2) DEFAULT 1, b double precision DEFAULT 2.5, c smallint DEFAULT 3, d real DEFAULT 4);")]
    [InlineData("ALTER TABLE t ALTER COLUMN n SET DEFAULT 1.5::float8;")]
    [InlineData("ALTER TABLE t ALTER COLUMN j SET DEFAULT '{}'::json;")]
    [InlineData("ALTER TABLE t ALTER COLUMN u SET DEFAULT gen_random_uuid();")]
    [InlineData("ALTER TABLE t ALTER COLUMN ta SET DEFAULT ARRAY[1, 2];")]
    [InlineData("ALTER TABLE t ALTER COLUMN ta SET DEFAULT ARRAY[true];")]
    [InlineData("ALTER TABLE t ALTER COLUMN ta SET DEFAULT ARRAY['a']::varchar[];")]
    [InlineData("ALTER TABLE t ALTER COLUMN b SET DEFAULT interval '1 day';")] // A typed literal: not read.
    [InlineData("CREATE TABLE t2 (x r DEFAULT 'a', xa r[] DEFAULT '{a,b}', s text DEFAULT 'a'::r);")]
    [InlineData("CREATE DOMAIN dd AS r DEFAULT 'a'::r;")]
    [InlineData("CREATE TABLE t2 (a timetz DEFAULT now(), b time DEFAULT current_time, c date DEFAULT localtimestamp, d interval DEFAULT localtime, e json DEFAULT '{}'::jsonb, f date DEFAULT '2020-01-01'::timestamp);")]
    public void DefaultTheServerTakes_IsNotReported(string sql) => Clean(Setup + sql);

    [Fact]
    public void RefusedDefaultType_LeavesTheCatalogAsItWas()
    {
        var (catalog, _) = Run(Setup + "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'b';\nALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::text;\nCREATE TABLE t2 (x r DEFAULT 'a'::text);\nALTER TABLE t ADD COLUMN x2 r[] DEFAULT ARRAY['a'];\nALTER TABLE t ALTER COLUMN y SET DEFAULT 3;\nALTER TABLE t ALTER COLUMN y SET DEFAULT NULL::text;");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal("'b'", table.FindColumn("x", SqlDialect.Postgres)!.Default);
        Assert.Equal("3", table.FindColumn("y", SqlDialect.Postgres)!.Default);
        Assert.Null(table.FindColumn("x2", SqlDialect.Postgres));
        Assert.Null(catalog.FindTable(Pg("t2")));
    }

    [Fact]
    public void MySqlDefaults_AreNotTyped()
        => Clean("CREATE TABLE t (id int PRIMARY KEY, e enum('a','b') DEFAULT 'a', n int DEFAULT TRUE, c varchar(5) DEFAULT 1);", SqlDialect.MySql);
}
