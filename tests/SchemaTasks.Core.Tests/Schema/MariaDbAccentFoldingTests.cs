using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// ENUM and SET values MariaDB 10.11 takes as one under a general_ci or unicode_ci collation the
/// migrations wrote (error 1291, ST3065): accents, the case of any Latin letter, and unicode_ci's
/// expansions (<c>'ß'</c> is <c>'ss'</c> there, <c>'s'</c> under general_ci).
/// </summary>
public class MariaDbAccentFoldingTests
{
    [Theory]
    [InlineData("CREATE TABLE e (a enum('e','é') COLLATE utf8mb4_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('x','É','e') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a enum('Æ','æ') COLLATE utf8mb4_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('ss','ß') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a set('ß','s') COLLATE utf8mb3_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('oe','Œ') CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a enum('ı','I') COLLATE utf8_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('a b','a\u00A0b') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a int) COLLATE utf8mb4_unicode_ci;\nALTER TABLE e ADD b enum('ü','u');")]
    [InlineData("CREATE TABLE e (a int, b int) DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_general_ci;\nALTER TABLE e MODIFY b enum('Ñ','n');")]
    public void MariaDb_refuses_values_its_collation_takes_as_one(string sql)
    {
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.RefusedValueList, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1291", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE e (a enum('Æ','ae') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a enum('oe','Œ') COLLATE utf8mb4_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('ss','ß') COLLATE utf8mb4_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('ı','i') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a enum('e','é') COLLATE utf8mb4_bin);")]
    [InlineData("CREATE TABLE e (a enum('a b','a\u00A0b') COLLATE utf8mb4_general_ci);")]
    [InlineData("CREATE TABLE e (a enum('a','a\u00A0') COLLATE utf8mb4_unicode_ci);")]
    [InlineData("CREATE TABLE e (a enum('e','é','\u4E00'));")]
    public void MariaDb_takes_values_its_collation_tells_apart(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("CREATE TABLE e (a enum('e','é'));")]
    [InlineData("CREATE TABLE e (a enum('e','é') CHARACTER SET utf8mb4);")]
    [InlineData("CREATE TABLE e (a enum('e','é') COLLATE utf8mb4_uca1400_ai_ci);")]
    [InlineData("CREATE TABLE e (a enum('e','é','\u4E00') COLLATE utf8mb4_general_ci);")]
    public void Collations_whose_folds_are_not_known_are_not_judged(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Empty(Run(sql.Replace("uca1400_ai", "general", StringComparison.Ordinal), SqlDialect.MySql).Diagnostics);
    }
}
