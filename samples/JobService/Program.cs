using SchemaTasks;
using SchemaTasks.Migrations;

// The build embedded prisma/migrations and a checksum manifest into this assembly;
// Load verifies every checksum before it hands out any SQL.
try
{
    var embedded = EmbeddedMigrations.Load(typeof(Program).Assembly);
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
