using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Enum labels added <c>BEFORE</c>/<c>AFTER</c> another and MySQL columns placed
/// <c>FIRST</c>/<c>AFTER</c> another are placed next to a named neighbour without finding its
/// position (so long runs stay linear); the order, the errors and the versions before must be
/// exactly what placing by position gave.
/// </summary>
public class PlacementTests
{
    [Fact]
    public void LabelsAddedBeforeAndAfterOthers_LandNextToThem_AndTheTypeBeforeIsUnchanged()
    {
        var sql = new StringBuilder("CREATE TYPE status AS ENUM ('first', 'last');\n");
        for (var i = 0; i < 40; i++) sql.Append($"ALTER TYPE status ADD VALUE 'b{i}' BEFORE 'last';\n");
        sql.Append("ALTER TYPE status ADD VALUE 'a0' AFTER 'first';\nALTER TYPE status ADD VALUE 'a1' AFTER 'a0';\n");
        sql.Append("ALTER TYPE status ADD VALUE 'z' AFTER 'last';\nALTER TYPE status ADD VALUE 'y' BEFORE 'first';\n");
        var before = Clean(sql.ToString());
        var after = SchemaEngine.Apply(before, "ALTER TYPE status ADD VALUE 'mid' BEFORE 'b20';\nALTER TYPE status ADD VALUE IF NOT EXISTS 'b3' BEFORE 'first';", "m.sql").Catalog;

        string[] expected = ["y", "first", "a0", "a1", .. Enumerable.Range(0, 40).Select(i => $"b{i}"), "last", "z"];
        Assert.Equal(expected, before.EnumTypes[Pg("status")].Labels);
        Assert.Equal(new CatalogEnumType(Pg("status"), [.. expected]), before.EnumTypes[Pg("status")]);
        Assert.Equal(expected.Length + 1, after.EnumTypes[Pg("status")].LabelCount);
        Assert.Equal(["b19", "mid", "b20"], after.EnumTypes[Pg("status")].Labels.Skip(23).Take(3));
    }

    [Fact]
    public void LabelPlacedNextToAMissingOne_OrRepeated_IsRefusedWhereItWas()
    {
        var sql = new StringBuilder("CREATE TYPE status AS ENUM ('first');\n");
        for (var i = 0; i < 40; i++) sql.Append($"ALTER TYPE status ADD VALUE 'v{i}' BEFORE 'first';\n");
        var (catalog, diagnostics) = Run(sql + "ALTER TYPE status ADD VALUE 'v3' AFTER 'v9';\nALTER TYPE status ADD VALUE 'x' BEFORE 'missing';\nALTER TYPE status ADD VALUE 'v5' AFTER 'missing';");

        Assert.Equal(
            [(DiagnosticCodes.EnumLabelExists, 42, 1), (DiagnosticCodes.EnumLabelNotFound, 43, 1), (DiagnosticCodes.EnumLabelExists, 44, 1)],
            diagnostics.Select(d => (d.Code, d.Line, d.Column)));
        Assert.StartsWith("ADD VALUE 'x' BEFORE 'missing': enum type status has no label 'missing' (it has 'v0', 'v1',", diagnostics[1].Message);
        Assert.Equal(41, catalog.EnumTypes[Pg("status")].LabelCount);
    }

    // 40 columns: the table is copied at each change; 100: it shares its columns with the version before.
    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void ColumnsPlacedFirstOrAfterOthers_LandThere_AndTheTableBeforeIsUnchanged(int width)
    {
        var sql = new StringBuilder("CREATE TABLE wide (id bigint PRIMARY KEY, middle integer, tail integer);\n");
        for (var i = 0; i < width; i++) sql.Append($"ALTER TABLE wide ADD COLUMN c{i} integer AFTER middle;\n");
        sql.Append("ALTER TABLE wide ADD COLUMN head integer FIRST;\nALTER TABLE wide ADD COLUMN later integer AFTER MIDDLE;\n");
        var before = Clean(sql.ToString(), SqlDialect.MySql);
        var after = SchemaEngine.Apply(before, "ALTER TABLE wide ADD COLUMN end integer AFTER tail, ADD COLUMN nowhere integer AFTER end;", "m.sql").Catalog;

        string[] expected = ["head", "id", "middle", "later", .. Enumerable.Range(0, width).Reverse().Select(i => $"c{i}"), "tail"];
        var table = before.Tables[My("wide")];
        Assert.Equal(expected, table.Columns.Select(c => c.Name));
        Assert.Equal(table with { Columns = [.. table.Columns] }, table);
        Assert.Equal(["tail", "end", "nowhere"], after.Tables[My("wide")].Columns.TakeLast(3).Select(c => c.Name));
    }

