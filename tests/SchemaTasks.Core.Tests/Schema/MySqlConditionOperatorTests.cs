using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL's operators in the conditions the engine decides, read as MariaDB 10.11 reads them:
/// <c>&amp;&amp;</c> is AND, <c>!</c> binds tighter than a comparison, <c>XOR</c> sits between
/// AND and OR, and <c>||</c> is OR or, under PIPES_AS_CONCAT, concatenation. Under a sql_mode the
/// engine cannot read, a <c>||</c> is reported, never guessed.
/// </summary>
public class MySqlConditionOperatorTests
{
    // A procedure that adds column b when the condition holds, with c set to the value given.
    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) AddWhen(string condition, long c, string before = "") => Run($"""
        CREATE TABLE t (id int PRIMARY KEY);
        {before}
        CREATE PROCEDURE p (IN c int)
        BEGIN
          IF {condition} THEN
            ALTER TABLE t ADD COLUMN b int;
          END IF;
        END;
        CALL p({c});
        """, SqlDialect.MariaDb);

    private static bool Added(Catalog catalog) => catalog.FindTable(My("t"))!.FindColumn("b", SqlDialect.MariaDb) is not null;

    [Theory]
    [InlineData("c > 0 && c < 5", 3, true)]
    [InlineData("c > 0 && c < 5", 7, false)]
    [InlineData("c > 5 || c = 3", 3, true)]
    [InlineData("c > 5 || c = 3", 4, false)]
    [InlineData("! c = 1", 2, false)] // (!2) = 1: 0 = 1
    [InlineData("! c = 0", 2, true)]
    [InlineData("NOT c = 1", 2, true)]
    [InlineData("!(c = 1)", 2, true)]
    [InlineData("c > 0 XOR c > 5", 3, true)]
    [InlineData("c > 0 XOR c > 5", 7, false)]
    [InlineData("c = 0 OR c = 2 XOR c = 2", 2, false)] // 0 OR (1 XOR 1)
    [InlineData("c = 2 AND c = 0 XOR c = 2", 2, true)] // (1 AND 0) XOR 1
    [InlineData("c = 2 XOR NULL", 2, false)] // NULL
    [InlineData("c = 0 && unknown_function()", 2, false)]
    public void Operators_AreReadAsTheServerReadsThem(string condition, long c, bool added)
    {
        var (catalog, diagnostics) = AddWhen(condition, c);
        Assert.Empty(diagnostics);
        Assert.Equal(added, Added(catalog));
    }

    [Theory]
    [InlineData("SET sql_mode = 'PIPES_AS_CONCAT';", "'a' || c = 'a2'", true)]
    [InlineData("SET sql_mode = 'ANSI';", "c || 0 = 20", true)]
    [InlineData("SET sql_mode = 'PIPES_AS_CONCAT';", "c || NULL IS NULL", true)]
    [InlineData("SET sql_mode = 'STRICT_TRANS_TABLES';", "'a' || c = 'a2'", false)] // 'a' OR (2 = 'a2'): 0 OR 0
    public void PipesUnderAKnownSqlMode_AreReadAsThatModeSays(string before, string condition, bool added)
    {
        var (catalog, diagnostics) = AddWhen(condition, 2, before);
        Assert.Empty(diagnostics);
        Assert.Equal(added, Added(catalog));
    }

    [Fact]
    public void TheProcedureKeepsTheSqlModeItWasCreatedUnder()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            SET sql_mode = 'PIPES_AS_CONCAT';
            CREATE PROCEDURE p (IN c int) BEGIN IF 'a' || c = 'a2' THEN ALTER TABLE t ADD COLUMN b int; END IF; END;
            SET sql_mode = 'STRICT_TRANS_TABLES';
            CALL p(2);
            """, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }

    [Theory]
    [InlineData("SET @OLD_SQL_MODE = @@sql_mode;\nSET sql_mode = @OLD_SQL_MODE;", "c > 5 || c = 2", "'||'")]
    [InlineData("SET sql_mode = 'ORACLE';", "c > 5 || c = 2", "'||'")]
    [InlineData("SET sql_mode = 'HIGH_NOT_PRECEDENCE';", "NOT c = 1", "NOT before a comparison")]
    public void UnderASqlModeTheEngineCannotRead_TheCallIsReported(string before, string condition, string part)
    {
        var (catalog, diagnostics) = AddWhen(condition, 2, before);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains(part, finding.Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Fact]
    public void NotWithoutAComparison_IsDecidedUnderAnyMode()
    {
        var (catalog, diagnostics) = AddWhen("NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'b')", 2, "SET @OLD_SQL_MODE = @@sql_mode;\nSET sql_mode = @OLD_SQL_MODE;");
        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }
}
