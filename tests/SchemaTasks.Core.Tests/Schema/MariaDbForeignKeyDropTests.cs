using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB 10.11 ignores DROP CONSTRAINT of a foreign key in an ALTER TABLE that also adds a
/// foreign key, without a word; the engine keeps the key as the server does and warns (ST3047).
/// MySQL 8 drops it. Checked on MariaDB 10.11 (the Differential tests run them there).
/// </summary>
public class MariaDbForeignKeyDropTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE);
        CREATE TABLE c (id int, pid int, pu int, q int, CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT ck CHECK (id > 0), CONSTRAINT uk UNIQUE (q));

        """;

    private static string[] Constraints(Catalog catalog)
    {
        var table = catalog.FindTable(My("c"))!;
        return [.. table.Checks.Select(c => c.Name).Concat(table.OtherConstraints).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_fk, ADD CONSTRAINT c_fk2 FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE;", "c_fk2")]
    [InlineData("ALTER TABLE c ADD CONSTRAINT c_fk2 FOREIGN KEY (pu) REFERENCES p (u), DROP CONSTRAINT c_fk;", "c_fk2")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT IF EXISTS c_fk, ADD FOREIGN KEY (pu) REFERENCES p (u);", "c_ibfk_1")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_fk, ADD COLUMN z int REFERENCES p (id);", "c_ibfk_1")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_fk, DROP CONSTRAINT ck, ADD CONSTRAINT c_fk2 FOREIGN KEY (pu) REFERENCES p (u);", "c_fk2")]
    public void MariaDb_KeepsTheForeignKey_AndWarnsAtTheDrop(string alter, string added)
    {
        var (catalog, diagnostics) = Run(Tables + alter, SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MariaDbForeignKeyDropIgnored, DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.Equal(alter.IndexOf("DROP CONSTRAINT c_fk", StringComparison.Ordinal) + alter.IndexOf("DROP CONSTRAINT IF EXISTS c_fk", StringComparison.Ordinal) + 2, warning.Column);
        Assert.Contains("MariaDB ignores this DROP CONSTRAINT c_fk on c", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Write DROP FOREIGN KEY c_fk instead, or drop it in an ALTER TABLE of its own", warning.Message, StringComparison.Ordinal);
        Assert.Contains("c_fk", Constraints(catalog));
        Assert.Contains(added, Constraints(catalog));

        // MySQL 8 drops the key; it has no DROP CONSTRAINT IF EXISTS.
        var mySql = Clean(Tables + alter.Replace(" IF EXISTS", string.Empty, StringComparison.Ordinal), SqlDialect.MySql);
        Assert.DoesNotContain("c_fk", Constraints(mySql));
    }

    [Theory]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY c_fk, ADD CONSTRAINT c_fk2 FOREIGN KEY (pid) REFERENCES p (id);", "c_fk2,ck,uk")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_fk, ADD COLUMN z int;", "ck,uk")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT ck, DROP CONSTRAINT uk, ADD CONSTRAINT c_fk2 FOREIGN KEY (pu) REFERENCES p (u);", "c_fk,c_fk2")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_fk;\nALTER TABLE c ADD CONSTRAINT c_fk2 FOREIGN KEY (pid) REFERENCES p (id);", "c_fk2,ck,uk")]
    public void MariaDb_DropsWhatTheRuleDoesNotCover(string alter, string constraints)
        => Assert.Equal(constraints.Split(','), Constraints(Clean(Tables + alter, SqlDialect.MariaDb)));

    [Fact]
    public void MariaDb_ReaddingTheSameName_IsTheServersDuplicateError()
    {
        var (_, diagnostics) = Run(Tables + "ALTER TABLE c DROP CONSTRAINT c_fk, ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE;", SqlDialect.MariaDb);
        Assert.Equal([DiagnosticCodes.MariaDbForeignKeyDropIgnored, DiagnosticCodes.ConstraintExists], diagnostics.Select(d => d.Code));
    }
}
