using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A procedure's IF that calls a stored function wrapping an information_schema test, as
/// Icinga's upgrade scripts do: the function's body is run with its parameters bound to the
/// call's arguments, and what it returns decides the IF. A body SchemaTasks cannot run leaves
/// the CALL reported, never guessed.
/// </summary>
public class MySqlStoredFunctionConditionTests
{
    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) DropIfExists(string function, string index = "instance_id") => Run($"""
        CREATE TABLE comments (id int PRIMARY KEY, instance_id int, object_id int, UNIQUE KEY instance_id (instance_id, object_id));
        {function}
        CREATE PROCEDURE drop_index_if_exists (IN p_table varchar(64), IN p_index varchar(64))
        BEGIN
          IF index_exists(p_table, p_index) THEN
            SET @q = CONCAT('ALTER TABLE ', p_table, ' DROP INDEX ', p_index);
            PREPARE stmt FROM @q;
            EXECUTE stmt;
          END IF;
        END;
        CALL drop_index_if_exists('comments', '{index}');
        """, SqlDialect.MariaDb);

    private const string SelectExistsInto = """
        CREATE FUNCTION index_exists (f_table varchar(64), f_index varchar(64))
          RETURNS BOOL
          DETERMINISTIC
          READS SQL DATA
        BEGIN
          DECLARE found BOOL DEFAULT FALSE;
          SELECT EXISTS (SELECT 1 FROM information_schema.statistics WHERE table_schema = SCHEMA() AND table_name = f_table AND index_name = f_index) INTO found;
          RETURN found;
        END;
        """;

    [Fact]
    public void AFunctionThatFindsTheIndex_LetsTheProcedureDropIt()
    {
        var (catalog, diagnostics) = DropIfExists(SelectExistsInto);
        Assert.Empty(diagnostics);
        Assert.Equal(["PRIMARY"], catalog.FindTable(My("comments"))!.OtherConstraints);
    }

    [Fact]
    public void AFunctionThatDoesNotFindTheIndex_LeavesTheTable()
    {
        var (catalog, diagnostics) = DropIfExists(SelectExistsInto, index: "no_such_index");
        Assert.Empty(diagnostics);
        Assert.Contains("instance_id", catalog.FindTable(My("comments"))!.OtherConstraints);
    }

    [Theory]
    [InlineData("RETURNS int RETURN (SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = f_table AND index_name = f_index) > 0;")]
    [InlineData("RETURNS varchar(3) BEGIN IF EXISTS (SELECT 1 FROM information_schema.statistics WHERE table_name = f_table AND index_name = f_index AND table_schema = DATABASE()) THEN RETURN '1'; END IF; RETURN 'yes'; END;")]
    public void OtherBodiesTheEngineCanRun_AreFollowed(string rest)
    {
        var (catalog, diagnostics) = DropIfExists($"CREATE FUNCTION index_exists (f_table varchar(64), f_index varchar(64)) {rest}");
        Assert.Empty(diagnostics);
        Assert.Equal(["PRIMARY"], catalog.FindTable(My("comments"))!.OtherConstraints);
    }

    [Theory]
    [InlineData("RETURNS BOOL BEGIN SET @seen = 1; RETURN 1; END;", "the SET at line")]
    [InlineData("RETURNS BOOL BEGIN DECLARE n int DEFAULT 0; END;", "ends without RETURN")]
    [InlineData("RETURNS BOOL RETURN 300;", "returns as BOOL")]
    [InlineData("RETURNS int RETURN 'yes';", "returns as INT")]
    [InlineData("RETURNS BOOL RETURN (SELECT COUNT(*) FROM information_schema.statistics WHERE table_name = f_table GROUP BY index_name);", "index_exists")]
    [InlineData("RETURNS BOOL RETURN f_table LIKE 'c%';", "LIKE")]
    public void ABodyTheEngineCannotRun_LeavesTheCallReported(string rest, string part)
    {
        var (catalog, diagnostics) = DropIfExists($"CREATE FUNCTION index_exists (f_table varchar(64), f_index varchar(64)) {rest}");
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains(part, finding.Message, StringComparison.Ordinal);
        Assert.Contains("instance_id", catalog.FindTable(My("comments"))!.OtherConstraints);
    }

    [Fact]
    public void ACallWithTheWrongNumberOfArguments_IsReported()
    {
        var (_, diagnostics) = Run($"""
            CREATE TABLE t (id int PRIMARY KEY, a int, KEY a (a));
            {SelectExistsInto}
            CREATE PROCEDURE p () BEGIN IF index_exists('t') THEN ALTER TABLE t DROP INDEX a; END IF; END;
            CALL p();
            """, SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains("1 arguments for the 2 parameters", finding.Message, StringComparison.Ordinal);
    }
}
