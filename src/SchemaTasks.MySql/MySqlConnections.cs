using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Checking;
using SchemaTasks.Providers;

namespace SchemaTasks.MySql;

/// <summary>
/// Opens the connections the check and the migrator use, with one set of errors: ST5010 for a
/// bad connection string or one that names no database (both work in the connection's
/// database), ST5011/ST5012 for a server that cannot be reached or refuses the login, each
/// naming the server but never the password.
/// </summary>
internal static class MySqlConnections
{
    public static async Task<MySqlConnection> OpenAsync(string connectionString, bool allowUserVariables, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringReader.Read(connectionString, new MySqlConnectionStringBuilder(), "MySQL or MariaDB", "MySqlConnector");
        var target = MySqlConnectionInfo.Describe(connectionString);
        if (settings.Database.Length == 0)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.InvalidConnectionString,
                $"The MySQL or MariaDB connection string ({target}) names no database. Add Database=<the application's database>.");
        }

        settings.AllowUserVariables = allowUserVariables;
        var connection = new MySqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (MySqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw MySqlConnectionErrors.Open(error, target);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
