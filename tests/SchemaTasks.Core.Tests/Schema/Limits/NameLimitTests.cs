using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema.Limits;

public class NameLimitTests
{
    private static readonly string Long70 = new('a', 70);

    [Fact]
    public void PostgresNameOver63Bytes_IsTruncatedWithAWarningAtTheName()
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE \n  {Long70} (id int);");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.IdentifierTruncated, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal((2, 3), (warning.Line, warning.Column));
        Assert.Equal([Pg(new string('a', 63))], catalog.Tables.Keys);
    }

    [Theory]
    [InlineData("CREATE INDEX")]
    [InlineData("CREATE UNIQUE INDEX")]
    [InlineData("CREATE INDEX CONCURRENTLY IF NOT EXISTS")]
    [InlineData("DROP INDEX")]
    public void AnIndexNameOver63Bytes_IsWarnedAboutAsTheServerNotices(string statement)
    {
        var on = statement.StartsWith("DROP", StringComparison.Ordinal) ? ";" : " ON t (lower(a));";
        var (_, diagnostics) = Run($"CREATE TABLE t (a text);\n{statement} {Long70}{on}");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.IdentifierTruncated, 2), (warning.Code, warning.Line));
    }

    [Fact]
    public void TwoLongNamesDifferingAfterByte63_AreTheSameObject()
    {
        var (_, diagnostics) = Run($"CREATE TABLE \"{Long70}x\" (id int);\nCREATE TABLE \"{Long70}y\" (id int);");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TableExists && d.Line == 2);
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.IdentifierTruncated));
    }

    [Fact]
    public void MultiByteName_IsCutOnACharacterBoundary()
    {
        // 31 two-byte letters are 62 bytes; the 32nd would end at byte 64, so it goes whole.
        var name = new string('é', 40);
        Assert.Equal(new string('é', 31), PostgresNames.Truncate(name));
        Assert.Equal("ab" + new string('€', 20) + "c", PostgresNames.Truncate("ab" + new string('€', 20) + "cd" + new string('€', 3)));

        // A surrogate pair (4 bytes) is never split.
        var emoji = new string('x', 61) + "😀";
        Assert.Equal(new string('x', 61), PostgresNames.Truncate(emoji));

        var catalog = Run($"CREATE TABLE \"{name}\" (id int);").Catalog;
        Assert.Equal(new string('é', 31), Assert.Single(catalog.Tables.Keys).Name);
    }

    [Fact]
    public void LongColumnName_IsTruncatedAndCheckOnItStillRestrictsIt()
    {
        var column = new string('c', 70);
        var catalog = Run($"CREATE TABLE t ({column} text CHECK ({column} IN ('a', 'b')));").Catalog;
        var kept = new string('c', 63);
        Assert.Equal(["a", "b"], catalog.GetAllowedValues(Pg("t"), kept)!.Values.ToArray());
    }

    [Theory]
    [InlineData(60, 10, "check", 63)]
    [InlineData(10, 60, "check", 63)]
    [InlineData(40, 40, "check", 63)]
    public void GeneratedNames_ShortenTheLongerPartFirst(int tableLength, int columnLength, string label, int expectedLength)
    {
        var name = PostgresNames.MakeObjectName(new string('t', tableLength), new string('c', columnLength), label);
        Assert.Equal(expectedLength, name.Length);
        Assert.EndsWith("_" + label, name, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedCheckName_OfLongTableAndColumn_IsWhatPostgresMakes()
    {
        var table = new string('t', 40);
        var column = new string('c', 40);
        var catalog = Clean($"CREATE TABLE {table} ({column} text CHECK ({column} <> ''), CHECK ({column} <> 'x'));");
        var names = catalog.FindTable(Pg(table))!.Checks.Select(c => c.Name).ToArray();

        // 63 - "_check" (6) - "_" (1) = 56 bytes for the two parts: 28 each.
        Assert.Equal(new string('t', 28) + "_" + new string('c', 28) + "_check", names[0]);
        Assert.Equal(new string('t', 28) + "_" + new string('c', 27) + "_check1", names[1]);
    }

    [Fact]
    public void SerialSequenceName_IsShortenedLikePostgres()
    {
        var table = new string('t', 50);
        var catalog = Clean($"CREATE TABLE {table} (identifier serial);");
        var sequence = new string('t', 48) + "_identifier_seq";
        Assert.Equal($"nextval('{sequence}'::regclass)", catalog.FindTable(Pg(table))!.Columns[0].Default);
    }

    [Fact]
    public void PostgresTableWith1600Columns_IsFine_And1601_IsError()
    {
        Clean(Table(1600));
        var (catalog, diagnostics) = Run(Table(1601));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TooManyColumns, error.Code);
        Assert.Contains("1601", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Tables);
    }

    [Fact]
    public void AddingColumnPast1600_IsErrorAtTheAddColumn()
    {
        var (_, diagnostics) = Run(Table(1599) + "\nALTER TABLE t ADD COLUMN x int, ADD COLUMN y int;");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.TooManyColumns, 2), (error.Code, error.Line));
    }

    [Fact]
    public void MySqlTableWith4097Columns_IsError()
    {
        Clean(Table(4096), SqlDialect.MySql);
        Assert.Equal(DiagnosticCodes.TooManyColumns, Assert.Single(Run(Table(4097), SqlDialect.MySql).Diagnostics).Code);
    }

    // How the time grows with the columns is the growth guard's to measure (Performance/LinearGrowthTests):
    // a clock here would fail on a busy machine and pass a slow path on a fast one.
    [Fact]
    public void HugeTable_IsRefusedOnce()
    {
        var (_, diagnostics) = Run(Table(200_000));
        Assert.Equal(DiagnosticCodes.TooManyColumns, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void AddingColumnsOneByOne_Reaches1600()
    {
        var sql = "CREATE TABLE t (c0 int);\n" + string.Concat(Enumerable.Range(1, 1599).Select(i => $"ALTER TABLE t ADD COLUMN c{i} int;\n"));
        var catalog = Clean(sql);
        Assert.Equal(1600, catalog.FindTable(Pg("t"))!.Columns.Length);
    }

    [Fact]
    public void MySqlNameOver64Characters_IsError()
    {
        Clean($"CREATE TABLE `{new string('é', 64)}` (id int);", SqlDialect.MySql);
        var (_, diagnostics) = Run($"CREATE TABLE t (id int, CONSTRAINT `{new string('c', 65)}` CHECK (id > 0));", SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.IdentifierTooLong, error.Code);
        Assert.Equal((1, 36), (error.Line, error.Column));
    }

    private static string Table(int columns)
        => "CREATE TABLE t (" + string.Join(", ", Enumerable.Range(0, columns).Select(i => $"c{i} int")) + ");";
}
