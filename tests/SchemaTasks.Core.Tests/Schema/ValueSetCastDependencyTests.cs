using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A CHECK read as a value set over a cast to a type (<c>c::e = 'a'</c>, <c>d::e IN (...)</c>)
/// depends on the type on PostgreSQL: DROP TYPE refuses while it exists, and CASCADE drops it
/// (PostgreSQL 15: "drop cascades to constraint ..."). Its canonical text has no cast, so the
/// engine keeps the written one for this.
/// </summary>
public class ValueSetCastDependencyTests
{
    private const string Setup = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE DOMAIN dm AS text CHECK (VALUE::e IN ('a', 'b'));
        CREATE TABLE t (
          c text CHECK (c::e = 'a'),
          d text,
          f text CHECK (CAST(f AS e) = 'a' OR CAST(f AS e) = 'b'),
          g text CHECK (g IN ('x', 'y')),
          CONSTRAINT dchk CHECK (d::e IN ('a', 'b')));
        """;

    [Fact]
    public void ValueSetsOverACast_AreReadAsValueSets()
    {
        var table = Clean(Setup).FindTable(Pg("t"))!;
        Assert.Equal(["t_c_check", "t_g_check", "dchk"], table.Checks.Where(c => c.IsValueSet).Select(c => c.Name));
    }

    [Fact]
    public void DropTypeCascade_DropsValueSetChecksThatCastToIt()
    {
        var catalog = Clean(Setup + "\nDROP TYPE e CASCADE;");
        Assert.Equal(["t_g_check"], catalog.FindTable(Pg("t"))!.Checks.Select(c => c.Name));
        Assert.Empty(catalog.FindDomain(Pg("dm"))!.Checks);
    }

    [Fact]
    public void DropTypeCascade_FollowsARenamedColumn()
    {
        var catalog = Clean(Setup + "\nALTER TABLE t RENAME COLUMN d TO d2;\nDROP TYPE e CASCADE;");
        Assert.Equal(["t_g_check"], catalog.FindTable(Pg("t"))!.Checks.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE TYPE e AS ENUM ('a', 'b');\nCREATE TABLE t (c text CHECK (c::e = 'a'));\nDROP TYPE e;")]
    [InlineData("CREATE TYPE e AS ENUM ('a', 'b');\nCREATE TABLE t (d text, CONSTRAINT dchk CHECK (d::e IN ('a', 'b')));\nDROP TYPE e;")]
    [InlineData("CREATE TYPE e AS ENUM ('a', 'b');\nCREATE DOMAIN dm AS text CHECK (VALUE::e IN ('a', 'b'));\nDROP TYPE e;")]
    public void DropTypeWithoutCascade_IsRefusedWhileAValueSetCastsToIt(string sql)
    {
        var (_, diagnostics) = Run(sql);
        Assert.Equal(DiagnosticCodes.TypeInUse, Assert.Single(diagnostics).Code);
    }
}
