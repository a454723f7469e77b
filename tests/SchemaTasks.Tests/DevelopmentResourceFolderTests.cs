using System.Reflection;
using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Tests;

/// <summary>
/// A Debug build writes the manifest, the migrations and the snapshot into a folder beside the
/// assembly instead of embedding them; the runtime reads them there, through the same checks.
/// </summary>
public sealed class DevelopmentResourceFolderTests : IDisposable
{
    private const string Migration = "CREATE TYPE job_status AS ENUM ('queued', 'done');\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "schematasks-devfolder-" + Guid.NewGuid().ToString("N")[..8]);

    public DevelopmentResourceFolderTests()
    {
        Directory.CreateDirectory(_directory);
        // Any assembly without SchemaTasks resources stands in for the application's.
        File.Copy(typeof(EmbeddedMigrations).Assembly.Location, AssemblyPath);
    }

    private string AssemblyPath => Path.Combine(_directory, "Jobs.Service.dll");

    private string FolderPath => Path.Combine(_directory, "Jobs.Service.schematasks");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadFile_ReadsTheFolderBesideAnAssemblyThatEmbedsNothing()
    {
        WriteFolder(Migration);

        var loaded = EmbeddedMigrations.LoadFile(AssemblyPath);

        Assert.Equal(["1"], loaded.Migrations.Select(m => m.Id));
        Assert.Equal(Migration, loaded.Migrations[0].Text);
        Assert.Equal(MigrationChecksum.Compute(Migration), loaded.Migrations[0].Sha256);
    }

    [Fact]
    public void LoadFile_ChecksTheFolderAsItChecksResources()
    {
        WriteFolder(Migration);
        var bundle = Path.Combine(FolderPath, "migrations.bundle");
        File.WriteAllBytes(bundle, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(File.ReadAllBytes(bundle)).Replace("'done'", "'gone'", StringComparison.Ordinal)));

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.LoadFile(AssemblyPath));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationTampered, ex.Code);
        Assert.Contains("'1_init.sql'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_WithoutResourcesOrFolder_SaysWhereBoth_WouldBe()
    {
        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.LoadFile(AssemblyPath));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains($"no embedded SchemaTasks manifest ('{EmbeddedResourceNames.Manifest}')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no 'Jobs.Service.schematasks' folder with a manifest beside it", ex.Message, StringComparison.Ordinal);
    }

    // dotnet clean removes the files it copied, not their folder.
    [Fact]
    public void LoadFile_AnEmptyFolderLeftByClean_IsNoFolder()
    {
        Directory.CreateDirectory(FolderPath);

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.LoadFile(AssemblyPath));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains("'Jobs.Service.schematasks' folder with a manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OfALoadedAssembly_ReadsTheFolderBesideItsFile()
    {
        WriteFolder(Migration);
        var context = new System.Runtime.Loader.AssemblyLoadContext("development-folder", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(AssemblyPath);

            var loaded = EmbeddedMigrations.Load(assembly);

            Assert.Equal(Migration, Assert.Single(loaded.Migrations).Text);
        }
        finally
        {
            context.Unload();
        }
    }

    private void WriteFolder(string text)
    {
        Directory.CreateDirectory(FolderPath);
        var manifest = new MigrationManifest(MigrationLayout.Plain, SqlDialect.Postgres, [new ManifestEntry("1", "init", "1_init.sql", MigrationChecksum.Compute(text))]);
        File.WriteAllText(Path.Combine(FolderPath, "manifest.json"), ManifestJson.Write(manifest));
        using var bundle = File.Create(Path.Combine(FolderPath, "migrations.bundle"));
        MigrationBundle.Write(bundle, [("1_init.sql", Encoding.UTF8.GetBytes(text))]);
    }
}
