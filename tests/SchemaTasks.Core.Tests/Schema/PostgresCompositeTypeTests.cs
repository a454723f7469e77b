using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Composite types' attributes, as PostgreSQL 15 keeps them: ALTER TYPE ... ADD, DROP, ALTER and
/// RENAME ATTRIBUTE are read and refused where the server refuses them (the SQLSTATE in the
/// message), and a type an attribute uses cannot be dropped without CASCADE.
/// </summary>
public class PostgresCompositeTypeTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a');\nCREATE TYPE c AS (x e, y int);\n";

    [Fact]
    public void AttributeActions_FollowTheServer()
    {
        var catalog = Clean(Setup + """
            ALTER TYPE c ADD ATTRIBUTE z bigint;
            ALTER TYPE c DROP ATTRIBUTE y CASCADE, ALTER ATTRIBUTE z SET DATA TYPE text COLLATE "C";
            ALTER TYPE c DROP ATTRIBUTE IF EXISTS nope;
            ALTER TYPE c RENAME ATTRIBUTE z TO w;
            ALTER TYPE c DROP ATTRIBUTE x, ADD ATTRIBUTE x text;
            """);
        var composite = catalog.Composites[Pg("c")];
        Assert.Equal(["w", "x"], composite.Attributes.Select(a => a.Name));
        Assert.Equal(["text", "text"], composite.Attributes.Select(a => a.Type));
    }

    [Theory]
    [InlineData("ALTER TYPE e ADD ATTRIBUTE z int;", "TypeNotFound", "42P01")]
    [InlineData("CREATE DOMAIN d AS int;\nALTER TYPE d DROP ATTRIBUTE z;", "TypeNotFound", "42P01")]
    [InlineData("ALTER TYPE nope ALTER ATTRIBUTE z TYPE int;", "TypeNotFound", "42P01")]
    [InlineData("CREATE TABLE t (a int);\nALTER TYPE t ADD ATTRIBUTE z int;", "TypeNotFound", "42809")]
    [InlineData("ALTER TYPE c DROP ATTRIBUTE nope;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE y int;", "ColumnExists", "42701")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE q nosuchtype;", "UnknownType", "42704")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE k int, DROP ATTRIBUTE nope;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE y2 int, DROP ATTRIBUTE y2;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c DROP ATTRIBUTE y, ALTER ATTRIBUTE y TYPE text;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE n int, ALTER ATTRIBUTE n TYPE text;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c RENAME ATTRIBUTE nope TO n;", "ColumnNotFound", "42703")]
    [InlineData("ALTER TYPE c RENAME ATTRIBUTE x TO y;", "ColumnExists", "42701")]
    [InlineData("CREATE TABLE t (id int, v c);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;", "CompositeAttributeRefused", "0A000")]
    [InlineData("CREATE TABLE t (v c[]);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint CASCADE;", "CompositeAttributeRefused", "0A000")]
    [InlineData("CREATE TYPE h AS (m c);\nCREATE TABLE t (v h);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;", "CompositeAttributeRefused", "0A000")]
    [InlineData("CREATE DOMAIN dc AS c;\nCREATE TABLE t (v dc);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;", "CompositeAttributeRefused", "0A000")]
    [InlineData("ALTER TYPE c ADD ATTRIBUTE self c[];", "CompositeAttributeRefused", "42P16")]
    [InlineData("CREATE TYPE h AS (m c);\nALTER TYPE c ADD ATTRIBUTE back h;", "CompositeAttributeRefused", "42P16")]
    [InlineData("DROP TYPE e;", "TypeInUse", "column x of composite type c")]
    [InlineData("CREATE DOMAIN d AS int;\nCREATE TYPE c2 AS (a d);\nDROP DOMAIN d;", "TypeInUse", "column a of composite type c2")]
    [InlineData("CREATE TABLE t (v c);\nDROP TYPE c;", "TypeInUse", "column t.v")]
    [InlineData("CREATE TYPE h AS (m c);\nDROP TYPE c;", "TypeInUse", "column m of composite type h")]
    [InlineData("CREATE TYPE c2 AS (a int, a text);", "ColumnExists", "42701")]
    [InlineData("CREATE TYPE c2 AS (a bigserial);", "UnknownType", "42704")]
    public void ARefusedStatement_IsReportedAtItsLine(string statements, string code, string inMessage)
    {
        var sql = Setup + statements;
        var (_, diagnostics) = Run(sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(typeof(DiagnosticCodes).GetField(code)!.GetValue(null), diagnostic.Code);
        Assert.Contains(inMessage, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(sql.Split('\n').Length, diagnostic.Line);
    }

    [Fact]
    public void AddingAnAttribute_ToAStoredComposite_IsTaken()
    {
        var catalog = Clean(Setup + "CREATE TABLE t (id int, v c);\nALTER TYPE c ADD ATTRIBUTE w int, DROP ATTRIBUTE y;\nALTER TYPE c RENAME ATTRIBUTE w TO y;");
        Assert.Equal(["x", "y"], catalog.Composites[Pg("c")].Attributes.Select(a => a.Name));
    }

    [Fact]
    public void ACompositeInAnotherComposite_CanBeRetyped()
    {
        Clean(Setup + "CREATE TYPE h AS (m c);\nALTER TYPE c ALTER ATTRIBUTE y TYPE bigint;");
    }

    [Fact]
    public void DropCascade_DropsTheAttributesAndColumnsThatUseTheType()
    {
        var catalog = Clean(Setup + """
            CREATE TABLE t (id int, v c);
            CREATE TYPE h AS (m c[], n int);
            DROP TYPE e CASCADE;
            DROP TYPE c CASCADE;
            """);
        Assert.Equal(["id"], catalog.Tables[Pg("t")].Columns.Select(c => c.Name));
        Assert.Equal(["n"], catalog.Composites[Pg("h")].Attributes.Select(a => a.Name));
        Assert.DoesNotContain(Pg("c"), catalog.OtherTypes);
    }

    [Fact]
    public void ARenamedOrMovedType_IsFollowedIntoAttributesAndColumns()
    {
        var catalog = Clean(Setup + """
            CREATE SCHEMA app;
            CREATE TABLE t (v c);
            CREATE TYPE h AS (m c);
            ALTER TYPE e RENAME TO e2;
            ALTER TYPE c RENAME TO c2;
            ALTER TYPE c2 SET SCHEMA app;
            ALTER TYPE app.c2 ADD ATTRIBUTE z int;
            DROP TYPE e2 CASCADE;
            """);
        Assert.Equal("app.c2", catalog.Tables[Pg("t")].Columns[0].Type);
        Assert.Equal("app.c2", catalog.Composites[Pg("h")].Attributes[0].Type);
        Assert.Equal(["y", "z"], catalog.Composites[new QualifiedName("app", "c2")].Attributes.Select(a => a.Name));
    }

    [Fact]
    public void AShellType_IsCompletedByACompositeDefinition()
    {
        var catalog = Clean("CREATE TYPE s;\nCREATE TYPE s AS (a int);\nALTER TYPE s DROP ATTRIBUTE a;");
        Assert.Empty(catalog.Composites[Pg("s")].Attributes);
    }

    [Fact]
    public void ASecondCompositeOfTheSameName_IsRefused()
    {
        var (_, diagnostics) = Run("CREATE TYPE s AS (a int);\nCREATE TYPE s AS (b int);");
        Assert.Equal(DiagnosticCodes.TypeExists, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ARangeType_IsKnownByNameOnly_SoAnAttributeActionIsAWarning()
    {
        var (_, diagnostics) = Run("CREATE TYPE r AS RANGE (subtype = int4);\nALTER TYPE r ADD ATTRIBUTE z int;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.CompositeAttributesUnknown, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
