using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's DROP COLUMN ... CASCADE and DROP SCHEMA ... CASCADE drop the foreign keys of
/// other tables that reference what goes; DROP COLUMN without CASCADE is refused while one does
/// (PostgreSQL 15: "constraint ... depends on column k of table p", SQLSTATE 2BP01).
/// </summary>
public class ReferencedColumnDropTests
{
    private const string Referenced = """
        CREATE TABLE p (k int PRIMARY KEY, u int UNIQUE, v int, w int, UNIQUE (v, w));
        CREATE TABLE c (pk int REFERENCES p (k), pp int REFERENCES p, pu int REFERENCES p (u), pv int, pw int, FOREIGN KEY (pw, pv) REFERENCES p (w, v));
        """;

    private static string[] Constraints(Catalog catalog, string table) => catalog.FindTable(Pg(table))!.OtherConstraints.ToArray();

    [Fact]
    public void DropColumnCascade_DropsTheForeignKeysThatReferenceIt()
    {
        var catalog = Clean(Referenced + "\nALTER TABLE p DROP COLUMN k CASCADE;\nALTER TABLE p DROP COLUMN v CASCADE;");
        Assert.Equal(["c_pu_fkey"], Constraints(catalog, "c"));
        Assert.Equal(["p_u_key"], Constraints(catalog, "p"));
    }

    [Fact]
    public void DropColumnCascade_DropsASelfReference_AndAForeignKeyOverTheColumnGoesWithIt()
    {
        var catalog = Clean("""
            CREATE TABLE s (k int PRIMARY KEY, parent int REFERENCES s (k), z int REFERENCES s);
            ALTER TABLE s DROP COLUMN parent, DROP COLUMN k CASCADE;
            CREATE TABLE z (k int PRIMARY KEY REFERENCES z (k));
            ALTER TABLE z DROP COLUMN k;
            """);
        Assert.Empty(Constraints(catalog, "s"));
        Assert.Empty(Constraints(catalog, "z"));
    }

    [Theory]
    [InlineData("ALTER TABLE p DROP COLUMN k;", 3)]
    [InlineData("ALTER TABLE p DROP COLUMN u;", 3)]
    [InlineData("ALTER TABLE p DROP COLUMN v;", 3)]
    [InlineData("ALTER TABLE p ADD COLUMN x int, DROP COLUMN w;", 3)]
    public void DropColumnWithoutCascade_IsRefusedWhileAForeignKeyReferencesIt(string drop, int line)
    {
        var (catalog, diagnostics) = Run(Referenced + "\n" + drop);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, line), (diagnostic.Code, diagnostic.Line));
        Assert.Equal(4, catalog.FindTable(Pg("c"))!.OtherConstraints.Count);
    }

    [Fact]
    public void DropColumnWithoutCascade_IsRefusedForASelfReference()
    {
        var (_, diagnostics) = Run("CREATE TABLE s (k int PRIMARY KEY, parent int REFERENCES s (k));\nALTER TABLE s DROP COLUMN k;");
        Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DropSchemaCascade_DropsTheForeignKeysOfTablesElsewhere()
    {
        var catalog = Clean("""
            CREATE SCHEMA s;
            CREATE TABLE s.p (id int PRIMARY KEY);
            CREATE TABLE s.q (id int PRIMARY KEY, pid int REFERENCES s.p);
            CREATE TABLE c (pid int REFERENCES s.p (id), x int, CONSTRAINT cx FOREIGN KEY (x) REFERENCES s.p);
            DROP SCHEMA s CASCADE;
            """);
        Assert.Empty(Constraints(catalog, "c"));
    }
}
