using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB 10.11 refuses DROP CONSTRAINT of a name the table does not have (error 1091) and ALTER
/// INDEX of an index the table did not have before the statement (error 1176); where the engine
/// knows the table's constraints and indexes (a table the migrations created), so does the engine.
/// Also the row start and end columns of a system-versioned table, which it reads.
/// </summary>
public sealed class MariaDbConstraintAndIndexTests
{
    private const string Table = "CREATE TABLE m (id int PRIMARY KEY, s text NOT NULL CHECK (s <> ''), k int, CHECK (id > 0), CHECK (id < 100), CONSTRAINT named CHECK (id <> 5), KEY i_k (k));\n";

    [Theory]
    [InlineData("ALTER TABLE m DROP CONSTRAINT m_chk_1;")]
    [InlineData("ALTER TABLE m DROP CONSTRAINT CONSTRAINT_3;")]
    [InlineData("ALTER TABLE m DROP CONSTRAINT i_k;")]
    [InlineData("ALTER TABLE m DROP FOREIGN KEY fk;")]
    [InlineData("ALTER TABLE m DROP CONSTRAINT CONSTRAINT_1;\nALTER TABLE m DROP CONSTRAINT CONSTRAINT_1;")]
    public void DropOfAConstraintTheTableLacks_IsRefused(string drop)
    {
        var refusal = Assert.Single(Run(Table + drop, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Error, drop.Split('\n').Length + 1), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1091", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DropOfTheServersGeneratedNames_IsTaken()
    {
        var catalog = Clean(Table + """
            ALTER TABLE m DROP CONSTRAINT CONSTRAINT_1, DROP CONSTRAINT named;
            ALTER TABLE m ADD CHECK (id < 1000);
            ALTER TABLE m DROP CONSTRAINT CONSTRAINT_1, DROP CONSTRAINT IF EXISTS nope, DROP CONSTRAINT CONSTRAINT_2;
            """, SqlDialect.MariaDb);
        Assert.Equal(["s"], catalog.FindTable(My("m"))!.Checks.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void ABareNumber_WithAnUnnamedForeignKey_StaysAWarning()
    {
        // MariaDB 12.1 and later name an unnamed foreign key 1, 2, ...: the engine follows 10.11's names.
        var warning = Assert.Single(Run("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (id int PRIMARY KEY, p int, FOREIGN KEY (p) REFERENCES p (id));\nALTER TABLE c DROP FOREIGN KEY `1`;", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Fact]
    public void MySql_StaysAWarning()
    {
        var warning = Assert.Single(Run("CREATE TABLE m (id int PRIMARY KEY);\nALTER TABLE m DROP CONSTRAINT m_chk_1;", SqlDialect.MySql).Diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Theory]
    [InlineData("ALTER TABLE t ADD INDEX i_d (d), ALTER INDEX i_d IGNORED;", "an earlier action of this ALTER TABLE adds")]
    [InlineData("ALTER TABLE t ADD INDEX (d), ALTER KEY d NOT IGNORED;", "an earlier action of this ALTER TABLE adds")]
    [InlineData("ALTER TABLE t ALTER INDEX nope IGNORED;", "has no index of that name")]
    public void AlterIndexOfAnIndexTheTableLacked_IsRefused(string alter, string why)
    {
        var refusal = Assert.Single(Run("CREATE TABLE t (id int PRIMARY KEY, d int);\n" + alter, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Error, 2), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1176", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlterIndexOfAnIndexTheTableHad_IsTaken()
        => Assert.Empty(Run("""
            CREATE TABLE t (id int PRIMARY KEY, d int, KEY i_d (d));
            ALTER TABLE t ALTER INDEX i_d IGNORED, ADD e int;
            ALTER TABLE t ADD INDEX i_e (e);
            ALTER TABLE t ALTER INDEX i_e IGNORED, ALTER INDEX IF EXISTS nope NOT IGNORED;
            """, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void SystemVersioningColumns_AreNotNullColumnsOfTheirType()
    {
        var catalog = Clean("CREATE TABLE d (id int PRIMARY KEY, ts timestamp(6) GENERATED ALWAYS AS ROW START, te timestamp(6) GENERATED ALWAYS AS ROW END, PERIOD FOR SYSTEM_TIME(ts, te)) WITH SYSTEM VERSIONING;", SqlDialect.MariaDb);
        var columns = catalog.FindTable(My("d"))!.Columns;
        Assert.Equal([("id", "int(11)", false), ("ts", "timestamp(6)", false), ("te", "timestamp(6)", false)], columns.Select(c => (c.Name, c.Type, c.IsNullable)).ToArray());
        Assert.All(columns, c => Assert.Null(c.Default));
    }

    [Fact]
    public void SystemVersioning_AddedByAlterTable_IsRead()
    {
        var catalog = Clean("""
            CREATE TABLE t (id int PRIMARY KEY, x int);
            ALTER TABLE t ADD COLUMN ts timestamp(6) GENERATED ALWAYS AS ROW START INVISIBLE, ADD COLUMN te timestamp(6) GENERATED ALWAYS AS ROW END INVISIBLE, ADD PERIOD FOR SYSTEM_TIME(ts, te), ADD SYSTEM VERSIONING;
            """, SqlDialect.MariaDb);
        Assert.Equal(["id", "x", "ts", "te"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name).ToArray());
    }
}
