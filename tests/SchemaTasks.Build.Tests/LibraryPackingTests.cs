using System.IO.Compression;
using System.Runtime.Loader;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class LibraryPackingTests
{
    // A package is the library alone, so even a Debug pack embeds (a Debug build writes the
    // migrations beside the assembly, where no package would carry them).
    [Theory]
    [InlineData("Release")]
    [InlineData("Debug")]
    public async Task PackedLibrary_CarriesItsMigrationsAndManifest(string configuration)
    {
        using var fixture = FixtureProject.Create("Library");
        fixture.AddMigrations("Scenario1Prisma");

        var pack = await fixture.DotnetAsync("pack", "-nologo", "-nodeReuse:false", "-c", configuration, "-o", "out");
        Assert.True(pack.ExitCode == 0, pack.ToString());

        using var package = ZipFile.OpenRead(fixture.PathOf("out/Fixture.Migrations.Library.1.0.0.nupkg"));
        var entry = package.GetEntry("lib/net10.0/Library.dll");
        Assert.NotNull(entry);
        Assert.DoesNotContain(package.Entries, e => e.FullName.Contains("SchemaTasks", StringComparison.OrdinalIgnoreCase));
        using var bytes = new MemoryStream();
        using (var stream = entry.Open())
        {
            await stream.CopyToAsync(bytes);
        }

        var context = new AssemblyLoadContext("packed-library", isCollectible: true);
        try
        {
            bytes.Position = 0;
            var library = context.LoadFromStream(bytes);
            var embedded = EmbeddedMigrations.Load(library);

            Assert.Equal(["20250801120000_init", "20250909044604_add_cancelled_job_status"], embedded.Migrations.Select(m => m.Id));
            Assert.Contains("ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';", embedded.Migrations[1].Text, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }
}
