using SchemaTasks;
using SchemaTasks.Migrations;

namespace JobService;

/// <summary>Prints the migrations the build embedded into this assembly; loading verifies every checksum.</summary>
internal static class EmbeddedManifest
{
    public static int Print()
    {
        try
        {
            var embedded = EmbeddedMigrations.Load(typeof(EmbeddedManifest).Assembly);
            var manifest = embedded.Manifest;
            Console.WriteLine($"JobService embeds {embedded.Migrations.Count} migration(s) ({manifest.Layout.ToName()} layout, {manifest.Dialect?.ToName() ?? "no dialect"}), checksums verified:");
            foreach (var migration in embedded.Migrations)
            {
                Console.WriteLine($"  {migration.Id}  sha256:{migration.Sha256}  {migration.RelativePath}");
            }

            return 0;
        }
        catch (SchemaTasksException ex)
        {
            Console.Error.WriteLine($"JobService: error {ex.Code}: {ex.Message}");
            return 1;
        }
    }
}
