using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// <c>SchemaPopOptions</c>: pop renders <c>{{ index .Options "Namespace" }}</c> in its migrations
/// from its connection's options (as supabase's auth server places its tables), and so does the build.
/// </summary>
public sealed class PopOptionBuildTests
{
    [Fact]
    public async Task PopFolder_RendersTheOption_AndAChangedValueBuildsTheSchemaAgain()
    {
        using var fixture = FixtureProject.Create("BuildOnly")
            .WithProperty("SchemaMigrationsLayout", "pop")
            .WithProperty("SchemaDialect", "postgres");
        var migrations = Directory.CreateDirectory(fixture.PathOf("Migrations")).FullName;
        File.WriteAllText(Path.Combine(migrations, "00_init.up.sql"), "CREATE SCHEMA IF NOT EXISTS {{ index .Options \"Namespace\" }};\nCREATE TABLE {{ index .Options \"Namespace\" }}.users (id uuid PRIMARY KEY);\n");

        var auth = await fixture.BuildAsync("-p:SchemaPopOptions=Namespace=auth");
        Assert.True(auth.ExitCode == 0, auth.ToString());
        var authSnapshot = File.ReadAllText(fixture.PathOf("schema.snapshot.json"));
        var missing = await fixture.BuildAsync("-p:SchemaPopOptions=");
        var app = await fixture.BuildAsync("-p:SchemaPopOptions=Namespace=app");

        Assert.Contains("\"schema\": \"auth\"", authSnapshot, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("00_init.up.sql(1,29): error ST1036", missing.Output, StringComparison.Ordinal);
        Assert.Contains("Namespace=<value> to <SchemaPopOptions>", missing.Output, StringComparison.Ordinal);
        Assert.True(app.ExitCode == 0, app.ToString());
        Assert.Contains("\"schema\": \"app\"", File.ReadAllText(fixture.PathOf("schema.snapshot.json")), StringComparison.Ordinal);
    }
}
