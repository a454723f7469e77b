using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A procedure's <c>SELECT ... INTO</c> over information_schema: INTO before FROM or at the end,
/// as MySQL takes both. Only a COUNT always gives its variable a value; any other select list,
/// or a GROUP BY that may find no group, leaves the call undecided.
/// </summary>
public class MySqlProcedureSelectIntoTests
{
    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) Call(string create, string select) => Run($"""
        {create}
        CREATE PROCEDURE Migrate ()
        BEGIN
        DECLARE Found INT;
          {select};
          IF (Found = 0) THEN
            ALTER TABLE Channels ADD COLUMN LastRootPostAt bigint DEFAULT 0;
          END IF;
        END;
        CALL Migrate ();
        DROP PROCEDURE IF EXISTS Migrate;
        """, SqlDialect.MariaDb);

    private const string CountAtTheEnd = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'Channels' AND table_schema = DATABASE() AND COLUMN_NAME = 'LastRootPostAt' INTO Found";

    [Theory]
    [InlineData("CREATE TABLE Channels (Id varchar(26) NOT NULL PRIMARY KEY);", "bigint(20)")]
    [InlineData("CREATE TABLE Channels (Id varchar(26) NOT NULL PRIMARY KEY, LastRootPostAt int);", "int(11)")]
    public void IntoAtTheEnd_GivesTheCount(string create, string typeAfter)
    {
        var (catalog, diagnostics) = Call(create, CountAtTheEnd);
        Assert.Empty(diagnostics);
        Assert.Equal(typeAfter, catalog.FindTable(My("Channels"))!.FindColumn("LastRootPostAt", SqlDialect.MariaDb)!.Type);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) INTO Found FROM information_schema.STATISTICS WHERE table_schema = DATABASE() AND table_name = 'Channels' AND index_name = 'PRIMARY' GROUP BY index_name", "'GROUP' after the query")]
    [InlineData("SELECT IFNULL(GROUP_CONCAT(column_name ORDER BY seq_in_index), '') INTO Found FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'Channels' AND index_name = 'PRIMARY'", "a select list other than COUNT")]
    [InlineData("SELECT COUNT(*) INTO @found FROM information_schema.COLUMNS WHERE TABLE_NAME = 'Channels'", "INTO one declared variable")]
    public void OtherSelectIntos_AreUndecidedAtTheCall(string select, string part)
    {
        var (_, diagnostics) = Call("CREATE TABLE Channels (Id varchar(26) NOT NULL PRIMARY KEY);", select);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains(part, finding.Message, StringComparison.Ordinal);
    }
}
