using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Core.Tests.ValueSets;

/// <summary>The value-set file as the analyzer reads back what the build wrote.</summary>
public sealed class ValueSetFileTests
{
    [Fact]
    public void WrittenObjects_ReadBackPartForPart_DotsTabsAndBackslashesIncluded()
    {
        ValueSetObject[] objects =
        [
            new(ValueSetObjectKind.EnumType, "a.b", "my.status", "", "enum type \"a.b\".\"my.status\"", "ALTER TYPE \"a.b\".\"my.status\" ADD VALUE {value};", ["on", "tab\there", @"back\slash"]),
            new(ValueSetObjectKind.Column, "", "t.x", "c.y", "column `t.x`.`c.y` (ENUM)", "ALTER DOMAIN d DROP CONSTRAINT c;\nALTER DOMAIN d ADD CHECK (VALUE IN ({value}));", ["line\nbreak", "cr\r"]),
        ];

        var (contents, error) = ValueSetFile.Read(ValueSetFile.Write(new ValueSetContents("mariadb", objects)));

        Assert.Null(error);
        Assert.Equal("mariadb", contents!.Dialect);
        Assert.Equal(objects.Length, contents.Objects.Count);
        for (var i = 0; i < objects.Length; i++)
        {
            var (written, read) = (objects[i], contents.Objects[i]);
            Assert.Equal(
                (written.Kind, written.Schema, written.Name, written.Column, written.Description, written.FixTemplate),
                (read.Kind, read.Schema, read.Name, read.Column, read.Description, read.FixTemplate));
            Assert.Equal(written.Values, read.Values);
        }
    }

    [Fact]
    public void CatalogWithDottedNames_RoundTripsThroughTheFileInParts()
    {
        var set = MigrationDiscovery.Discover([new MigrationSourceFile("1_init.sql", """
            CREATE SCHEMA "a.b";
            CREATE TYPE "a.b"."my.status" AS ENUM ('on', 'off');
            CREATE TABLE "a.b"."job.s" ("state.now" "a.b"."my.status");
            """)]).Set!;
        var catalog = SchemaEngine.Build(set, SqlDialect.Postgres).Final;

        var (contents, error) = ValueSetFile.Read(ValueSetWriter.Write(catalog));

        Assert.Null(error);
        var type = Assert.Single(contents!.Objects, o => o.IsEnumType);
        Assert.Equal(("a.b", "my.status", ""), (type.Schema, type.Name, type.Column));
        Assert.Equal("ALTER TYPE \"a.b\".\"my.status\" ADD VALUE {value};", type.FixTemplate);
        var column = Assert.Single(contents.Objects, o => !o.IsEnumType);
        Assert.Equal(("a.b", "job.s", "state.now"), (column.Schema, column.Name, column.Column));
        Assert.Equal("column \"a.b\".\"job.s\".\"state.now\" (enum type \"a.b\".\"my.status\")", column.Description);
        Assert.Equal("ALTER TYPE \"a.b\".\"my.status\" ADD VALUE 'off';\n", FixSql.Render([(column.FixTemplate, "off")], QuotingStyle.Postgres));
    }

    [Fact]
    public void AnotherFormatVersion_IsRefusedNamingBothVersions()
    {
        var (contents, error) = ValueSetFile.Read("schematasks-value-sets\t2\tpostgres\nobject\tenum\tpublic\tx\t\td\tf\n");

        Assert.Null(contents);
        Assert.StartsWith("the value-set file is in format 2, and this analyzer reads format 1;", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("something else\n", "does not start with its header")]
    [InlineData("schematasks-value-sets\t1\tpostgres\nobject\ttable\tpublic\tx\t\td\tf\n", "line 2 of the value-set file is not understood")]
    [InlineData("schematasks-value-sets\t1\tpostgres\nvalue\torphan\n", "line 2 of the value-set file is not understood")]
    public void MalformedFile_IsRefusedWithWhereItGoesWrong(string text, string expected)
    {
        var (contents, error) = ValueSetFile.Read(text);

        Assert.Null(contents);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
