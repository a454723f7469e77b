using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A BIT column's default reads as MariaDB's COLUMN_DEFAULT shows it, a bit literal of the
/// number the written value makes; a value wider than the column is refused (error 1067). The
/// expected texts were read from MariaDB 10.11.
/// </summary>
public sealed class MariaDbBitDefaultTests
{
    [Theory]
    [InlineData("bit(1)", "0", "b'0'")]
    [InlineData("bit(1)", "1", "b'1'")]
    [InlineData("bit(8)", "5", "b'101'")]
    [InlineData("bit(8)", "005", "b'101'")]
    [InlineData("bit(8)", "(5)", "b'101'")]
    [InlineData("bit(1)", "TRUE", "b'1'")]
    [InlineData("bit(4)", "true", "b'1'")]
    [InlineData("bit(1)", "FALSE", "b'0'")]
    [InlineData("bit(1)", "b'1'", "b'1'")]
    [InlineData("bit(1)", "b'01'", "b'1'")]
    [InlineData("bit(8)", "B'000000001'", "b'1'")]
    [InlineData("bit(8)", "b''", "b'0'")]
    [InlineData("bit(8)", "b'00000101'", "b'101'")]
    [InlineData("bit(8)", "0b101", "b'101'")]
    [InlineData("bit(8)", "0b0", "b'0'")]
    [InlineData("bit(8)", "0x1", "b'1'")]
    [InlineData("bit(8)", "0x0001", "b'1'")]
    [InlineData("bit(8)", "X'0F'", "b'1111'")]
    [InlineData("bit(8)", "X'0001'", "b'1'")]
    [InlineData("bit(8)", "'1'", "b'110001'")]
    [InlineData("bit(8)", "'5'", "b'110101'")]
    [InlineData("bit(16)", "'ab'", "b'110000101100010'")]
    [InlineData("bit(8)", "N'a'", "b'1100001'")]
    [InlineData("bit(1)", "''", "b'0'")]
    [InlineData("bit(8)", "1.4", "b'1'")]
    [InlineData("bit(8)", "1.5", "b'10'")]
    [InlineData("bit(8)", "0.5", "b'1'")]
    [InlineData("bit(8)", "2.5", "b'11'")]
    [InlineData("bit(8)", "255.4", "b'11111111'")]
    [InlineData("bit(64)", "18446744073709551615", "b'1111111111111111111111111111111111111111111111111111111111111111'")]
    [InlineData("bit(64)", "-1", "b'1111111111111111111111111111111111111111111111111111111111111111'")]
    [InlineData("bit(64)", "-9223372036854775808", "b'1000000000000000000000000000000000000000000000000000000000000000'")]
    [InlineData("bit(64)", "0xFFFFFFFFFFFFFFFF", "b'1111111111111111111111111111111111111111111111111111111111111111'")]
    [InlineData("bit(16)", "0x0101", "b'100000001'")]
    [InlineData("bit(3)", "7", "b'111'")]
    [InlineData("bit", "1", "b'1'")]
    public void Default_reads_as_a_bit_literal(string type, string written, string stored)
    {
        var column = Clean($"CREATE TABLE t (c {type} DEFAULT {written});", SqlDialect.MariaDb).FindTable(My("t"))!.Columns[0];
        Assert.Equal(stored, column.Default);
    }

    [Fact]
    public void Default_null_and_set_default_follow_the_column()
    {
        var table = Clean("CREATE TABLE t (a bit(8) DEFAULT NULL, b bit(1) NOT NULL DEFAULT 0);\nALTER TABLE t ALTER COLUMN a SET DEFAULT 6;", SqlDialect.MariaDb).FindTable(My("t"))!;
        Assert.Equal(["b'110'", "b'0'"], table.Columns.Select(c => c.Default));
    }

    [Fact]
    public void Information_schema_column_default_is_the_stored_bit_literal()
    {
        var column = Clean("CREATE TABLE t (c bit(8) DEFAULT 5);", SqlDialect.MariaDb).FindTable(My("t"))!.Columns[0];
        Assert.Equal("b'101'", MariaDbColumnDefaultText.Of(column, SqlDialect.MariaDb));
    }

    [Theory]
    [InlineData("bit(1)", "2")]
    [InlineData("bit(1)", "b'10'")]
    [InlineData("bit(3)", "8")]
    [InlineData("bit(8)", "256")]
    [InlineData("bit(8)", "-1")]
    [InlineData("bit(8)", "255.5")]
    [InlineData("bit(8)", "'ab'")]
    [InlineData("bit(1)", "'0'")]
    [InlineData("bit(8)", "0x0101")]
    [InlineData("bit(8)", "b'100000000'")]
    [InlineData("bit(64)", "18446744073709551616")]
    [InlineData("bit(64)", "0x01FFFFFFFFFFFFFFFF")]
    public void Default_wider_than_the_column_is_refused(string type, string written)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (c {type} DEFAULT {written});", SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        var defaultColumn = "CREATE TABLE t (c ".Length + type.Length + 2;
        Assert.Equal((DiagnosticCodes.DefaultNotOfColumnType, DiagnosticSeverity.Error, 1, defaultColumn), (refusal.Code, refusal.Severity, refusal.Line, refusal.Column));
        Assert.Contains("error 1067", refusal.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(My("t")));
    }

    [Fact]
    public void Shapes_not_read_keep_the_written_text()
    {
        // An exponent, a negative fraction and a string outside ASCII were not checked.
        var table = Run("CREATE TABLE t (a bit(8) DEFAULT 1e1, b bit(8) DEFAULT (1+1));", SqlDialect.MariaDb).Catalog.FindTable(My("t"))!;
        Assert.Equal(["1e1", "1+1"], table.Columns.Select(c => c.Default));
    }

    [Fact]
    public void MySql_keeps_the_written_default()
    {
        // MySQL 8's COLUMN_DEFAULT for BIT was not checked against a server.
        var table = Clean("CREATE TABLE t (a bit(1) DEFAULT 1, b bit(8) DEFAULT b'101');", SqlDialect.MySql).FindTable(My("t"))!;
        Assert.Equal(["1", "b'101'"], table.Columns.Select(c => c.Default));
    }
}
