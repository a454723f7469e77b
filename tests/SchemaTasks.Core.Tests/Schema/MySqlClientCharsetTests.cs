using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Session charset settings in a migration: after <c>SET NAMES</c> of a charset other than UTF-8 a
/// non-ASCII name or value is read by the server in that charset (ST3089, a warning); setting
/// <c>collation_database</c> or <c>character_set_database</c> changes nothing for new tables
/// (checked on MariaDB 10.11).
/// </summary>
public class MySqlClientCharsetTests
{
    [Theory]
    [InlineData("SET NAMES latin1;\nCREATE TABLE t (a enum('é','x'));")]
    [InlineData("SET NAMES 'latin1' COLLATE 'latin1_swedish_ci';\nCREATE TABLE t (a varchar(5) DEFAULT 'ü');")]
    [InlineData("SET CHARACTER SET cp1250;\nCREATE TABLE café (a int);")]
    [InlineData("SET SESSION character_set_client = latin1;\nALTER TABLE t ADD `naïve` int;")]
    [InlineData("SET @@character_set_client = 'latin1', foreign_key_checks = 0;\nCREATE TABLE t (a enum('é'));")]
    public void Non_ascii_text_after_another_charset_is_reported(string sql)
    {
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql })
        {
            var full = sql.Contains("ALTER", StringComparison.Ordinal) ? "CREATE TABLE t (a int);\n" + sql : sql;
            var warning = Assert.Single(Run(full, dialect).Diagnostics);
            Assert.Equal((DiagnosticCodes.ClientCharsetText, DiagnosticSeverity.Warning, full.Split('\n').Length), (warning.Code, warning.Severity, warning.Line));
        }
    }

    [Theory]
    [InlineData("SET NAMES utf8mb4;\nCREATE TABLE t (a enum('é','x'));")]
    [InlineData("SET NAMES latin1;\nSET NAMES utf8;\nCREATE TABLE t (a enum('é'));")]
    [InlineData("SET NAMES latin1;\nSET NAMES DEFAULT;\nCREATE TABLE t (a enum('é'));")]
    [InlineData("SET NAMES latin1;\nCREATE TABLE t (a enum('e','x') DEFAULT 'x') COMMENT 'plain';")]
    [InlineData("SET NAMES latin1;\n-- café\nCREATE TABLE t (a int);")]
    [InlineData("SET collation_database = utf8mb4_bin;\nCREATE TABLE t (a enum('é'));")]
    public void Ascii_or_utf8_text_is_not(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Fact]
    public void Collation_database_does_not_change_the_case_rule()
    {
        var refusal = Assert.Single(Run("SET collation_database = utf8mb4_bin;\nSET character_set_database = binary;\nCREATE TABLE t (a enum('a','A'));", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal(DiagnosticCodes.RefusedValueList, refusal.Code);
    }
}
