using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>DROP INDEX of a constraint's own index fails on PostgreSQL (ST3054); the server's answers are in the Npgsql differential tests.</summary>
public class ConstraintIndexDropTests
{
    private const string Table = "CREATE TABLE b (id int PRIMARY KEY, u int CONSTRAINT b_u UNIQUE, i int);\nCREATE INDEX b_i_idx ON b (i);\n";

    [Fact]
    public void DroppingAUniqueConstraintsIndex_IsRefused_AndDropsNothingTheStatementNames()
    {
        var (catalog, diagnostics) = Run(Table + "DROP INDEX b_i_idx, b_u;");

        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintIndexDrop, 3), (refusal.Code, refusal.Line));
        Assert.Contains("constraint b_u on b requires it", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE b DROP CONSTRAINT b_u", refusal.Message, StringComparison.Ordinal);
        var keys = catalog.FindTable(Pg("b"))!.Keys;
        Assert.True(keys.ContainsKey("b_u") && keys.ContainsKey("b_i_idx"));
    }

    [Fact]
    public void DroppingThePrimaryKeysIndex_IsRefused_EvenWithCascade()
        => Assert.Equal(DiagnosticCodes.ConstraintIndexDrop, Assert.Single(Run(Table + "DROP INDEX IF EXISTS b_pkey CASCADE;").Diagnostics).Code);

    [Fact]
    public void DroppingTheConstraint_DropsItsIndex_AndAnIndexOfItsOwnDrops()
    {
        var (catalog, diagnostics) = Run(Table + "ALTER TABLE b DROP CONSTRAINT b_u;\nDROP INDEX b_i_idx;\nCREATE INDEX b_u ON b (u);");

        Assert.Empty(diagnostics);
        Assert.Equal(["b_pkey", "b_u"], catalog.FindTable(Pg("b"))!.Keys.Keys.Order());
    }
}
