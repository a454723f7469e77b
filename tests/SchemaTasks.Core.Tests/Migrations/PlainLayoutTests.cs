using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class PlainLayoutTests
{
    [Fact]
    public void PlainLayout_SortsNumbersNaturally()
    {
        var set = new MigrationFolder()
            .With("10_x.sql")
            .With("2_x.sql")
            .With("1_x.sql")
            .DiscoverClean();

        Assert.Equal(["1_x.sql", "2_x.sql", "10_x.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void PlainLayout_IdVersionAndNameAreTheFileNameWithoutExtension()
    {
        var migration = Assert.Single(new MigrationFolder().With("Script0001 - Create tables.sql").DiscoverClean().Migrations);

        Assert.Equal("Script0001 - Create tables", migration.Id);
        Assert.Equal("Script0001 - Create tables", migration.Version);
        Assert.Equal("Script0001 - Create tables", migration.Name);
    }

    [Fact]
    public void PlainLayout_SqlIsTheWholeFile()
    {
        const string text = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
        var migration = Assert.Single(new MigrationFolder().With("1_x.sql", text).DiscoverClean().Migrations);

        Assert.Equal(text, migration.Sql);
        Assert.Equal(1, migration.SqlStartLine);
    }
}
