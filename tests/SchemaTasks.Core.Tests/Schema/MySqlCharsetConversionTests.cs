using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// <c>ALTER TABLE ... CONVERT TO CHARACTER SET</c> widens TEXT types by the charset the columns had
/// before it (MariaDB 10.11 checked by the differential test MySqlCharsetConversionTests; MySQL 8
/// by its manual). When that charset is not set by the migrations, the outcome is reported.
/// </summary>
public class MySqlCharsetConversionTests
{
    private static string[] Types(Catalog catalog, string table = "t") => catalog.FindTable(My(table))!.Columns.Select(c => c.Type).ToArray();

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void Latin1ToUtf8mb4_WidensEachTextTypeOneStep_AndKeepsCharLengths(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE t (a tinytext, b text, c mediumtext, d longtext, e varchar(100), f char(10), g enum('x'), h blob) DEFAULT CHARSET=latin1;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            """, dialect);
        Assert.Equal(["text", "mediumtext", "longtext", "longtext", "varchar(100)", "char(10)", "enum('x')", "blob"], Types(catalog));
    }

    [Fact]
    public void ATableAlreadyInTheTargetCharset_DoesNotChange()
    {
        var catalog = Clean("""
            CREATE TABLE t (a tinytext, b text, c mediumtext) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            """, SqlDialect.MariaDb);
        Assert.Equal(["tinytext", "text", "mediumtext"], Types(catalog));
    }

    [Fact]
    public void ColumnCharsets_CollationsAndNationalTypes_DecideEachColumn()
    {
        var catalog = Clean("""
            CREATE TABLE t (
              a tinytext CHARACTER SET utf8mb4,
              b text CHARSET utf8,
              c text COLLATE utf8mb4_bin,
              d tinytext ASCII,
              e tinytext UNICODE,
              f text,
              g national varchar(5)) COLLATE latin1_bin;
            ALTER TABLE t CONVERT TO CHARSET 'utf8mb4';
            """, SqlDialect.MariaDb);
        Assert.Equal(["tinytext", "mediumtext", "text", "text", "text", "mediumtext", "varchar(5)"], Types(catalog));
    }

    [Fact]
    public void Utf8mb3ToUtf8mb4_Widens_AndAConversionTowardsFewerBytesNeverNarrows()
    {
        var catalog = Clean("""
            CREATE TABLE t (a tinytext, b text, c mediumtext) CHARACTER SET = utf8mb3;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            CREATE TABLE u (a tinytext, b text) DEFAULT CHARSET utf8mb4;
            ALTER TABLE u CONVERT TO CHARACTER SET utf8;
            ALTER TABLE u CONVERT TO CHARACTER SET utf8mb4;
            """, SqlDialect.MariaDb);
        Assert.Equal(["text", "mediumtext", "longtext"], Types(catalog));
        Assert.Equal(["text", "mediumtext"], Types(catalog, "u")); // utf8mb4 to utf8mb3 keeps them; back to utf8mb4 widens.
    }

    [Fact]
    public void ColumnsFollowTheTableDefault_ThroughAddModifyRenameAndAlterTableCharset()
    {
        var catalog = Clean("""
            CREATE TABLE t (a tinytext, b tinytext CHARACTER SET utf8mb4) DEFAULT CHARSET=utf8mb4;
            ALTER TABLE t ENGINE=InnoDB DEFAULT CHARSET=latin1;
            ALTER TABLE t ADD COLUMN c tinytext, MODIFY a tinytext, RENAME COLUMN b TO bb;
            ALTER TABLE t ADD COLUMN (d tinytext CHARACTER SET utf8mb4, e text);
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            """, SqlDialect.MariaDb);
        Assert.Equal(["text", "tinytext", "text", "tinytext", "mediumtext"], Types(catalog));
    }

    [Fact]
    public void AnUnknownCharsetBefore_IsReportedAtTheStatement_AndTheTypesAreKept()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (a tinytext, b varchar(10), c text CHARACTER SET utf8mb4);
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            """, SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.CharsetConversionUndecided, DiagnosticSeverity.Warning, 2, 15), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.StartsWith("ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4: the TEXT types of a after", warning.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["tinytext", "varchar(10)", "text"], Types(catalog));
    }

    [Fact]
    public void AfterAnUndecidedConversion_TheCharsetIsKnown_SoTheNextOneIsExact()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (a tinytext);
            ALTER TABLE t CONVERT TO CHARACTER SET latin1;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            """, SqlDialect.MySql);
        Assert.Empty(diagnostics); // To a single-byte charset nothing can widen.
        Assert.Equal(["text"], Types(catalog));
    }

    [Fact]
    public void ConvertingToTheDatabaseDefault_IsReported()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE t (a text) DEFAULT CHARSET=latin1;
            ALTER TABLE t CONVERT TO CHARACTER SET DEFAULT;
            """, SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.CharsetConversionUndecided, warning.Code);
        Assert.Contains("DEFAULT", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertingToBinary_MakesTheBinaryTypes()
    {
        var catalog = Clean("""
            CREATE TABLE t (a tinytext, b longtext, c varchar(100), d char(3), e enum('x'));
            ALTER TABLE t CONVERT TO CHARACTER SET binary;
            """, SqlDialect.MariaDb);
        Assert.Equal(["tinyblob", "longblob", "varbinary(100)", "binary(3)", "enum('x')"], Types(catalog));
    }

    [Fact]
    public void AVarcharTooLongForTheNewCharset_IsReported_UnderMySql()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (g varchar(20000), h varchar(16383)) DEFAULT CHARSET latin1;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            """, SqlDialect.MySql);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConvertedVarcharTooLong, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("column g is varchar(20000)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["varchar(20000)", "varchar(16383)"], Types(catalog));
    }

    [Theory]
    [InlineData("g varchar(20000), h varchar(16383)", "utf8mb4", "column g is varchar(20000)", "max = 16383")]
    [InlineData("h varchar(16383), g varchar(21845)", "utf8mb3", "column g is varchar(21845)", "max = 21844")]
    public void AVarcharTooLongForTheNewCharset_IsRefused_InStrictMode(string columns, string charset, string column, string most)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE t ({columns}, i int) DEFAULT CHARSET latin1;
            ALTER TABLE t DROP COLUMN i, CONVERT TO CHARACTER SET {charset};
            """, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConvertedVarcharTooLong, DiagnosticSeverity.Error, 2), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains(column, refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"error 1074, Column length too big for column 'g' ({most})", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(3, Types(catalog).Length); // The whole statement is refused: i stays.
    }

    [Fact]
    public void AVarcharTooLongForTheNewCharset_BecomesATextType_WithoutStrictMode()
    {
        var (catalog, diagnostics) = Run("""
            SET sql_mode = '';
            CREATE TABLE t (g varchar(20000), h varchar(1000), j varchar(21845), k tinytext) DEFAULT CHARSET latin1;
            ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
            CREATE TABLE u (j varchar(21845)) DEFAULT CHARSET latin1;
            ALTER TABLE u CONVERT TO CHARACTER SET utf8mb3;
            """, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.Equal(["mediumtext", "varchar(1000)", "mediumtext", "text"], Types(catalog));
        Assert.Equal(["text"], Types(catalog, "u"));
    }
}
