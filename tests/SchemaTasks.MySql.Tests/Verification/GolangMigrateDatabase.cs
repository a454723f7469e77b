using MySqlConnector;
using SchemaTasks.Verification;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>Puts a database in the state golang-migrate leaves it in: migration SQL run, and its one-row <c>schema_migrations</c>.</summary>
internal static class GolangMigrateDatabase
{
    public static ExpectedSchema Scenario2() =>
        ExpectedSchema.FromFiles(ScenarioMigrations.Files("2-golang-migrate-job-tracking"), dialect: MySqlTestDatabase.ServerDialect);

    /// <summary>golang-migrate's own DDL, and the row it writes: the current version and whether it is dirty.</summary>
    public static Task RecordAsync(MySqlConnection connection, long version, bool dirty) => ExecuteAsync(connection, $"""
        CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null);
        TRUNCATE `schema_migrations`;
        INSERT INTO `schema_migrations` (version, dirty) VALUES ({version}, {(dirty ? 1 : 0)});
        """);

    public static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
