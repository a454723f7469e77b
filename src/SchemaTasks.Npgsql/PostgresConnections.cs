using Npgsql;
using SchemaTasks.Npgsql.Checking;
using SchemaTasks.Providers;

namespace SchemaTasks.Npgsql;

/// <summary>
/// Opens the connections the check and the migrator use, with one set of errors: ST5010 for a
/// bad connection string, ST5011/ST5012 for a server that cannot be reached or refuses the
/// login, ST5019 for one older than PostgreSQL 12, each naming the server but never the password.
/// </summary>
internal static class PostgresConnections
{
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = ConnectionStringReader.Read(connectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql");
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            PostgresServerVersion.RequireSupported(connection.PostgreSqlVersion, PostgresConnectionInfo.Describe(connectionString));
            return connection;
        }
        catch (NpgsqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw PostgresConnectionErrors.Open(error, PostgresConnectionInfo.Describe(connectionString));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
