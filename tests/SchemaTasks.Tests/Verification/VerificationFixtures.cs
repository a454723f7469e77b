using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Tests.Verification;

/// <summary>Catalogs from SQL and embedded migrations from text or from the scenario fixtures.</summary>
internal static class VerificationFixtures
{
    public static Catalog FromSql(SqlDialect dialect, params string[] sql)
    {
        var catalog = Catalog.Empty(dialect);
        foreach (var text in sql)
        {
            var (next, diagnostics) = SchemaEngine.Apply(catalog, text);
            Assert.Empty(diagnostics);
            catalog = next;
        }

        return catalog;
    }

    public static EmbeddedMigration Embedded(string id, string path, string text) =>
        new(id, id, path, MigrationChecksum.Compute(text), text);

    /// <summary>The scenario's migrations as a build would embed them, and the schema after each.</summary>
    public static (IReadOnlyList<EmbeddedMigration> Migrations, SchemaBuildResult Build) Scenario(string folder, SqlDialect dialect)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios", folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new MigrationSourceFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        var set = MigrationDiscovery.Discover(files).Set!;
        var build = SchemaEngine.Build(set, dialect);
        Assert.False(build.HasErrors);
        var embedded = set.Migrations.Select(m => new EmbeddedMigration(m.Id, m.Name, m.RelativePath, m.Checksum, files.Single(f => f.RelativePath == m.RelativePath).Text)).ToList();
        return (embedded, build);
    }

    public static AppliedMigration Applied(string id, string? checksum = null, DateTimeOffset? at = null) =>
        new(id, AppliedMigrationState.Succeeded) { Checksum = checksum, StartedAt = at, FinishedAt = at };

    public static MigrationHistory History(MigrationHistoryKind kind, params AppliedMigration[] rows) =>
        new(kind, kind.DefaultTable(), true, rows);
}