    // Checked on MariaDB 10.11: error 1054, and the statement changes nothing.
    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN x int AFTER missing;")]
    [InlineData("ALTER TABLE t ADD COLUMN r int AFTER r;")]
    [InlineData("ALTER TABLE t DROP COLUMN b, ADD COLUMN z int AFTER b;")]
    [InlineData("ALTER TABLE t MODIFY COLUMN b bigint AFTER b;")]
    [InlineData("ALTER TABLE t CHANGE COLUMN a a2 int, ADD COLUMN q int AFTER a;")]
    [InlineData("ALTER TABLE t CHANGE COLUMN a a2 int, CHANGE COLUMN a2 a3 int;")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO a2, MODIFY COLUMN a2 bigint;")]
    [InlineData("ALTER TABLE t ADD COLUMN x int, CHANGE COLUMN x x2 int;")]
    [InlineData("ALTER TABLE t MODIFY COLUMN a bigint, MODIFY COLUMN a smallint;")]
    [InlineData("ALTER TABLE t DROP COLUMN a, MODIFY COLUMN a bigint;")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO a2, DROP COLUMN a2;")]
    [InlineData("ALTER TABLE t ADD COLUMN x int, DROP COLUMN x;")]
    public void NamesTheServerDoesNotResolveInOneAlterTable_AreRefused(string alter)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int, b int, c int);\n" + alter, SqlDialect.MariaDb);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 2), (error.Code, error.Line));
        Assert.Equal(["a", "b", "c"], catalog.Tables[My("t")].Columns.Select(c => c.Name));
    }

    // Also checked on MariaDB 10.11: these go through.
    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN x int, ADD COLUMN y int AFTER x;", "a,b,c,x,y")]
    [InlineData("ALTER TABLE t CHANGE COLUMN a a2 int, ADD COLUMN q int AFTER a2;", "a2,q,b,c")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO a2, ADD COLUMN q int AFTER a2;", "a2,q,b,c")]
    [InlineData("ALTER TABLE t DROP COLUMN b, ADD COLUMN b int;", "a,c,b")]
    [InlineData("ALTER TABLE t ADD COLUMN x int, MODIFY COLUMN x bigint;", "a,b,c,x")]
    [InlineData("ALTER TABLE t CHANGE COLUMN a a2 int, ADD COLUMN a int;", "a2,b,c,a")]
    [InlineData("ALTER TABLE t MODIFY COLUMN b bigint AFTER c, ADD COLUMN q int AFTER b;", "a,c,b,q")]
    public void NamesTheServerResolvesInOneAlterTable_AreApplied(string alter, string columns)
    {
        var catalog = Clean("CREATE TABLE t (a int, b int, c int);\n" + alter, SqlDialect.MariaDb);

        Assert.Equal(columns, string.Join(",", catalog.Tables[My("t")].Columns.Select(c => c.Name)));
    }

    // A wide table's index of column positions serves the versions that only add columns after
    // the ones it holds: a column added since is found by name (under the dialect's comparison),
    // and none is found at a position a drop has changed.
    [Theory]
    [InlineData(SqlDialect.Postgres)]
    [InlineData(SqlDialect.MySql)]
    public void ColumnsAddedToAWideTable_AreFoundByName_AfterEachAddition(SqlDialect dialect)
    {
        var sql = new StringBuilder("CREATE TABLE wide (id bigint PRIMARY KEY, " + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"c{i} integer")) + ");\n");
        var added = dialect == SqlDialect.MySql ? "C" : "c";
        for (var i = 40; i < 120; i++)
        {
            sql.Append($"ALTER TABLE wide ADD COLUMN c{i} integer;\nALTER TABLE wide ALTER COLUMN {added}{i} SET DEFAULT 1;\nALTER TABLE wide ALTER COLUMN c{i - 40} SET DEFAULT 2;\n");
        }

