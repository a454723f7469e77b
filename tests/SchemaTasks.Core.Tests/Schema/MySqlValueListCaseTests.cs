using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// ENUM and SET values that differ only in the case of ASCII letters (ST3065, error 1291): refused
/// where the column certainly compares without case, left alone where a collation, the BINARY
/// attribute or the binary charset of the column, table or database may compare case (checked on
/// MariaDB 10.11).
/// </summary>
public class MySqlValueListCaseTests
{
    [Theory]
    [InlineData("CREATE TABLE e (a enum('a','A'));")]
    [InlineData("CREATE TABLE e (a set('x','y','X'));")]
    [InlineData("CREATE TABLE e (a enum('a','A ') CHARACTER SET utf8mb4);")]
    [InlineData("CREATE TABLE e (a enum('a','A') COLLATE utf8mb4_general_ci) COLLATE utf8mb4_bin;")]
    [InlineData("CREATE TABLE e (a enum('a','A') CHARACTER SET utf8mb4) COLLATE utf8mb4_bin;")]
    [InlineData("CREATE TABLE e (a int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\nALTER TABLE e ADD b enum('Yes','YES');")]
    [InlineData("CREATE TABLE e (a enum('a','b'));\nALTER TABLE e MODIFY a enum('a','b','B');")]
    public void Values_equal_but_for_case_are_refused(string sql)
    {
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.RefusedValueList, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("differ only in case", refusal.Message, StringComparison.Ordinal);
        Assert.Single(Run(sql, SqlDialect.MySql).Diagnostics);
    }

    [Theory]
    [InlineData("CREATE TABLE e (a enum('a','A') COLLATE utf8mb4_bin);")]
    [InlineData("CREATE TABLE e (a enum('a','A') BINARY);")]
    [InlineData("CREATE TABLE e (a enum('a','A') CHARACTER SET binary);")]
    [InlineData("CREATE TABLE e (a enum('a','A') COLLATE latin1_general_cs);")]
    [InlineData("CREATE TABLE e (a enum('I','i') COLLATE utf8mb4_turkish_ci);")]
    [InlineData("CREATE TABLE e (a enum('a','A')) COLLATE utf8mb4_bin;")]
    [InlineData("CREATE TABLE e (x int) DEFAULT CHARSET latin1 COLLATE latin1_bin;\nALTER TABLE e ADD a enum('a','A');")]
    [InlineData("CREATE TABLE e (x int);\nALTER TABLE e DEFAULT COLLATE utf8mb4_bin;\nALTER TABLE e ADD a enum('a','A');")]
    [InlineData("CREATE TABLE e (x int);\nALTER TABLE e CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\nALTER TABLE e ADD a enum('a','A');")]
    [InlineData("ALTER DATABASE COLLATE utf8mb4_bin;\nCREATE TABLE e (a enum('a','A'));")]
    public void Values_a_collation_may_tell_apart_are_not_judged(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
    }
}
