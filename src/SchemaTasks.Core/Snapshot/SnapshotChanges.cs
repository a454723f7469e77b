namespace SchemaTasks.Snapshot;

/// <summary>
/// Says in words how a committed snapshot differs from the one the migrations produce now,
/// so a stale-snapshot error can name the migration that changed.
/// </summary>
internal static class SnapshotChanges
{
    /// <summary>
    /// What to say of a committed snapshot built from the same migrations as the current one
    /// whose text still differs: in the schema, or only in how it is written.
    /// </summary>
    public const string SameMigrationsOtherSchema =
        "the migrations are the same, but the schema recorded after them is not the one they build now (a different SchemaTasks version reads them differently, or the file was edited)";

    /// <summary>
    /// One sentence per difference in what the two were built from, dialect then migrations;
    /// empty when they were built from the same (their texts may still differ: see
    /// <see cref="SameMigrationsOtherSchema"/>).
    /// </summary>
    public static IReadOnlyList<string> Describe(SnapshotOrigin committed, SchemaSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<string>();
        if (committed.Dialect != current.Dialect)
        {
            changes.Add($"the dialect changed from {committed.Dialect.ToName()} to {current.Dialect.ToName()}");
        }

        var before = committed.Migrations.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var after = current.Migrations.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var migration in current.Migrations)
        {
            if (!before.TryGetValue(migration.Id, out var old))
            {
                changes.Add($"migration {migration.Id} ('{migration.Path}') is new");
            }
            else if (old.Sha256 != migration.Sha256)
            {
                changes.Add($"migration {migration.Id} ('{migration.Path}') changed (SHA-256 {Short(old.Sha256)} → {Short(migration.Sha256)})");
            }
        }

        changes.AddRange(committed.Migrations.Where(m => !after.ContainsKey(m.Id)).Select(m => $"migration {m.Id} ('{m.Path}') was removed"));
        return changes;
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
