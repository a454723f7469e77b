using System.Collections.Immutable;

namespace SchemaTasks.Snapshot;

/// <summary>
/// What a snapshot file says it was built from: the part before its schema, which is all that
/// <see cref="SnapshotChanges"/> needs to name the migrations that changed.
/// </summary>
/// <param name="Dialect">The dialect the migrations were read in.</param>
/// <param name="Migrations">The migrations, in the order applied.</param>
internal sealed record SnapshotOrigin(SqlDialect Dialect, ImmutableArray<SnapshotMigration> Migrations);
