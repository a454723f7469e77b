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

    // Which tables reference which is counted at the first question and then followed from
    // statement to statement: every later change to the foreign keys must be seen.
    [Fact]
    public void ForeignKeysMadeDroppedOrMovedAfterTheFirstDrop_AreSeenByLaterDrops()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE p (k int PRIMARY KEY, u int UNIQUE, v int UNIQUE, x int);
            CREATE TABLE c (pk int REFERENCES p (k));
            ALTER TABLE p DROP COLUMN x;
            CREATE TABLE d (pu int REFERENCES p (u));
            ALTER TABLE p DROP COLUMN u;
            ALTER TABLE c DROP CONSTRAINT c_pk_fkey;
            ALTER TABLE p DROP COLUMN k;
            ALTER TABLE d ADD COLUMN pv int, ADD CONSTRAINT d_pv FOREIGN KEY (pv) REFERENCES p (v);
            ALTER TABLE d RENAME TO e;
            ALTER TABLE p RENAME TO q;
            ALTER TABLE q DROP COLUMN v;
            ALTER TABLE q RENAME COLUMN u TO w;
            ALTER TABLE q DROP COLUMN w CASCADE;
            """);

        // u is refused (d references it), k is not (c's key went first), v is refused (the key
        // added by ALTER, on a table renamed since, to a table renamed since).
        Assert.Equal([5, 11], diagnostics.Select(d => d.Line));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, d.Code));
        Assert.Equal(["d_pv"], Constraints(catalog, "e"));
        Assert.Equal(["p_v_key"], Constraints(catalog, "q"));
    }
}
