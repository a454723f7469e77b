using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL statements that choose or drop a database (apache/streampark's and apache/shenyu's
/// schemas start with CREATE DATABASE IF NOT EXISTS x; USE x;). The engine cannot know the name of
/// the database the migrations run in, as for a name qualified with a database (ST3043).
/// </summary>
public class MySqlUseDatabaseTests
{
    [Theory]
    [InlineData("USE other;")]
    [InlineData("use `other`;")]
    public void Use_IsAnErrorAtIt(string use)
    {
        var (_, diagnostics) = Run("CREATE DATABASE IF NOT EXISTS other DEFAULT CHARACTER SET utf8mb4;\n" + use + "\nCREATE TABLE t (a int);", SqlDialect.MariaDb);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UseDatabase, DiagnosticSeverity.Error, 2, 1), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DROP DATABASE other;")]
    [InlineData("DROP SCHEMA IF EXISTS other;")]
    public void DropDatabase_IsAnErrorAtIt(string drop)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a int);\n" + drop, SqlDialect.MySql);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.OtherDatabase, DiagnosticSeverity.Error, 2), (error.Code, error.Severity, error.Line));
    }

    [Fact]
    public void CreateDatabase_ChangesNoTable_AndIsNotReported()
    {
        var catalog = Clean("CREATE DATABASE IF NOT EXISTS other;\nCREATE SCHEMA other2;\nCREATE TABLE t (a int);", SqlDialect.MariaDb);

        Assert.Equal(["t"], catalog.Tables.Keys.Select(k => k.Name));
    }

    [Fact]
    public void Postgres_UseIsNotAStatement()
    {
        var (_, diagnostics) = Run("USE other;", SqlDialect.Postgres);

        Assert.Equal(DiagnosticCodes.UnknownStatement, Assert.Single(diagnostics).Code);
    }
}
