using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// <c>SchemaMigrationsHistoryTable</c>: DataEase configures Flyway with <c>table=de_standalone_version</c>
/// and its migrations alter that table; named in the property, it is the tool's, as
/// <c>flyway_schema_history</c> is by default, so the build succeeds and the snapshot leaves it out.
/// </summary>
public sealed class HistoryTableBuildTests
{
    [Fact]
    public async Task FlywayFolder_AlteringItsConfiguredHistoryTable_Builds()
    {
        using var fixture = FixtureProject.Create("BuildOnly")
            .WithProperty("SchemaMigrationsLayout", "flyway")
            .WithProperty("SchemaDialect", "mariadb")
            .WithProperty("SchemaMigrationsHistoryTable", "de_standalone_version");
        var migrations = Directory.CreateDirectory(fixture.PathOf("Migrations")).FullName;
        File.WriteAllText(Path.Combine(migrations, "V1__init.sql"), "CREATE TABLE core_store (id bigint PRIMARY KEY);\n");
        File.WriteAllText(Path.Combine(migrations, "V2__comments.sql"), "ALTER TABLE `de_standalone_version` COMMENT = 'migration history';\n");

        var build = await fixture.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        var snapshot = File.ReadAllText(fixture.PathOf("schema.snapshot.json"));
        Assert.Contains("\"core_store\"", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("de_standalone_version", snapshot, StringComparison.Ordinal);
    }
}
