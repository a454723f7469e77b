extern alias engine;

using engine::SchemaTasks;
using engine::SchemaTasks.Migrations;
using engine::SchemaTasks.Schema;
using engine::SchemaTasks.ValueSets;
// The analyzer compiles a stand-in SqlDialect of its own (for the lexer it shares with the
// engine), which the namespace would find first: the writer takes the engine's.
using Dialect = engine::SchemaTasks.SqlDialect;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// Value-set files for the scenarios, written by the build's own writer from migrations, so the
/// analyzer is tested against exactly what a build gives it.
/// </summary>
internal static class ScenarioValueSets
{
    public const string JobStatus = """
        CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');
        """;

    public const string ContentRequestStatus = """
        CREATE TYPE content_request_status AS ENUM ('pending', 'validating', 'retrieving', 'generating_script', 'generating_video', 'processing_video', 'notifying', 'completed', 'failed', 'cancelled');
        """;

    public const string HealthStatus = """
        CREATE TABLE bots (id serial PRIMARY KEY, health_status text NOT NULL CHECK (health_status IN ('normal', 'potentially_stuck')));
        """;

    /// <summary>MySQL (or MariaDB): an inline ENUM column in the database the migrations run in.</summary>
    public const string JobType = """
        CREATE TABLE job_tracking (
          id BIGINT AUTO_INCREMENT PRIMARY KEY,
          job_type ENUM('cleanup', 'failover', 'migration', 'cloudstack', 'volume_daemon', 'linstor', 'virtio', 'ossea', 'scheduler', 'discovery', 'bulk-operations', 'group-management', 'conflict-detection', 'phantom-detection', 'schedule_management', 'schedule_control') DEFAULT NULL
        );
        """;

    /// <summary>PostgreSQL: a column in a schema other than the default one.</summary>
    public const string AppJobType = """
        CREATE SCHEMA app;
        CREATE TABLE app.job_tracking (id bigserial PRIMARY KEY, job_type text CHECK (job_type IN ('cleanup', 'failover')));
        """;

    public static string Postgres(params string[] migrations) => Write(Dialect.Postgres, migrations);

    public static string MySql(params string[] migrations) => Write(Dialect.MySql, migrations);

    public static string MariaDb(params string[] migrations) => Write(Dialect.MariaDb, migrations);

    private static string Write(Dialect dialect, string[] migrations)
    {
        var files = migrations.Select((sql, i) => new MigrationSourceFile($"{i + 1}_step.sql", sql)).ToList();
        var set = MigrationDiscovery.Discover(files).Set!;
        var result = SchemaEngine.Build(set, dialect);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return ValueSetWriter.Write(result.Final);
    }
}
