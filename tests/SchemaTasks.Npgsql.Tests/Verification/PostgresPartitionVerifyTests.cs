using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// The self-check against a database migrated with partitioned tables, partitions, a LIKE copy
/// and an INHERIT: healthy as migrated, and a partition's or copy's CHECK changed behind the
/// migrations' back is found, as those tables are in the snapshot now.
/// </summary>
public sealed class PostgresPartitionVerifyTests
{
    private static readonly (string Id, string Sql)[] Migrations =
    [
        ("1", """
            CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL CHECK (kind IN ('a','b')), at timestamptz NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE events_other PARTITION OF events DEFAULT;
            CREATE TABLE events_copy (LIKE events INCLUDING ALL);
            CREATE TABLE base (x int);
            CREATE TABLE kid (x int, y int);
            ALTER TABLE kid INHERIT base;
            """),
        ("2", """
            ALTER TABLE events ADD COLUMN payload jsonb NOT NULL DEFAULT '{}', ADD CONSTRAINT events_kind_len CHECK (length(kind) = 1);
            ALTER TABLE events DETACH PARTITION events_other;
            ALTER TABLE base ADD COLUMN z text DEFAULT 'z' CHECK (z IN ('z', 'q'));
            ALTER TABLE base RENAME COLUMN x TO x2;
            """),
    ];

    [PostgresFact]
    public async Task AMigratedDatabase_IsHealthy_AndADriftedPartitionIsFound()
    {
        var builder = new TestMigrations(SqlDialect.Postgres);
        foreach (var (id, sql) in Migrations) builder.Add(id, sql);
        var migrations = builder.Load();
        await using var db = await PostgresTestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        var files = migrations.Migrations.Select(m => new MigrationSourceFile(m.RelativePath, m.Text)).ToList();
        var expected = ExpectedSchema.FromFiles(files, MigrationLayout.GolangMigrate, SqlDialect.Postgres);
        var options = new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.SchemaTasks };
        var healthy = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, options);
        Assert.True(healthy.IsHealthy && healthy.Findings.Count == 0, healthy.ToText());

        await using (var connection = await db.OpenConnectionAsync())
        {
            await using var drift = new NpgsqlCommand("ALTER TABLE events_other DROP CONSTRAINT events_kind_check; ALTER TABLE events_other ADD CONSTRAINT events_kind_check CHECK (kind IN ('a','b','c')); ALTER TABLE kid NO INHERIT base; ALTER TABLE kid DROP CONSTRAINT base_z_check;", connection);
            await drift.ExecuteNonQueryAsync();
        }

        var drifted = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, options);
        Assert.Contains(drifted.Findings, f => f.Subject.Contains("events_other.kind", StringComparison.Ordinal) && f.Message.Contains("'c'", StringComparison.Ordinal));
        Assert.Contains(drifted.Findings, f => f.Subject.Contains("kid.z", StringComparison.Ordinal));
    }
}
