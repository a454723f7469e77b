using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.MySql.Migrator;

/// <summary>The named lock (<c>GET_LOCK</c>) that lets one migrator at a time work on a database.</summary>
internal static class MySqlMigrationLock
{
    private const string Prefix = "schematasks_migrate.";

    /// <summary>
    /// The lock's name. Named locks are server-wide, so the database is part of it; a name longer
    /// than the server's 64 characters is shortened to a hash of the database name.
    /// </summary>
    public static string Name(string database)
    {
        var name = Prefix + database;
        return name.Length <= 64
            ? name
            : Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..40].ToLowerInvariant();
    }

    public static async Task AcquireAsync(MySqlConnection connection, string database, TimeSpan timeout, CancellationToken cancellationToken, string? lockName = null)
    {
        var name = lockName ?? Name(database);
        await using var command = new MySqlCommand("SELECT GET_LOCK(@name, @timeout)", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("@name", name);
        // Whole seconds: MySQL 8.0 and MariaDB differ on fractional timeouts; rounding up never waits less than asked.
        command.Parameters.AddWithValue("@timeout", (int)Math.Ceiling(timeout.TotalSeconds));
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (result is null or DBNull || Convert.ToInt64(result, CultureInfo.InvariantCulture) != 1)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.MigrationLockTimeout,
                $"Another session holds the migration lock of database '{database}' (GET_LOCK '{name}') and did not release it within {Math.Ceiling(timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s, so no migration was applied. "
                + $"Another instance is probably migrating: let it finish, or raise MigrateOptions.LockTimeout. To see who holds it: SELECT IS_USED_LOCK('{name}'); then SHOW PROCESSLIST.");
        }
    }

    public static async Task ReleaseAsync(MySqlConnection connection, string database, CancellationToken cancellationToken, string? lockName = null)
    {
        await using var command = new MySqlCommand("SELECT RELEASE_LOCK(@name)", connection);
        command.Parameters.AddWithValue("@name", lockName ?? Name(database));
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
