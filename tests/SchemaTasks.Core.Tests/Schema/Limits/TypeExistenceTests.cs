using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema.Limits;

public class TypeExistenceTests
{
    [Fact]
    public void ColumnOfTypeNoMigrationCreates_IsErrorAtTheColumnNamingNearMisses()
    {
        var (catalog, diagnostics) = Run("CREATE TYPE status AS ENUM ('a');\nCREATE TABLE items (\n  state \"Status\");");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownType, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Equal(("m.sql", 3, 3), (error.File, error.Line, error.Column));
        Assert.Contains("items.state has type \"Status\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean status?", error.Message, StringComparison.Ordinal);

        // The column is kept, as before: only the report is new.
        Assert.Equal("\"Status\"", catalog.FindTable(Pg("items"))!.Columns[0].Type);
    }

    [Fact]
    public void MisspelledBuiltInType_SuggestsTheBuiltIn()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a intger);");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a text); ALTER TABLE t ADD COLUMN b statuss;")]
    [InlineData("CREATE TABLE t (a text); ALTER TABLE t ALTER COLUMN a TYPE statuss;")]
    [InlineData("CREATE DOMAIN d AS statuss;")]
    [InlineData("CREATE SCHEMA app; CREATE TABLE t (a app.status);")]
    [InlineData("CREATE TYPE status AS ENUM ('a'); DROP TYPE status; CREATE TABLE t (a status);")]
    [InlineData("CREATE TABLE t (a status[]);")]
    public void EveryPlaceAColumnOrDomainNamesAType_IsChecked(string sql)
    {
        var (_, diagnostics) = Run(sql);
        Assert.Equal(DiagnosticCodes.UnknownType, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("CREATE TYPE status AS ENUM ('a'); CREATE TABLE t (a status, b public.status, c status[]);")]
    [InlineData("CREATE DOMAIN email AS text; CREATE TABLE t (a email);")]
    [InlineData("CREATE TYPE pair AS (x int, y int); CREATE TABLE t (a pair);")]
    [InlineData("CREATE TYPE span AS RANGE (subtype = int4); CREATE TABLE t (a span);")]
    [InlineData("CREATE SCHEMA app; CREATE TYPE app.\"Kind\" AS ENUM ('k'); CREATE TABLE t (a app.\"Kind\");")]
    [InlineData("CREATE TABLE parent (id int); CREATE TABLE child (p parent);")]
    [InlineData("CREATE TABLE t (a \"char\", b pg_catalog.int4, c \"varchar\"(3), d regtype, e pg_lsn, f int4multirange, g tstzrange[])")]
    public void TypesThatExist_AreNotReported(string sql) => Clean(sql);

    [Fact]
    public void PseudoType_IsError()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a record);");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("pseudo-type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionType_WithoutCreateExtension_IsErrorNamingTheExtension()
    {
        var (_, diagnostics) = Run("CREATE TABLE people (email citext);");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS citext", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE EXTENSION citext; CREATE TABLE t (a citext, b citext[]);")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"; CREATE EXTENSION IF NOT EXISTS hstore WITH VERSION '1.8'; CREATE TABLE t (a hstore);")]
    [InlineData("CREATE EXTENSION ltree; CREATE EXTENSION isn; CREATE EXTENSION cube; CREATE EXTENSION seg; CREATE TABLE t (a ltree, b lquery, c isbn13, d cube, e seg);")]
    [InlineData("CREATE EXTENSION vector; CREATE TABLE t (a vector(3), b halfvec(3), c sparsevec(5));")]
    [InlineData("CREATE EXTENSION postgis; CREATE TABLE t (a geometry(Point, 4326), b geography);")]
    [InlineData("CREATE EXTENSION earthdistance CASCADE; CREATE TABLE t (a earth, b cube);")]
    [InlineData("CREATE EXTENSION citext; CREATE DOMAIN email AS citext; CREATE TABLE t (a email);")]
    public void ExtensionTypes_AfterCreateExtension_Exist(string sql) => Clean(sql);

    [Fact]
    public void ExtensionCreatedInAnotherSchema_ProvidesItsTypesThereOnly()
    {
        Clean("CREATE SCHEMA ext; CREATE EXTENSION citext SCHEMA ext; CREATE TABLE t (a ext.citext);");

        var (_, diagnostics) = Run("CREATE SCHEMA ext; CREATE EXTENSION citext WITH SCHEMA ext; CREATE TABLE t (a citext);");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("write ext.citext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionInAMissingSchema_IsError()
    {
        var (_, diagnostics) = Run("CREATE EXTENSION citext SCHEMA ext;");
        Assert.Equal(DiagnosticCodes.SchemaNotFound, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ExtensionNeedingAnother_WithoutCascade_IsError()
    {
        var (_, diagnostics) = Run("CREATE EXTENSION earthdistance;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ExtensionDependency, error.Code);
        Assert.Contains("cube", error.Message, StringComparison.Ordinal);
        Clean("CREATE EXTENSION cube; CREATE EXTENSION earthdistance;");
    }

    [Fact]
    public void UnknownExtension_TurnsTheErrorIntoAWarningNamingIt()
    {
        var (_, diagnostics) = Run("CREATE EXTENSION timescaledb_toolkit; CREATE TABLE t (a timevector_tstz_f64);");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownType, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("timescaledb_toolkit", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DropExtension_WithUsers_IsErrorWithoutCascade_AndCascadeDropsThem()
    {
        const string Setup = "CREATE EXTENSION citext; CREATE DOMAIN email AS citext; CREATE TABLE t (id int, a citext[], b email);\n";
        var (_, diagnostics) = Run(Setup + "DROP EXTENSION citext;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ExtensionDependency, error.Code);
        Assert.Contains("column t.a", error.Message, StringComparison.Ordinal);
        Assert.Contains("domain email", error.Message, StringComparison.Ordinal);

        var catalog = Clean(Setup + "DROP EXTENSION citext CASCADE;");
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.Empty(catalog.Domains);

        var (_, after) = Run(Setup.Replace("CREATE DOMAIN email AS citext; ", string.Empty, StringComparison.Ordinal).Replace(", b email", string.Empty, StringComparison.Ordinal) + "DROP EXTENSION citext CASCADE; CREATE TABLE u (a citext);");
        Assert.Equal(DiagnosticCodes.UnknownType, Assert.Single(after).Code);
    }

    [Fact]
    public void DropExtension_RefusesWhileADefaultOrCheckCallsItsFunctions_AndCascadeDropsThem()
    {
        const string Setup = """
            CREATE EXTENSION "uuid-ossp"; CREATE EXTENSION pgcrypto; CREATE EXTENSION unaccent;
            CREATE TABLE t (a uuid DEFAULT gen_random_uuid(), b uuid DEFAULT uuid_generate_v4(), c text, d text DEFAULT encode(gen_random_bytes(4), 'hex'), CONSTRAINT ck CHECK (unaccent(c) <> ''));

            """;
        var (_, diagnostics) = Run(Setup + "DROP EXTENSION \"uuid-ossp\";");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ExtensionDependency, error.Code);
        Assert.Contains("the default of column t.b calls its functions", error.Message, StringComparison.Ordinal);

        var catalog = Clean(Setup + "DROP EXTENSION \"uuid-ossp\" CASCADE; DROP EXTENSION unaccent CASCADE;");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal([true, false, false, true], table.Columns.Select(c => c.Default is not null));
        Assert.Empty(table.Checks);

        // pgcrypto's gen_random_uuid is a namesake of PostgreSQL's own, which an unqualified call resolves to.
        Assert.Contains("the default of column t.d", Assert.Single(Run(Setup + "DROP EXTENSION pgcrypto;").Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal(["gen_random_uuid()", "uuid_generate_v4()", null], Clean(Setup + "DROP EXTENSION pgcrypto CASCADE;").FindTable(Pg("t"))!.Columns.Select(c => c.Default).Take(3));
        Assert.Equal(DiagnosticCodes.ExtensionDependency, Assert.Single(Run("CREATE EXTENSION pgcrypto; CREATE TABLE u (a uuid DEFAULT public.gen_random_uuid()); DROP EXTENSION pgcrypto;").Diagnostics).Code);
    }

    [Fact]
    public void AlterExtensionSetSchema_MovesItsTypes()
    {
        var catalog = Clean("CREATE EXTENSION citext; CREATE TABLE t (a citext); CREATE SCHEMA ext; ALTER EXTENSION citext SET SCHEMA ext; CREATE TABLE u (a ext.citext);");
        Assert.Equal("ext.citext", catalog.FindTable(Pg("t"))!.Columns[0].Type);
    }

    [Fact]
    public void MySqlUnknownType_IsErrorWithNearMisses()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a vachar(10));", SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("varchar", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 19), (error.Line, error.Column));
    }

    [Fact]
    public void MySqlTypes_AreAllKnown()
        => Clean("""
            CREATE TABLE t (a bit(1), b tinyint, c smallint unsigned, d mediumint, e int, f integer, g bigint, h bool, i boolean,
              j decimal(10,2), k dec, l numeric, m fixed, n float, o double, p double precision, q real, r date, s datetime(3),
              u timestamp, v time, w year, x char(2), y varchar(5), z nchar(1), aa national varchar(3), ab binary(2),
              ac varbinary(3), ad tinyblob, ae blob, af mediumblob, ag longblob, ah tinytext, ai text, aj mediumtext,
              ak longtext, al enum('a'), am set('b'), an json, ao geometry, ap point, aq linestring, ar polygon,
              at multipoint, au multilinestring, av multipolygon, aw geometrycollection, ax long varchar, ay serial);
            """, SqlDialect.MySql);

    [Fact]
    public void DropSchemaCascade_DropsItsExtensionsAndTheColumnsUsingThem()
    {
        var catalog = Clean("CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext; CREATE TABLE t (id int, h ext.hstore); DROP SCHEMA ext CASCADE;");
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.Empty(catalog.Extensions);

        var (_, diagnostics) = Run("CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext; DROP SCHEMA ext;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SchemaNotEmpty, error.Code);
        Assert.Contains("extension hstore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenameSchema_RenamesItsExtensionsTypesInColumns()
    {
        var catalog = Clean("CREATE SCHEMA ext; CREATE EXTENSION hstore SCHEMA ext; CREATE TABLE t (h ext.hstore[]); ALTER SCHEMA ext RENAME TO more; CREATE TABLE u (h more.hstore);");
        Assert.Equal("more.hstore[]", catalog.FindTable(Pg("t"))!.Columns[0].Type);
    }

    [Fact]
    public void SystemCatalogRowType_IsOnlyAWarning()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a pg_class);");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownType, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("system catalog", warning.Message, StringComparison.Ordinal);
    }

    // Found by the real-server test of every built-in type: the server's format_type texts.
    [Theory]
    [InlineData("\"int4\"", "integer")]
    [InlineData("\"varchar\"(5)", "character varying(5)")]
    [InlineData("\"timestamptz\"", "timestamp with time zone")]
    [InlineData("\"time\"", "time without time zone")]
    [InlineData("\"bit\"", "bit")]
    [InlineData("bit", "bit(1)")]
    [InlineData("numeric(7)", "numeric(7,0)")]
    [InlineData("decimal(7)", "numeric(7,0)")]
    [InlineData("\"char\"", "\"char\"")] // The one-byte type, quoted as format_type shows it, apart from char.
    public void BuiltInTypes_ReadAsTheServerShowsThem(string written, string expected)
        => Assert.Equal(expected, Clean($"CREATE TABLE t (a {written});").FindTable(Pg("t"))!.Columns[0].Type);
}
