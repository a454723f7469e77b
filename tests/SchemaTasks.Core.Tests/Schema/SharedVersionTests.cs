using System.Collections.Immutable;
using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Tables and enum types grown one statement at a time share their columns and labels with the
/// version before (so a long run stays linear); each version must still read exactly as if it
/// had been copied. Tables are tried narrow (40 columns: copied) and wide (100: past the width
/// where a table starts sharing its columns, so both ways and the switch between them).
/// </summary>
public class SharedVersionTests
{
    private static string AddColumns(string table, int count, Func<int, string>? name = null)
    {
        var sql = new StringBuilder();
        for (var i = 0; i < count; i++) sql.Append($"ALTER TABLE {table} ADD COLUMN {(name ?? (n => $"c{n}"))(i)} integer;\n");
        return sql.ToString();
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void ColumnsAddedOneByOne_KeepTheirOrder_AndTheTableBeforeIsUnchanged(int width)
    {
        var before = Clean("CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width));
        var after = SchemaEngine.Apply(before, "ALTER TABLE wide ADD COLUMN extra text;", "m.sql").Catalog;

        Assert.Equal(["id", .. Enumerable.Range(0, width).Select(i => $"c{i}")], before.Tables[Pg("wide")].Columns.Select(c => c.Name));
        Assert.Equal(width + 2, after.Tables[Pg("wide")].Columns.Length);
        Assert.Equal("extra", after.Tables[Pg("wide")].Columns[^1].Name);
        Assert.Equal($"c{width - 1}", after.Tables[Pg("wide")].FindColumn($"c{width - 1}", SqlDialect.Postgres)?.Name);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void WideTable_FindsAnExistingColumn_AsTheDialectComparesNames(int width)
    {
        var setup = "CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width);

        // MySQL compares column names ignoring case: C7 is c7.
        var (_, mysql) = Run(setup + "ALTER TABLE wide ADD COLUMN C7 integer;", SqlDialect.MySql);
        var exists = Assert.Single(mysql);
        Assert.Equal((DiagnosticCodes.ColumnExists, width + 2), (exists.Code, exists.Line));

        // PostgreSQL keeps a quoted name's case: "C7" is another column.
        var postgres = Clean(setup + "ALTER TABLE wide ADD COLUMN \"C7\" integer;\nALTER TABLE wide ADD COLUMN IF NOT EXISTS c7 integer;");
        Assert.Equal(width + 2, postgres.Tables[Pg("wide")].Columns.Length);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void WideTable_AfterAColumnIsPlacedOrDropped_FindsColumnsAtTheirNewPositions(int width)
    {
        var catalog = Clean(
            "CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width) +
            "ALTER TABLE wide ADD COLUMN early integer FIRST;\n" +
            "ALTER TABLE wide DROP COLUMN c3;\n" +
            $"ALTER TABLE wide MODIFY COLUMN c{width - 1} varchar(10) NOT NULL;\n" +
            "ALTER TABLE wide ADD COLUMN late integer;\n" +
            $"ALTER TABLE wide RENAME COLUMN c{width - 2} TO renamed;",
            SqlDialect.MySql);

        var table = catalog.Tables[My("wide")];
        Assert.Equal(["early", "id", "c0", "c1", "c2", "c4"], table.Columns.Take(6).Select(c => c.Name));
        Assert.Equal([$"c{width - 3}", "renamed", $"c{width - 1}", "late"], table.Columns.TakeLast(4).Select(c => c.Name));
        Assert.False(table.FindColumn($"c{width - 1}", SqlDialect.MySql)!.IsNullable);
        Assert.Null(table.FindColumn("c3", SqlDialect.MySql));
        Assert.Null(table.FindColumn($"c{width - 2}", SqlDialect.MySql));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void WideTable_ColumnsChangedInPlaceThenRenamed_AreFoundByTheirCurrentNamesOnly(int width)
    {
        // A column changed in place keeps its position, so the next version reuses the index of
        // positions the lookup built; a rename must not.
        var catalog = Clean(
            "CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width) +
            "ALTER TABLE wide ALTER COLUMN c5 SET NOT NULL;\n" +
            "ALTER TABLE wide ALTER COLUMN c5 TYPE text;\n" +
            "ALTER TABLE wide ALTER COLUMN c6 SET DEFAULT 1;\n" +
            "ALTER TABLE wide RENAME COLUMN c5 TO five;\n" +
            "ALTER TABLE wide ALTER COLUMN five DROP NOT NULL;\n" +
            "ALTER TABLE wide ALTER COLUMN c6 TYPE bigint;\n" +
            "ALTER TABLE wide ADD COLUMN c5 boolean;");

        var table = catalog.Tables[Pg("wide")];
        var five = table.FindColumn("five", SqlDialect.Postgres)!;
        Assert.Equal(("text", true), (five.Type, five.IsNullable));
        Assert.Equal("five", table.Columns[6].Name);
        Assert.Equal(("bigint", "1"), (table.FindColumn("c6", SqlDialect.Postgres)!.Type, table.FindColumn("c6", SqlDialect.Postgres)!.Default));
        Assert.Equal(("boolean", width + 1), (table.FindColumn("c5", SqlDialect.Postgres)!.Type, table.Columns.IndexOf(table.FindColumn("c5", SqlDialect.Postgres)!)));
    }

    [Fact]
    public void LabelsAddedOneByOne_KeepTheirOrder_AndTheTypeBeforeIsUnchanged()
    {
        var sql = new StringBuilder("CREATE TYPE status AS ENUM ('first');\n");
        for (var i = 0; i < 50; i++) sql.Append($"ALTER TYPE status ADD VALUE 'v{i}';\n");
        sql.Append("ALTER TYPE status ADD VALUE 'between' BEFORE 'v1';\n");
        var before = Clean(sql.ToString());
        var after = SchemaEngine.Apply(before, "ALTER TYPE status ADD VALUE 'last';\nALTER TYPE status ADD VALUE IF NOT EXISTS 'v7';", "m.sql").Catalog;

        var type = before.EnumTypes[Pg("status")];
        Assert.Equal(52, type.LabelCount);
        Assert.Equal(["first", "v0", "between", "v1", "v2"], type.Labels.Take(5));
        Assert.True(type.HasLabel("v49"));
        Assert.False(type.HasLabel("last"));
        Assert.Equal("last", after.EnumTypes[Pg("status")].Labels[^1]);
        Assert.Equal(53, after.EnumTypes[Pg("status")].LabelCount);
    }

    [Fact]
    public void RepeatedLabel_InALongType_IsStillRefused()
    {
        var sql = new StringBuilder("CREATE TYPE status AS ENUM ('first');\n");
        for (var i = 0; i < 50; i++) sql.Append($"ALTER TYPE status ADD VALUE 'v{i}';\n");
        var (_, diagnostics) = Run(sql + "ALTER TYPE status ADD VALUE 'v30';\nALTER TYPE status ADD VALUE 'x' AFTER 'missing';");

        Assert.Equal(
            [(DiagnosticCodes.EnumLabelExists, 52), (DiagnosticCodes.EnumLabelNotFound, 53)],
            diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void EnumTypes_AreEqual_WhenNamesAndLabelsAre_HoweverTheyWereMade()
    {
        var grown = Clean("CREATE TYPE status AS ENUM ('a');\nALTER TYPE status ADD VALUE 'b';\nALTER TYPE status ADD VALUE 'c';").EnumTypes[Pg("status")];
        var written = new CatalogEnumType(Pg("status"), ["a", "b", "c"]);

        Assert.Equal(written, grown);
        Assert.Equal(written.GetHashCode(), grown.GetHashCode());
        Assert.NotEqual(written, written with { Labels = ["a", "c", "b"] });
        Assert.NotEqual(written, new CatalogEnumType(Pg("other"), ["a", "b", "c"]));
        Assert.Equal([], new CatalogEnumType(Pg("empty"), default).Labels);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void Tables_AreEqual_WhateverHoldsTheirColumns_AndStayEqualOnceRead(int width)
    {
        var catalog = Clean("CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width));
        var grown = catalog.Tables[Pg("wide")];
        var twin = grown with { }; // shares how the columns are held, until one of them is read
        var other = Clean("CREATE TABLE wide (id bigint PRIMARY KEY);\n" + AddColumns("wide", width, i => i == width - 1 ? "last" : $"c{i}")).Tables[Pg("wide")];

        // Reading one table's columns or looking one up builds its array and index; equality does not move.
        Assert.Equal(twin, grown);
        _ = grown.FindColumn("c7", SqlDialect.Postgres);
        Assert.Equal(twin, grown);
        Assert.Equal(twin.GetHashCode(), grown.GetHashCode());

        // Columns held as an array from the start are the same columns.
        var copied = twin with { Columns = [.. twin.Columns] };
        Assert.Equal(copied, grown);
        Assert.NotEqual(other with { Checks = grown.Checks, OtherConstraints = grown.OtherConstraints, Keys = grown.Keys }, grown);
    }
}
