namespace SchemaTasks.Snapshot;

/// <summary>
/// Says in words how a committed snapshot differs from the one the migrations produce now,
/// so a stale-snapshot error can name the migration that changed.
/// </summary>
internal static class SnapshotChanges
{
    /// <summary>One sentence per difference, migrations first; empty when the two agree.</summary>
    public static IReadOnlyList<string> Describe(SchemaSnapshot committed, SchemaSnapshot current)
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
        if (changes.Count == 0 && SnapshotJson.Write(committed) != SnapshotJson.Write(current))
        {
            changes.Add("the migrations are the same but the schema read from them differs (a different SchemaTasks version reads them differently)");
        }

        return changes;
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;
}
