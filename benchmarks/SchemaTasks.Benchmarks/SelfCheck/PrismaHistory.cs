using Npgsql;
using NpgsqlTypes;
using SchemaTasks.Verification;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// Leaves a database as <c>prisma migrate deploy</c> would: every migration run, and one
/// <c>_prisma_migrations</c> row each (Prisma's DDL; checksum = SHA-256 hex of the file).
/// </summary>
internal static class PrismaHistory
{
    private const string CreateTable = """
        CREATE TABLE "_prisma_migrations" (
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

    public static void ApplyAll(string connectionString, ExpectedSchema expected)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        SelfCheckDatabases.Execute(connection, CreateTable);
        foreach (var migration in expected.Migrations)
        {
            SelfCheckDatabases.Execute(connection, migration.Text);
            using var insert = new NpgsqlCommand(
                """INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (@id, @checksum, now(), @name, now(), 1)""",
                connection);
            insert.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("checksum", NpgsqlDbType.Varchar, migration.Sha256);
            insert.Parameters.AddWithValue("name", NpgsqlDbType.Varchar, migration.Id);
            insert.ExecuteNonQuery();
        }
    }
}
