namespace SchemaTasks.Manifest;

/// <summary>
/// The logical names under which the build embeds migrations into an assembly. They are part
/// of the contract between the build package and the runtime package, so they never change.
/// </summary>
public static class EmbeddedResourceNames
{
    /// <summary>The manifest: every embedded migration with its checksum.</summary>
    public const string Manifest = "SchemaTasks/manifest.json";

    /// <summary>The schema snapshot: the schema the migrations produce (docs/snapshot-format.md).</summary>
    public const string Snapshot = "SchemaTasks/snapshot.json";

    /// <summary>
    /// Every migration file of the build in one resource. The runtime reads each file in it as if
    /// it were embedded on its own under <see cref="MigrationPrefix"/>.
    /// </summary>
    public const string MigrationBundle = "SchemaTasks/migrations.bundle";

    /// <summary>
    /// The prefix of a migration embedded on its own (as builds before the bundle embedded them);
    /// the migration's relative path follows it.
    /// </summary>
    public const string MigrationPrefix = "SchemaTasks/Migrations/";

    /// <summary>The logical name of the migration at <paramref name="relativePath"/>.</summary>
    public static string ForMigration(string relativePath) => MigrationPrefix + relativePath;
}
