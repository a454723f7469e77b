using MySqlConnector;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests;

/// <summary>
/// The server behaviour the enum checks rely on, proven on a real MySQL or MariaDB: an ENUM
/// column stores its declared values, and in strict mode rejects any other.
/// </summary>
public sealed class MySqlEnumSmokeTests
{
    private const string Schema =
        "CREATE TABLE jobs (id INT PRIMARY KEY, job_type ENUM('cleanup','failover') DEFAULT NULL)";

    [MySqlFact]
    public async Task EnumColumn_StoresDeclaredValue_AndDefaultsToNull()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Schema);

        await ExecuteAsync(connection, "INSERT INTO jobs (id, job_type) VALUES (1, 'failover')");
        await ExecuteAsync(connection, "INSERT INTO jobs (id) VALUES (2)");

        Assert.Equal("failover", await ScalarAsync(connection, "SELECT job_type FROM jobs WHERE id = 1"));
        Assert.Equal(DBNull.Value, await ScalarAsync(connection, "SELECT job_type FROM jobs WHERE id = 2"));
    }

    [MySqlFact]
    public async Task EnumColumn_InStrictMode_RejectsUndeclaredValue()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Schema);
        await ExecuteAsync(connection, "SET SESSION sql_mode = 'STRICT_ALL_TABLES'");

        var error = await Assert.ThrowsAsync<MySqlException>(
            () => ExecuteAsync(connection, "INSERT INTO jobs (id, job_type) VALUES (3, 'protection_flow')"));

        Assert.Equal(MySqlErrorCode.WarningDataTruncated, error.ErrorCode);
        Assert.Equal(1265, error.Number);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM jobs"));
    }

    [MySqlFact]
    public async Task EnumColumn_OutsideStrictMode_StoresEmptyStringForUndeclaredValue()
    {
        // Why drift checks matter on MySQL: without strict mode a bad value is silently kept as ''.
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Schema);
        await ExecuteAsync(connection, "SET SESSION sql_mode = ''");

        await ExecuteAsync(connection, "INSERT INTO jobs (id, job_type) VALUES (4, 'protection_flow')");

        Assert.Equal("", await ScalarAsync(connection, "SELECT job_type FROM jobs WHERE id = 4"));
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
