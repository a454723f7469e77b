using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB before 12.1 names a foreign key created without a name <c>table_ibfk_N</c>; 12.1 and
/// later name it with a number. A drop by the old generated name is reported (ST3075) and still
/// applied, as the servers the snapshot follows apply it.
/// </summary>
public class MariaDbGeneratedForeignKeyNameTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (id int, pid int, FOREIGN KEY (pid) REFERENCES p (id));

        """;

    private static IEnumerable<string> ForeignKeys(Catalog catalog, string table)
        => catalog.FindTable(My(table))!.OtherConstraints.Order(StringComparer.Ordinal);

    [Theory]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY c_ibfk_1;", "fails there (error 1091)")]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY IF EXISTS c_ibfk_1;", "drops nothing there and leaves the foreign key in place")]
    [InlineData("ALTER TABLE c DROP CONSTRAINT c_ibfk_1;", "fails there (error 1091)")]
    [InlineData("ALTER TABLE c ADD COLUMN z int, DROP FOREIGN KEY c_ibfk_1;", "fails there (error 1091)")]
    public void DropByTheGeneratedName_IsReportedWhereItIsWritten(string drop, string outcome)
    {
        var (catalog, diagnostics) = Run(Tables + drop, SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(
            (DiagnosticCodes.MariaDbGeneratedForeignKeyName, DiagnosticSeverity.Warning, 3, drop.IndexOf("DROP ", StringComparison.Ordinal) + 1),
            (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Contains("c_ibfk_1 is the name MariaDB before 12.1 gives the foreign key of c", warning.Message, StringComparison.Ordinal);
        Assert.Contains(outcome, warning.Message, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT <name> FOREIGN KEY", warning.Message, StringComparison.Ordinal);
        Assert.Empty(ForeignKeys(catalog, "c"));
    }

    [Fact]
    public void RenamedTable_KeepsTheKeyGenerated_UnderItsNewName()
    {
        var (catalog, diagnostics) = Run(Tables + "RENAME TABLE c TO d;\nALTER TABLE d DROP FOREIGN KEY d_ibfk_1;", SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MariaDbGeneratedForeignKeyName, 4), (warning.Code, warning.Line));
        Assert.Empty(ForeignKeys(catalog, "d"));
    }

    [Fact]
    public void KeyAddedWithAColumn_IsGeneratedToo()
    {
        var (_, diagnostics) = Run("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (id int);\nALTER TABLE c ADD COLUMN pid int REFERENCES p (id);\nALTER TABLE c DROP FOREIGN KEY c_ibfk_1;", SqlDialect.MariaDb);
        Assert.Equal([(DiagnosticCodes.MariaDbGeneratedForeignKeyName, 4)], diagnostics.Select(d => (d.Code, d.Line)));
    }

    // Clean asserts that nothing is reported.
    [Theory]
    [InlineData("CREATE TABLE c (id int, pid int, CONSTRAINT c_ibfk_1 FOREIGN KEY (pid) REFERENCES p (id));\nALTER TABLE c DROP FOREIGN KEY c_ibfk_1;", "")]
    [InlineData("CREATE TABLE c (id int, pid int, CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id));\nALTER TABLE c DROP FOREIGN KEY c_fk;", "")]
    [InlineData("CREATE TABLE c (id int, pid int, FOREIGN KEY (pid) REFERENCES p (id));\nALTER TABLE c DROP FOREIGN KEY IF EXISTS c_fk;", "c_ibfk_1")]
    public void NamedKeys_AndNamesNoKeyHas_AreNotReported(string sql, string left)
        => Assert.Equal(left.Split(',', StringSplitOptions.RemoveEmptyEntries), ForeignKeys(Clean("CREATE TABLE p (id int PRIMARY KEY);\n" + sql, SqlDialect.MariaDb), "c"));

    [Fact]
    public void MySql_KeepsItsGeneratedNames_NotReported()
        => Assert.Empty(ForeignKeys(Clean(Tables + "ALTER TABLE c DROP FOREIGN KEY c_ibfk_1;", SqlDialect.MySql), "c"));
}
