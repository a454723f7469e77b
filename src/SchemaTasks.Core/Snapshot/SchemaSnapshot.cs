using System.Collections.Immutable;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Snapshot;

/// <summary>
/// The committed record of what the migrations build: which migrations (with checksums) and
/// the resulting schema. Written by <see cref="SnapshotJson"/>; described field by field in
/// <c>docs/snapshot-format.md</c>.
/// </summary>
/// <param name="Dialect">The dialect the migrations are written in.</param>
/// <param name="Migrations">Every migration, in the order applied.</param>
/// <param name="Schema">The schema after the last migration.</param>
public sealed record SchemaSnapshot(SqlDialect Dialect, ImmutableArray<SnapshotMigration> Migrations, Catalog Schema)
{
    /// <summary>The format version this SchemaTasks writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The snapshot of a migration set and the schema it builds.</summary>
    public static SchemaSnapshot Create(MigrationSet set, Catalog schema)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(schema);
        var migrations = set.Migrations.Select(m => new SnapshotMigration(m.Id, m.Name, m.RelativePath, m.Checksum)).ToImmutableArray();
        return new SchemaSnapshot(schema.Dialect, migrations, schema);
    }
}

/// <summary>One migration as the snapshot records it.</summary>
/// <param name="Id">The migration's id in its layout's history table.</param>
/// <param name="Name">The human description.</param>
/// <param name="Path">The file relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Sha256">The checksum (see <see cref="MigrationChecksum"/>).</param>
public sealed record SnapshotMigration(string Id, string Name, string Path, string Sha256);
