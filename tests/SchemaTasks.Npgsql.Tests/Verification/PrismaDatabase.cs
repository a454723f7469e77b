using Npgsql;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// Puts a database in the state Prisma leaves it in: runs a migration's SQL and writes the
/// <c>_prisma_migrations</c> row Prisma writes (its DDL and columns, copied from Prisma's engine).
/// </summary>
internal static class PrismaDatabase
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS {0}"_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        )
        """;

    /// <summary>Runs the migration and records it as applied.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, EmbeddedMigration migration, string? schema = null)
    {
        await ExecuteAsync(connection, migration.Text);
        await RecordAsync(connection, migration.Id, migration.Sha256, finished: true, logs: null, schema);
    }

    /// <summary>Writes a history row: applied when <paramref name="finished"/>, else failed, with Prisma's logs.</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, string name, string checksum, bool finished, string? logs, string? schema = null)
    {
        var prefix = schema is null ? string.Empty : $"\"{schema}\".";
        await ExecuteAsync(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, CreateTable, prefix));
        await using var command = new NpgsqlCommand(
            $"""INSERT INTO {prefix}"_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count) VALUES (@id, @checksum, @finished, @name, @logs, now(), @steps)""",
            connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("checksum", checksum);
        command.Parameters.AddWithValue("finished", NpgsqlTypes.NpgsqlDbType.TimestampTz, finished ? DateTimeOffset.UtcNow : DBNull.Value);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("logs", NpgsqlTypes.NpgsqlDbType.Text, (object?)logs ?? DBNull.Value);
        command.Parameters.AddWithValue("steps", finished ? 1 : 0);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static ExpectedSchema Scenario(string name) => ExpectedSchema.FromFiles(Testing.ScenarioMigrations.Files(name));
}
