using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's E'...' and U&amp;'...' literals are decoded as the server decodes them (octal, hex
/// and Unicode escapes, UESCAPE), and one the server refuses while reading it is reported (ST3140)
/// with its SQLSTATE. The values were checked against PostgreSQL 15 (psql, SELECT of each literal).
/// </summary>
public class PostgresEscapeStringTests
{
    private static string[] Labels(string literals)
        => Clean($"CREATE TYPE e AS ENUM ({literals});").FindEnumType(Pg("e"))!.Labels.ToArray();

    [Theory]
    [InlineData(@"U&'\0041bc'", "Abc")]
    [InlineData(@"E'oct\101'", "octA")]
    [InlineData(@"E'hex\x41'", "hexA")]
    [InlineData(@"E'uni\u00e9'", "unié")]
    [InlineData(@"E'\U0001F600'", "😀")]
    [InlineData(@"E'\uD83D\uDE00'", "😀")]
    [InlineData(@"E'\303\251'", "é")]
    [InlineData(@"E'a\qb'", "aqb")]
    [InlineData(@"E'\xZ'", "xZ")]
    [InlineData(@"E'\x4'", "\u0004")]
    [InlineData(@"E'tab\there'", "tab\there")]
    [InlineData(@"E'it\'s'", "it's")]
    [InlineData(@"E'it''s'", "it's")]
    [InlineData(@"E'back\\slash'", @"back\slash")]
    [InlineData(@"'plain\101'", @"plain\101")]
    [InlineData(@"U&'d!0061t' UESCAPE '!'", "dat")]
    [InlineData(@"u&'d!0061t'  uescape  '!'", "dat")]
    [InlineData(@"U&'\+01F600'", "😀")]
    [InlineData(@"U&'\D83D\DE00'", "😀")]
    [InlineData(@"U&'\\x'", @"\x")]
    [InlineData(@"U&'it''s'", "it's")]
    public void EscapedLabels_AreTheServersText(string literal, string label)
        => Assert.Equal([label], Labels(literal));

    [Fact]
    public void TheScoutedEnum_HasTheServersLabels()
        => Assert.Equal(["Abc", "octA", "hexA", "unié"], Labels(@"U&'\0041bc', E'oct\101', E'hex\x41', E'uni\u00e9'"));

    [Theory]
    [InlineData(@"E'\u00'", "22025")]
    [InlineData(@"E'\u123g'", "22025")]
    [InlineData(@"E'\uD83D'", "42601")]
    [InlineData(@"E'\uDE00'", "42601")]
    [InlineData(@"E'\u0000'", "42601")]
    [InlineData(@"E'\UFFFFFFFF'", "42601")]
    [InlineData(@"E'\0'", "22021")]
    [InlineData(@"E'\400'", "22021")]
    [InlineData(@"E'\377'", "22021")]
    [InlineData(@"U&'\00'", "42601")]
    [InlineData(@"U&'\q'", "42601")]
    [InlineData(@"U&'\+01'", "42601")]
    [InlineData(@"U&'\+110000'", "42601")]
    [InlineData(@"U&'\D83D'", "42601")]
    [InlineData(@"U&'\D83Dx'", "42601")]
    [InlineData(@"U&'a' UESCAPE '+'", "42601")]
    [InlineData(@"U&'a' UESCAPE ''", "42601")]
    [InlineData(@"U&'a' UESCAPE 'ab'", "42601")]
    public void ALiteralTheServerRefuses_IsReportedAtIt_WithItsSqlState(string literal, string sqlState)
    {
        var (_, diagnostics) = Run($"CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), ({literal});");

        var finding = Assert.Single(diagnostics);
        var (_, inEnum) = Run($"CREATE TYPE e AS ENUM ('z', {literal});");
        Assert.True(inEnum.Count == 1 && inEnum[0].Code == DiagnosticCodes.StringEscapeRefused, string.Join("\n", inEnum));
        Assert.Equal((DiagnosticCodes.StringEscapeRefused, DiagnosticSeverity.Error), (finding.Code, finding.Severity));
        Assert.Equal((2, 28), (finding.Line, finding.Column));
        Assert.Contains($"({sqlState},", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnicodeQuotedName_WithUescape_IsTheServersName()
    {
        var catalog = Clean(@"CREATE TABLE U&""d!0061t"" UESCAPE '!' (id int);");

        Assert.NotNull(catalog.FindTable(Pg("dat")));
    }

    [Fact]
    public void MySql_BackslashEscapes_AreUnchanged()
    {
        var catalog = Clean(@"CREATE TABLE t (c enum('a\'b', 'x\\y'));", SqlDialect.MariaDb);

        Assert.Equal(["a'b", @"x\y"], catalog.FindTable(My("t"))!.Columns[0].InlineValues!.Values.ToArray());
    }
}
