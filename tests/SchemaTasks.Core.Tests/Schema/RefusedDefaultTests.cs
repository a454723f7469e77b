using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Defaults the servers refuse, each checked on PostgreSQL 15 and MariaDB 10.11: a label the enum
/// type lacks, a string integer or boolean input does not read, a value a MySQL ENUM or SET does
/// not list, and a type change the column's default cannot follow. The statement is refused, so
/// the catalog keeps neither the table, the column nor the default.
/// </summary>
public class RefusedDefaultTests
{
    private const string Enum = "CREATE TYPE r AS ENUM ('a', 'b', 'c''d');\nCREATE TABLE t (id int PRIMARY KEY, x r, y int, w boolean, ra r[]);\n";

    private static SchemaDiagnostic Refusal(string sql, string code, SqlDialect dialect = SqlDialect.Postgres)
    {
        var (_, diagnostics) = Run(sql, dialect);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(code, refusal.Code);
        Assert.Equal(sql.Split('\n').Length, refusal.Line);
        return refusal;
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'nope';", "'nope'")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'A';", "'A'")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a ';", "'a '")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'nope'::r;", "'nope'")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT CAST('nope' AS r);", "'nope'")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT E'nope';", "'nope'")]
    [InlineData("CREATE TABLE t2 (x r DEFAULT 'c');", "'c'")]
    [InlineData("ALTER TABLE t ADD COLUMN x2 r NOT NULL DEFAULT 'nope';", "'nope'")]
    [InlineData("ALTER TABLE t ADD COLUMN y2 r[] DEFAULT '{c}';", "'c'")]
    [InlineData("ALTER TABLE t ADD COLUMN y2 r[] DEFAULT '{{a},{c}}';", "'c'")]
    [InlineData("ALTER TABLE t ADD COLUMN y2 r[] DEFAULT ARRAY['a','c']::r[];", "'c'")]
    [InlineData("ALTER TABLE t ALTER COLUMN ra SET DEFAULT '{a,\"c\"}';", "'c'")]
    [InlineData("CREATE DOMAIN dr AS r;\nCREATE TABLE t2 (x dr DEFAULT 'c');", "'c'")]
    [InlineData("CREATE DOMAIN dr AS r DEFAULT 'c';", "'c'")]
    [InlineData("CREATE DOMAIN dr AS r;\nALTER DOMAIN dr SET DEFAULT 'c';", "'c'")]
    [InlineData("CREATE DOMAIN dra AS r[];\nCREATE TABLE t2 (x dra DEFAULT '{a,c}');", "'c'")]
    [InlineData("ALTER TYPE r RENAME VALUE 'a' TO 'a2';\nCREATE TABLE t3 (x r DEFAULT 'a');", "'a'")]
    public void PostgresEnumDefault_NotALabel_IsRefused(string sql, string label)
    {
        var refusal = Refusal(Enum + sql, DiagnosticCodes.DefaultNotOfColumnType);
        Assert.Contains($"has no label {label}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("22P02", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT 'abc';", "integer")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '3.0';", "integer")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '';", "integer")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '- 3';", "integer")]
    [InlineData("ALTER TABLE t ADD COLUMN s smallint DEFAULT '12abc';", "smallint")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT 'maybe';", "boolean")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT 'o';", "boolean")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT '01';", "boolean")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT 'yess';", "boolean")]
    [InlineData("CREATE TABLE t2 (w boolean DEFAULT 'true x');", "boolean")]
    [InlineData("CREATE DOMAIN flag AS boolean DEFAULT 'maybe';", "boolean")]
    public void PostgresDefault_IntegerOrBooleanInputRefuses_IsRefused(string sql, string type)
    {
        var refusal = Refusal(Enum + sql, DiagnosticCodes.DefaultNotOfColumnType);
        Assert.Contains($"invalid input syntax for type {type}", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'b';")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'c''d';")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT NULL;")]
    [InlineData("ALTER TABLE t ALTER COLUMN x SET DEFAULT lower('A')::r;")] // An expression: left as it is.
    [InlineData("ALTER TABLE t ALTER COLUMN ra SET DEFAULT '{a,NULL,b}';")]
    [InlineData("ALTER TABLE t ALTER COLUMN ra SET DEFAULT '{}';")]
    [InlineData("ALTER TABLE t ALTER COLUMN ra SET DEFAULT ARRAY[]::r[];")]
    [InlineData("ALTER TYPE r ADD VALUE 'e';\nCREATE TABLE t2 (x r DEFAULT 'e');")]
    [InlineData("ALTER TYPE r RENAME VALUE 'a' TO 'a2';\nCREATE TABLE t2 (x r DEFAULT 'a2');")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT ' 12 ';")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '+3';")]
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '1_000';")] // PostgreSQL 16 reads it.
    [InlineData("ALTER TABLE t ALTER COLUMN y SET DEFAULT '0x1F';")] // PostgreSQL 16 reads it.
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT ' true ';")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT 'of';")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT 'Y';")]
    [InlineData("ALTER TABLE t ALTER COLUMN w SET DEFAULT '1';")]
    [InlineData("CREATE DOMAIN dr AS r DEFAULT 'b';\nCREATE TABLE t2 (x dr DEFAULT 'a');")]
    public void PostgresDefault_TheServerTakes_IsNotReported(string sql) => Clean(Enum + sql);

    [Fact]
    public void RefusedDefault_LeavesTheCatalogAsItWas()
    {
        var (catalog, _) = Run(Enum + "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'b';\nALTER TABLE t ALTER COLUMN x SET DEFAULT 'nope';\nCREATE TABLE t2 (x r DEFAULT 'c');\nALTER TABLE t ADD COLUMN x2 r DEFAULT 'nope';");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal("'b'", table.FindColumn("x", SqlDialect.Postgres)!.Default);
        Assert.Null(table.FindColumn("x2", SqlDialect.Postgres));
        Assert.Null(catalog.FindTable(Pg("t2")));
    }

    private const string Swap = """
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
        CREATE TABLE "User" (id int PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER', c text DEFAULT 'abc', n int DEFAULT 1, b boolean DEFAULT true, ra "Role"[] DEFAULT '{USER}', ta text[] DEFAULT '{a}', j json DEFAULT '{}', ts timestamp DEFAULT now());
        ALTER TYPE "Role" RENAME TO "Role_old";
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

        """;

    [Theory]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\");")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role SET DEFAULT 'USER', ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\");")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\"), ALTER COLUMN role SET DEFAULT 'USER';")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE int USING 0;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE \"Role\" USING c::\"Role\";")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE uuid USING NULL;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE timestamp USING NULL;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE jsonb USING c::jsonb;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE text[] USING ARRAY[c];")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE boolean USING n <> 0;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE \"Role\" USING NULL;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN b TYPE int USING b::int;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ra TYPE \"Role\"[] USING ra::text[]::\"Role\"[];")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ta TYPE \"Role\"[] USING ta::\"Role\"[];")]
    public void RetypeTheDefaultCannotFollow_IsRefused(string sql)
    {
        var refusal = Refusal(Swap + sql, DiagnosticCodes.RetypedDefaultNotCast);
        Assert.Contains("42804", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("DROP DEFAULT", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedRetype_LeavesTheColumnAsItWas()
    {
        var (catalog, _) = Run(Swap + "ALTER TABLE \"User\" ALTER COLUMN c TYPE int USING 0;");
        var column = catalog.FindTable(Pg("User"))!.FindColumn("c", SqlDialect.Postgres)!;
        Assert.Equal(("text", "'abc'"), (column.Type, column.Default));
    }

    [Theory]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role DROP DEFAULT;\nALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\");\nALTER TABLE \"User\" ALTER COLUMN role SET DEFAULT 'USER';")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\"), ALTER COLUMN role DROP DEFAULT;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role_old\";")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE text;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN role TYPE varchar(3);")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN c TYPE varchar(2);")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE bigint;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE numeric(10,2);")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE text;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN b TYPE text;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN j TYPE jsonb;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ts TYPE timestamptz;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ts TYPE date;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ra TYPE text[];")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN ta TYPE text;")]
    [InlineData("CREATE EXTENSION citext;\nALTER TABLE \"User\" ALTER COLUMN c TYPE citext;\nALTER TABLE \"User\" ALTER COLUMN n TYPE citext;\nALTER TABLE \"User\" ALTER COLUMN role TYPE citext;")]
    [InlineData("ALTER TABLE \"User\" ALTER COLUMN n TYPE int8;\nALTER TABLE \"User\" ALTER COLUMN ts TYPE timestamp(3);\nALTER TABLE \"User\" ALTER COLUMN c TYPE varchar(255);")]
    public void RetypeTheDefaultFollows_IsNotReported(string sql) => Clean(Swap + sql);

    [Fact]
    public void RetypeFromAnExtensionsType_IsAWarning()
    {
        var (_, diagnostics) = Run("CREATE EXTENSION citext;\nCREATE TABLE t (e citext DEFAULT 'a');\nALTER TABLE t ALTER COLUMN e TYPE int USING 0;");
        Assert.Equal(DiagnosticCodes.RetypedDefaultUndecided, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void RetypeBetweenTypesNotJudged_IsAWarning()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (p point DEFAULT '(0,0)');\nALTER TABLE t ALTER COLUMN p TYPE box USING NULL;");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RetypedDefaultUndecided, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal("box", catalog.FindTable(Pg("t"))!.FindColumn("p", SqlDialect.Postgres)!.Type);
    }

    private const string Inline = "CREATE TABLE t (id int PRIMARY KEY, e enum('x','y','Ab '), s set('x','y'));\n";

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'z';", "'z'")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT ' x';", "' x'")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT '';", "''")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT \"z\";", "'z'")]
    [InlineData("CREATE TABLE t3 (e enum('x','y') DEFAULT 'z');", "'z'")]
    [InlineData("ALTER TABLE t MODIFY e enum('x','y') DEFAULT 'z';", "'z'")]
    [InlineData("ALTER TABLE t CHANGE e e2 enum('x','y') DEFAULT 'z';", "'z'")]
    [InlineData("ALTER TABLE t ADD COLUMN e3 enum('x','y') DEFAULT 'z';", "'z'")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,z';", "'z'")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x, y';", "' y'")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,,y';", "''")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x ,y';", "'x '")]
    public void MySqlInlineValueDefault_NotListed_IsRefused(string sql, string value)
    {
        foreach (var dialect in new[] { SqlDialect.MySql, SqlDialect.MariaDb })
        {
            var refusal = Refusal(Inline + sql, DiagnosticCodes.DefaultNotOfColumnType, dialect);
            Assert.Contains($"does not list {value}", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("1067", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'X';")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'x ';")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'ab';")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'AB   ';")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT NULL;")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 1;")] // A number: not judged.
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,y';")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'Y,x';")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,x';")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT '';")]
    [InlineData("CREATE TABLE t8 (e enum('é','y') DEFAULT 'e');")] // Outside ASCII: the collation decides.
    public void MySqlInlineValueDefault_TheServerTakes_IsNotReported(string sql)
    {
        Clean(Inline + sql, SqlDialect.MySql);
        Clean(Inline + sql, SqlDialect.MariaDb);
    }

    [Fact]
    public void MySqlRefusedDefault_LeavesTheCatalogAsItWas()
    {
        var (catalog, _) = Run(Inline + "CREATE TABLE t3 (e enum('x','y') DEFAULT 'z');\nALTER TABLE t MODIFY e enum('q') DEFAULT 'z';", SqlDialect.MariaDb);
        Assert.Null(catalog.FindTable(My("t3")));
        Assert.Equal(["x", "y", "Ab"], catalog.FindTable(My("t"))!.FindColumn("e", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray());
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'X';", "e", "'x'")]
    [InlineData("ALTER TABLE t ALTER COLUMN e SET DEFAULT 'AB  ';", "e", "'Ab'")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'Y,x,y';", "s", "'x,y'")]
    [InlineData("ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,y ';", "s", "'x,y'")]
    [InlineData("ALTER TABLE t MODIFY e enum('x','y') DEFAULT 'Y';", "e", "'y'")]
    public void MySqlInlineValueDefault_IsStoredInTheColumnsSpelling(string sql, string column, string stored)
    {
        foreach (var dialect in new[] { SqlDialect.MySql, SqlDialect.MariaDb })
        {
            Assert.Equal(stored, Clean(Inline + sql, dialect).FindTable(My("t"))!.FindColumn(column, dialect)!.Default);
        }
    }
}