        sql.Append("ALTER TABLE wide DROP COLUMN c3;\nALTER TABLE wide ALTER COLUMN c119 SET DEFAULT 3;\nALTER TABLE wide ALTER COLUMN c4 SET DEFAULT 3;\n");
        var catalog = Clean(sql.ToString(), dialect);

        var table = catalog.Tables[dialect == SqlDialect.MySql ? My("wide") : Pg("wide")];
        string?[] expected = [null, .. Enumerable.Range(0, 120).Where(i => i != 3).Select(i => i is 4 or 119 ? "3" : i < 80 ? "2" : "1")];
        Assert.Equal(expected, table.Columns.Select(c => c.Default));
        Assert.Equal(["id", .. Enumerable.Range(0, 120).Where(i => i != 3).Select(i => $"c{i}")], table.Columns.Select(c => c.Name));
    }

    // 40 columns: the table is copied at each change; 100: it shares its columns with the version before.
    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void ModifyAndChange_MoveTheColumn_OrKeepItsPlace(int width)
    {
        var setup = "CREATE TABLE wide (id bigint PRIMARY KEY);\n" + string.Concat(Enumerable.Range(0, width).Select(i => $"ALTER TABLE wide ADD COLUMN c{i} integer;\n"));
        var catalog = Clean(
            setup +
            $"ALTER TABLE wide MODIFY COLUMN c{width - 1} varchar(10) NOT NULL FIRST;\n" +
            "ALTER TABLE wide CHANGE COLUMN c0 renamed bigint AFTER c5;\n" +
            "ALTER TABLE wide MODIFY COLUMN c7 text;\n" +
            "ALTER TABLE wide CHANGE COLUMN c8 C8 integer;\n" +
            "ALTER TABLE wide MODIFY COLUMN c9 integer;\n" +
            "ALTER TABLE wide MODIFY COLUMN c1 integer AFTER ID;",
            SqlDialect.MySql);

        var table = catalog.Tables[My("wide")];
        Assert.Equal([$"c{width - 1}", "id", "c1", "c2", "c3", "c4", "c5", "renamed", "c6", "c7", "C8", "c9", "c10"], table.Columns.Take(13).Select(c => c.Name));
        Assert.Equal(width + 1, table.Columns.Length);
        Assert.False(table.FindColumn($"C{width - 1}", SqlDialect.MySql)!.IsNullable);
        Assert.Equal("text", table.FindColumn("c7", SqlDialect.MySql)!.Type);
    }

    [Fact]
    public void ChangeToTheNameOfAnotherColumn_IsRefused()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int, b int, c int);\nALTER TABLE t CHANGE COLUMN a B int FIRST;\nALTER TABLE t MODIFY COLUMN missing int FIRST;", SqlDialect.MySql);

        Assert.Equal([(DiagnosticCodes.ColumnExists, 2), (DiagnosticCodes.ColumnNotFound, 3)], diagnostics.Select(d => (d.Code, d.Line)));
        Assert.Equal(["a", "b", "c"], catalog.Tables[My("t")].Columns.Select(c => c.Name));
    }

    [Fact]
    public void TableWithTwoColumnsOfOneName_PlacesAsTheFirstOfThemIsFound()
    {
        // Read from somewhere that kept both (MySQL would refuse them): no chain can hold them,
        // so the columns are moved by position, next to the first match as before.
        var empty = Clean("CREATE TABLE t (a int);", SqlDialect.MySql);
        var a = empty.Tables[My("t")].Columns[0];
        var catalog = empty.With(tables: empty.Tables.SetItem(My("t"), empty.Tables[My("t")] with { Columns = [a, a with { Name = "A" }] }));

        var (placed, diagnostics) = SchemaEngine.Apply(catalog, "ALTER TABLE t ADD COLUMN b int AFTER A;\nALTER TABLE t ADD COLUMN c int FIRST;\nALTER TABLE t MODIFY COLUMN b bigint FIRST;", "m.sql");

        Assert.Empty(diagnostics);
        Assert.Equal(["b", "c", "a", "A"], placed.Tables[My("t")].Columns.Select(c => c.Name));
        Assert.Equal("bigint", placed.Tables[My("t")].Columns[0].Type);
    }
}
