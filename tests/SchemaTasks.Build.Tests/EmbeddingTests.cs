using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class EmbeddingTests
{
    [Fact]
    public async Task Build_EmbedsEveryMigrationWithItsChecksum()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await fixture.RunBuiltAppAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "layout=Prisma dialect=Postgres",
                $"20250801120000_init {ExpectedChecksum.Of(Path.Combine(migrations, "20250801120000_init/migration.sql"))} 20250801120000_init/migration.sql",
                $"20250909044604_add_cancelled_job_status {ExpectedChecksum.Of(Path.Combine(migrations, "20250909044604_add_cancelled_job_status/migration.sql"))} 20250909044604_add_cancelled_job_status/migration.sql",
            ],
            lines);
    }

    [Fact]
    public async Task BuildPackage_AddsNoAssemblyToTheConsumer()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaDialect", "postgres");
        fixture.AddMigrations("PlainNumbered");

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());

        var outputFiles = Directory.GetFiles(fixture.PathOf("bin"), "*", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.DoesNotContain(outputFiles, name => name!.StartsWith("SchemaTasks", StringComparison.OrdinalIgnoreCase));
        using var assets = JsonDocument.Parse(File.ReadAllText(fixture.PathOf("obj/project.assets.json")));
        var package = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty($"SchemaTasks.Build/{RepositoryLayout.PackageVersion}");
        Assert.False(package.TryGetProperty("compile", out _), package.ToString());
        Assert.False(package.TryGetProperty("runtime", out _), package.ToString());
        Assert.True(package.TryGetProperty("build", out _), package.ToString());
    }

    [Fact]
    public async Task DebugBuild_WritesTheResourcesBesideTheAssembly_NotIntoIt()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await fixture.RunBuiltAppAsync();

        Assert.Empty(ResourcesOf(fixture.PathOf("bin/Debug/net10.0/App.dll")));
        Assert.Equal(
            ["manifest.json", "migrations.bundle", "snapshot.json"],
            Directory.GetFiles(fixture.PathOf("bin/Debug/net10.0/App.schematasks")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(fixture.ReadGeneratedManifest(), File.ReadAllText(fixture.PathOf("bin/Debug/net10.0/App.schematasks/manifest.json")));
        Assert.Equal(File.ReadAllText(fixture.PathOf("prisma/schema.snapshot.json")), File.ReadAllText(fixture.PathOf("bin/Debug/net10.0/App.schematasks/snapshot.json")));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("layout=Prisma dialect=Postgres", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugBuild_OfAReferencingProject_CarriesTheLibrarysFolder()
    {
        // A test project that references the library holding the migrations must find them
        // beside the library's assembly in its own output, as it finds the library there.
        using var fixture = FixtureProject.Create("Library");
        fixture.AddMigrations("Scenario1Prisma");
        var consumer = Path.Combine(fixture.Root, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SchemaTasks" Version="$(SchemaTasksVersion)" />
                <ProjectReference Include="../app/Library.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            var migrations = SchemaTasks.EmbeddedMigrations.Load(System.Reflection.Assembly.Load("Library"));
            foreach (var migration in migrations.Migrations) System.Console.WriteLine(migration.Id);
            """);

        var build = await fixture.BuildAsync("../consumer");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await DotnetCommand.RunAsync(consumer, new Dictionary<string, string>(), Path.Combine(consumer, "bin/Debug/net10.0/Consumer.dll"));

        Assert.True(File.Exists(Path.Combine(consumer, "bin/Debug/net10.0/Library.schematasks/manifest.json")));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["20250801120000_init", "20250909044604_add_cancelled_job_status"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task ReleaseBuild_EmbedsTheResources_AndWritesNoFolder()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");

        var build = await fixture.BuildAsync("-c", "Release");
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await fixture.RunBuiltAppAsync("Release");

        Assert.Equal(SchemaTasksResources, ResourcesOf(fixture.PathOf("bin/Release/net10.0/App.dll")));
        Assert.False(Directory.Exists(fixture.PathOf("bin/Release/net10.0/App.schematasks")));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("layout=Prisma dialect=Postgres", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainLayout_EmbedsInNaturalOrder()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaDialect", "postgres").WithProperty("SchemaEmbedInAssembly", "true");
        fixture.AddMigrations("PlainNumbered");

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await fixture.RunBuiltAppAsync();

        Assert.Equal(
            ["SchemaTasks/manifest.json", "SchemaTasks/migrations.bundle", "SchemaTasks/snapshot.json"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var manifest = fixture.ReadGeneratedManifest();
        Assert.True(
            manifest.IndexOf("1_init.sql", StringComparison.Ordinal) < manifest.IndexOf("2_add_b.sql", StringComparison.Ordinal)
            && manifest.IndexOf("2_add_b.sql", StringComparison.Ordinal) < manifest.IndexOf("10_add_c.sql", StringComparison.Ordinal),
            manifest);
    }

    [Fact]
    public async Task FSharpProject_EmbedsTheSameResources()
    {
        // The package's targets are written for any SDK-style project, not only C#'s: an F#
        // library gets the same three resources (the analyzer and the attributes are C# only).
        using var fixture = FixtureProject.Create("FSharpLibrary").WithProperty("SchemaDialect", "postgres");
        fixture.AddMigrations("PlainNumbered");

        var build = await fixture.BuildAsync("-c", "Release");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(SchemaTasksResources, ResourcesOf(fixture.PathOf("bin/Release/net10.0/FSharpLibrary.dll")));
    }

    private static readonly string[] SchemaTasksResources = ["SchemaTasks/manifest.json", "SchemaTasks/migrations.bundle", "SchemaTasks/snapshot.json"];

    // Not the F# compiler's own resources (FSharpSignatureData and the like).
    private static List<string> ResourcesOf(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        var metadata = reader.GetMetadataReader();
        return metadata.ManifestResources
            .Select(h => metadata.GetString(metadata.GetManifestResource(h).Name))
            .Where(name => !name.StartsWith("FSharp", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task MigrationsOutsideTheProject_AreReadInPlace_WithoutDownFiles()
    {
        using var fixture = FixtureProject.Create("App", projectFolder: "service").WithProperty("SchemaMigrationsDirectory", "../db/migrations").WithProperty("SchemaDialect", "mysql");
        fixture.AddMigrations("GolangMigrate", "../db/migrations");

        var build = await fixture.BuildAsync();
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = await fixture.RunBuiltAppAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("layout=GolangMigrate", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n1 ", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n2 ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(".down.sql", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrlfCheckout_GivesTheSameManifestAsLf()
    {
        using var lf = FixtureProject.Create("BuildOnly").WithProperty("SchemaDialect", "postgres");
        lf.AddMigrations("PlainNumbered");
        using var crlf = FixtureProject.Create("BuildOnly").WithProperty("SchemaDialect", "postgres");
        var crlfMigrations = crlf.AddMigrations("PlainNumbered");
        foreach (var file in Directory.GetFiles(crlfMigrations))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(crlfMigrations, "1_init.sql")), StringComparison.Ordinal);
        var lfBuild = await lf.BuildAsync();
        var crlfBuild = await crlf.BuildAsync();

        Assert.True(lfBuild.ExitCode == 0, lfBuild.ToString());
        Assert.True(crlfBuild.ExitCode == 0, crlfBuild.ToString());
        Assert.Equal(lf.ReadGeneratedManifest(), crlf.ReadGeneratedManifest());
    }

    [Fact]
    public async Task MissingMigrationsFolder_WarnsAndBuilds()
    {
        using var fixture = FixtureProject.Create("BuildOnly");

        var build = await fixture.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning ST1001", build.Output, StringComparison.Ordinal);
    }
}
