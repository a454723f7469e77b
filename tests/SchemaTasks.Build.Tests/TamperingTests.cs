using System.Text;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>An assembly changed after its build must be refused before any SQL is handed out.</summary>
public sealed class TamperingTests
{
    [Fact]
    public async Task EditedMigrationInsideTheAssembly_IsRefusedWithItsName()
    {
        using var fixture = await BuildPrismaAppAsync();
        var assembly = Directory.GetFiles(fixture.PathOf("bin"), "App.dll", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(assembly);
        var original = Encoding.UTF8.GetBytes("ADD VALUE 'CANCELLED'");
        var tampered = Encoding.UTF8.GetBytes("ADD VALUE 'CANCELLEX'");
        var at = bytes.AsSpan().IndexOf(original);
        Assert.True(at >= 0, "the migration text should be embedded verbatim");
        tampered.CopyTo(bytes, at);
        File.WriteAllBytes(assembly, bytes);

        var run = await fixture.RunBuiltAppAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error ST5003", run.Error, StringComparison.Ordinal);
        Assert.Contains("20250909044604_add_cancelled_job_status", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CANCELLEX", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedMigrationInTheDevelopmentFolder_IsRefusedWithItsName()
    {
        using var fixture = await BuildPrismaAppAsync(embed: false);
        var bundle = Directory.GetFiles(fixture.PathOf("bin"), "migrations.bundle", SearchOption.AllDirectories).Single();
        Assert.EndsWith(Path.Combine("App.schematasks", "migrations.bundle"), bundle, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(bundle);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("ADD VALUE 'CANCELLED'"));
        Assert.True(at >= 0, "the migration text should be in the bundle verbatim");
        Encoding.UTF8.GetBytes("ADD VALUE 'CANCELLEX'").CopyTo(bytes, at);
        File.WriteAllBytes(bundle, bytes);

        var run = await fixture.RunBuiltAppAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error ST5003", run.Error, StringComparison.Ordinal);
        Assert.Contains("20250909044604_add_cancelled_job_status", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SchemaTasks/Migrations/extra.sql")] // not in the manifest
    [InlineData("SchemaTasks/Migrations/20250801120000_init/migration.sql")] // in the manifest, and in the bundle
    public async Task ResourceOfItsOwnUnderTheMigrationsPrefix_IsRefused(string logicalName)
    {
        using var fixture = await BuildPrismaAppAsync(targets: $"""
            <ItemGroup>
              <EmbeddedResource Include="extra.sql" LogicalName="{logicalName}" />
            </ItemGroup>
            """, extraFile: "extra.sql");

        var run = await fixture.RunBuiltAppAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error ST5004", run.Error, StringComparison.Ordinal);
        Assert.Contains(logicalName, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrationsRemovedFromResources_AreReportedMissing()
    {
        using var fixture = await BuildPrismaAppAsync(targets: """
            <Target Name="RemoveTheMigrations" AfterTargets="_SchemaEmbedMigrations">
              <ItemGroup>
                <EmbeddedResource Remove="@(EmbeddedResource)" Condition="'%(EmbeddedResource.LogicalName)' == 'SchemaTasks/migrations.bundle'" />
              </ItemGroup>
            </Target>
            """);

        var run = await fixture.RunBuiltAppAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error ST5002", run.Error, StringComparison.Ordinal);
        Assert.Contains("20250801120000_init", run.Error, StringComparison.Ordinal);
    }

    // Embedded even in this Debug build: these tests change the assembly itself.
    private static async Task<FixtureProject> BuildPrismaAppAsync(string? targets = null, string? extraFile = null, bool embed = true)
    {
        var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        if (embed)
        {
            fixture.WithProperty("SchemaEmbedInAssembly", "true");
        }

        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        if (targets is not null)
        {
            fixture.WithTargets(targets);
        }

        if (extraFile is not null)
        {
            File.WriteAllText(fixture.PathOf(extraFile), "DROP TABLE \"Job\";\n");
        }

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        return fixture;
    }
}
