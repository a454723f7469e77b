using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

public class PostgresCatalogTests
{
    private const string Status = "CREATE TYPE status AS ENUM ('a', 'b', 'c');\n";

    [Fact]
    public void AddValueAfter_InsertsLabelInOrder()
    {
        var catalog = Clean(Status + "ALTER TYPE status ADD VALUE 'x' AFTER 'a';");
        Assert.Equal(["a", "x", "b", "c"], catalog.FindEnumType(Pg("status"))!.Labels.ToArray());
    }

    [Fact]
    public void AddValueBefore_InsertsLabelInOrder()
    {
        var catalog = Clean(Status + "ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'x' BEFORE 'a';");
        Assert.Equal(["x", "a", "b", "c"], catalog.FindEnumType(Pg("status"))!.Labels.ToArray());
    }

    [Fact]
    public void AddExistingValue_IsErrorUnlessIfNotExists()
    {
        var (_, diagnostics) = Run(Status + "ALTER TYPE status ADD VALUE 'b';");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.EnumLabelExists, error.Code);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", error.Message, StringComparison.Ordinal);

        Clean(Status + "ALTER TYPE status ADD VALUE IF NOT EXISTS 'b';");
    }

    [Fact]
    public void AlterMissingType_IsErrorNamingType()
    {
        var (_, diagnostics) = Run("\n  ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TypeNotFound, error.Code);
        Assert.Equal(("m.sql", 2, 3), (error.File, error.Line, error.Column));
        Assert.Contains("\"JobStatus\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedNamesKeepCase_UnquotedNamesFold()
    {
        var catalog = Clean("CREATE TYPE \"JobStatus\" AS ENUM ('A'); CREATE TYPE JobKind AS ENUM ('k'); CREATE TABLE Jobs (\"Status\" \"JobStatus\", Kind jobkind);");
        Assert.NotNull(catalog.FindEnumType(Pg("JobStatus")));
        Assert.NotNull(catalog.FindEnumType(Pg("jobkind")));
        var table = catalog.FindTable(Pg("jobs"))!;
        Assert.Equal(["Status", "kind"], table.Columns.Select(c => c.Name));
        Assert.Equal(Pg("jobkind"), table.Columns[1].TypeReference);
    }

    [Fact]
    public void RenameValueAndRenameType_UpdateLabelsAndColumns()
    {
        var catalog = Clean(Status + "CREATE TABLE t (s status[] NOT NULL);\nALTER TYPE status RENAME VALUE 'b' TO 'bee';\nCREATE SCHEMA app;\nALTER TYPE status RENAME TO state;\nALTER TYPE state SET SCHEMA app;");
        var type = catalog.FindEnumType(new QualifiedName("app", "state"))!;
        Assert.Equal(["a", "bee", "c"], type.Labels.ToArray());
        var column = catalog.FindTable(Pg("t"))!.Columns[0];
        Assert.Equal(("app.state[]", true), (column.Type, column.IsArray));
        Assert.Equal(["a", "bee", "c"], catalog.GetAllowedValues(Pg("t"), "s")!.Values.ToArray());
    }

    [Fact]
    public void DropTypeInUse_IsErrorWithoutCascade_AndCascadeDropsColumns()
    {
        var (_, diagnostics) = Run(Status + "CREATE TABLE t (id int, s status);\nDROP TYPE status;");
        Assert.Equal(DiagnosticCodes.TypeInUse, Assert.Single(diagnostics).Code);

        var catalog = Clean(Status + "CREATE TABLE t (id int, s status);\nDROP TYPE IF EXISTS status, other CASCADE;");
        Assert.Empty(catalog.EnumTypes);
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CHECK (s IN ('a', 'b'))")]
    [InlineData("CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])))")]
    [InlineData("CHECK (((s)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))")]
    [InlineData("CHECK (s = 'a' OR s = 'b')")]
    [InlineData("CHECK ((s = 'a') OR (s = 'b') OR s IS NULL)")]
    [InlineData("CONSTRAINT t_s_check CHECK (S in ('a','b'))")]
    public void CheckValueSet_IsReadInEveryForm(string check)
    {
        var catalog = Clean($"CREATE TABLE t (s varchar(10), {check});");
        var found = Assert.Single(catalog.FindTable(Pg("t"))!.Checks);
        Assert.Equal(("t_s_check", "s", "s IN ('a', 'b')"), (found.Name, found.Column, found.Expression));
        Assert.Equal(["a", "b"], catalog.GetAllowedValues(Pg("t"), "s")!.Values.ToArray());
    }

    [Theory]
    [InlineData("CHECK (s IN ('a', 'b') AND length(s) > 0)")]
    [InlineData("CHECK (s <> 'a')")]
    [InlineData("CHECK (s = 'a' OR other = 'b')")]
    [InlineData("CHECK (lower(s) IN ('a'))")]
    public void OtherCheckShapes_AreKeptOpaque(string check)
    {
        var catalog = Clean($"CREATE TABLE t (s text, other text, {check});");
        var found = Assert.Single(catalog.FindTable(Pg("t"))!.Checks);
        Assert.False(found.IsValueSet);
        Assert.Empty(found.Values);
        Assert.Null(catalog.GetAllowedValues(Pg("t"), "s"));
    }

    [Fact]
    public void DomainValueSet_RestrictsColumnsOfTheDomain()
    {
        var catalog = Clean("CREATE DOMAIN mood AS text DEFAULT 'ok' NOT NULL CONSTRAINT mood_values CHECK (VALUE IN ('ok', 'sad'));\nCREATE TABLE p (m mood);");
        var domain = catalog.FindDomain(Pg("mood"))!;
        Assert.Equal(("text", true, "'ok'"), (domain.BaseType, domain.IsNotNull, domain.Default));
        var values = catalog.GetAllowedValues(Pg("p"), "m")!;
        Assert.Equal(["ok", "sad"], values.Values.ToArray());
        Assert.Equal(AllowedValuesSourceKind.Domain, values.Sources.Single().Kind);
    }

    [Fact]
    public void ColumnTypes_AreNormalised()
    {
        var catalog = Clean("""
            CREATE TABLE t (
              a VARCHAR(20), b character varying(20), c numeric(10, 2), d TIMESTAMP WITH TIME ZONE, e timestamp(3),
              f double precision, g text[], h INT8, i bool, j decimal, k char, l int ARRAY, m bigserial, n time(6) without time zone
            );
            """);
        var types = catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Type);
        Assert.Equal(
            ["character varying(20)", "character varying(20)", "numeric(10,2)", "timestamp with time zone", "timestamp(3) without time zone",
             "double precision", "text[]", "bigint", "boolean", "numeric", "character(1)", "integer[]", "bigint", "time(6) without time zone"],
            types);
    }

    // format_type: a bare bpchar has no length (any text, blank-padded), char and character mean
    // character(1), and bpchar with a length is character(n).
    [Fact]
    public void BareBpchar_IsNotCharacterOfOne()
    {
        var catalog = Clean("CREATE TABLE t (q bpchar, b char, c bpchar(4), d character, e bpchar[]);");

        Assert.Equal(["bpchar", "character(1)", "character(4)", "character(1)", "bpchar[]"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Type));
    }

    // The server keeps ARRAY[]::bpchar[] on a bpchar[] column as written (pg_get_expr, PostgreSQL 15).
    [Fact]
    public void EmptyArrayDefault_OfABareBpcharArray_KeepsItsType()
    {
        var catalog = Clean("CREATE TABLE t (e bpchar[] DEFAULT ARRAY[]::bpchar[]);");

        Assert.Equal("array[]::bpchar[]", catalog.FindTable(Pg("t"))!.Columns[0].Default);
    }

    // format_type puts an interval's precision after its fields (PostgreSQL 15).
    [Fact]
    public void IntervalPrecision_FollowsItsFields()
    {
        var catalog = Clean("CREATE TABLE t (b interval day to second(3), c interval(2), d interval year to month, e interval minute to second(0), f interval second(2));");

        Assert.Equal(
            ["interval day to second(3)", "interval(2)", "interval year to month", "interval minute to second(0)", "interval second(2)"],
            catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Type));
    }

    [Fact]
    public void AlterTableActions_ChangeColumnsInOrder()
    {
        var catalog = Clean("""
            CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, a text, b text DEFAULT 'x');
            ALTER TABLE ONLY t ADD COLUMN IF NOT EXISTS c int NOT NULL DEFAULT 0, DROP COLUMN a CASCADE, RENAME COLUMN b TO bee;
            ALTER TABLE t ALTER COLUMN bee SET NOT NULL, ALTER bee DROP DEFAULT, ALTER COLUMN c TYPE bigint USING c::bigint;
            ALTER TABLE t ADD CONSTRAINT t_bee_check CHECK (bee IN ('x', 'y')) NOT VALID, OWNER TO app, ENABLE ROW LEVEL SECURITY;
            ALTER TABLE t RENAME TO t2;
            """);
        var table = catalog.FindTable(Pg("t2"))!;
        Assert.Null(catalog.FindTable(Pg("t")));
        Assert.Equal(["id", "bee", "c"], table.Columns.Select(c => c.Name));
        Assert.Equal((false, null), (table.Columns[0].IsNullable, table.Columns[0].Default));
        Assert.Equal((false, (string?)null), (table.Columns[1].IsNullable, table.Columns[1].Default));
        Assert.Equal(("bigint", "0"), (table.Columns[2].Type, table.Columns[2].Default));
        Assert.Equal(["x", "y"], catalog.GetAllowedValues(Pg("t2"), "bee")!.Values.ToArray());
    }

    [Fact]
    public void DropMissingColumn_IsErrorAtItsAction()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int);\nALTER TABLE t ADD x int,\n  DROP COLUMN nope;");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 3, 3), (error.Code, error.Line, error.Column));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DdlInsideBodiesStringsAndComments_ChangesNothing()
    {
        var catalog = Clean("""
            DO $$ BEGIN RAISE NOTICE 'CREATE TYPE a AS ENUM (''x'')'; END $$;
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN EXECUTE 'CREATE TABLE b (id int)'; END; $body$;
            CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END;
            INSERT INTO log VALUES ('CREATE TYPE c AS ENUM (''y'');', E'\'; CREATE TABLE d (id int); --');
            /* CREATE TABLE e (id int); /* nested */ CREATE TABLE f (id int); */
            -- CREATE TABLE g (id int);
            CREATE INDEX CONCURRENTLY i ON whatever (x); GRANT ALL ON t TO u; COMMENT ON SCHEMA public IS 'CREATE TABLE h()';
            CREATE EXTENSION IF NOT EXISTS citext; BEGIN; COMMIT; SET search_path = public; SELECT 1::int;
            """);
        Assert.Empty(catalog.Tables);
        Assert.Empty(catalog.EnumTypes);
    }

    [Fact]
    public void AnExtensionTypesNumberModifier_IsKeptAsTheServerShowsIt_AndOtherModifiersAreLeftOut()
    {
        var catalog = Clean("""
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE EXTENSION IF NOT EXISTS postgis;
            CREATE TABLE t (e vector(384), f public.halfvec(16)[], g geometry(Point, 4326), h vector);
            """);
        Assert.Equal(["vector(384)", "halfvec(16)[]", "geometry", "vector"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Type));
    }

    [Fact]
    public void UnparsableTrackedStatement_IsErrorAtTheOffendingToken()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE ok (id int);\nCREATE TABLE t (\n  id int NOT NUL\n);\nCREATE TYPE e AS ENUM ('a' 'b');");
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.SyntaxError, d.Code));
        Assert.Equal((3, 14), (diagnostics[0].Line, diagnostics[0].Column));
        Assert.Equal((5, 28), (diagnostics[1].Line, diagnostics[1].Column));
        Assert.Contains("CREATE TABLE", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.NotNull(catalog.FindTable(Pg("ok")));
        Assert.Null(catalog.FindTable(Pg("t")));
    }

    [Fact]
    public void UnsupportedCreateTableAs_IsError()
    {
        var (_, diagnostics) = Run("CREATE TABLE t AS SELECT 1 || 'a' AS x;\nALTER TABLE t ADD COLUMN y int;");
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void TableInMissingSchema_IsError()
    {
        var (_, diagnostics) = Run("CREATE TABLE app.t (id int);");
        Assert.Equal(DiagnosticCodes.SchemaNotFound, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DropSchemaCascade_RemovesItsObjects()
    {
        var catalog = Clean("CREATE SCHEMA s; CREATE TYPE s.e AS ENUM ('a'); CREATE TABLE t (x s.e, y int); CREATE TABLE s.u (id int); DROP SCHEMA s CASCADE;");
        Assert.DoesNotContain("s", catalog.Schemas);
        Assert.Empty(catalog.EnumTypes);
        Assert.Equal(["y"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void CrlfInput_GivesSameCatalogAndLines()
    {
        const string Sql = "CREATE TYPE e AS ENUM ('a',\n 'b');\nCREATE TABLE t (\n  s e DEFAULT 'a'\n);\nALTER TYPE nope ADD VALUE 'x';\n";
        var (lf, lfDiagnostics) = Run(Sql);
        var (crlf, crlfDiagnostics) = Run(Sql.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(lf.FindEnumType(Pg("e"))!.Labels.ToArray(), crlf.FindEnumType(Pg("e"))!.Labels.ToArray());
        Assert.Equal(lf.FindTable(Pg("t"))!.Columns.ToArray(), crlf.FindTable(Pg("t"))!.Columns.ToArray());
        Assert.Equal(lfDiagnostics, crlfDiagnostics);
        Assert.Equal(6, crlfDiagnostics.Single().Line);
    }
}
