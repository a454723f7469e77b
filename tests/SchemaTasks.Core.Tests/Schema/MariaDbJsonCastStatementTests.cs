using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB has no JSON target for CAST or CONVERT: an UPDATE, INSERT ... SELECT or other statement
/// the engine does not parse is refused with it too (error 1064, checked on 10.11), and the
/// migration stops there.
/// </summary>
public sealed class MariaDbJsonCastStatementTests
{
    [Theory]
    [InlineData("UPDATE t SET b = CAST(a AS JSON) WHERE a <> '';", 28)]
    [InlineData("INSERT INTO t (b) SELECT CAST(a AS json) FROM t;", 36)]
    [InlineData("UPDATE t SET b = CONVERT(a, JSON);", 29)]
    [InlineData("SELECT CAST(CAST(a AS CHAR) AS JSON) FROM t;", 32)]
    public void ACastToJson_IsRefused(string statement, int column)
    {
        var refusal = Assert.Single(Run("CREATE TABLE t (a text, b json);\n" + statement, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, DiagnosticSeverity.Error, 2, column), (refusal.Code, refusal.Severity, refusal.Line, refusal.Column));
        Assert.Contains("error 1064", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT a AS json FROM t;")]
    [InlineData("SELECT CAST(a AS CHAR) AS json, CONVERT(a, CHAR) json FROM t;")]
    [InlineData("UPDATE t SET b = JSON_COMPACT(a), a = 'CAST(a AS JSON)';")]
    [InlineData("SELECT CAST((a) AS CHAR), (SELECT 1 AS json) FROM t;")]
    public void OtherJsonWords_AreNoCast(string statement)
        => Assert.Empty(Run("CREATE TABLE t (a text, b json);\n" + statement, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void MySql_TakesIt()
        => Assert.Empty(Run("CREATE TABLE t (a text, b json);\nUPDATE t SET b = CAST(a AS JSON);", SqlDialect.MySql).Diagnostics);
}
