using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Providers;

namespace SchemaTasks.MySql;

/// <summary>
/// The connections the check and the migrator open to one database, given as a connection
/// string or as the application's <see cref="MySqlDataSource"/>, with one set of errors: ST5010
/// for a bad connection string or one that names no database (both work in the connection's
/// database), ST5011/ST5012 for a server that cannot be reached or refuses the login, each
/// naming the server as <see cref="Target"/> shows it, never the password.
/// </summary>
internal sealed class MySqlConnections
{
    private readonly MySqlConnectionStringBuilder _settings;
    private readonly MySqlDataSource? _dataSource;

    private MySqlConnections(MySqlConnectionStringBuilder settings, MySqlDataSource? dataSource)
    {
        Target = MySqlConnectionInfo.Describe(settings.ConnectionString);
        if (settings.Database.Length == 0)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.InvalidConnectionString,
                $"The MySQL or MariaDB connection string ({Target}) names no database. Add Database=<the application's database>.");
        }

        _settings = settings;
        _dataSource = dataSource;
    }

    /// <summary>Where the connections go: server, port, database and user.</summary>
    public string Target { get; }

    /// <exception cref="SchemaTasksException"><c>ST5010</c>: the string is invalid or names no database.</exception>
    public static MySqlConnections FromConnectionString(string connectionString) =>
        new(Read(connectionString), null);

    /// <summary>Connections from the application's data source: its pool, password and callbacks.</summary>
    /// <exception cref="SchemaTasksException"><c>ST5010</c>: its connection string names no database.</exception>
    public static MySqlConnections FromDataSource(MySqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new(Read(dataSource.ConnectionString), dataSource);
    }

    /// <summary>An open connection; the caller disposes it.</summary>
    /// <param name="allowUserVariables">
    /// Whether <c>@name</c> in a command is left to the server as a user variable; the migrator
    /// needs it, since migrations may use them and MySqlConnector otherwise reads them as
    /// missing parameters.
    /// </param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    public async Task<MySqlConnection> OpenAsync(bool allowUserVariables, CancellationToken cancellationToken)
    {
        var connection = Create(allowUserVariables);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (MySqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw MySqlConnectionErrors.Open(error, Target);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private MySqlConnection Create(bool allowUserVariables)
    {
        if (_dataSource is null)
        {
            return new MySqlConnection(new MySqlConnectionStringBuilder(_settings.ConnectionString) { AllowUserVariables = allowUserVariables }.ConnectionString);
        }

        var connection = _dataSource.CreateConnection();
        if (!allowUserVariables || _settings.AllowUserVariables)
        {
            return connection;
        }

        // A connection's options are fixed by its connection string. The clone keeps the data
        // source's password, password provider and certificate callbacks; it comes from
        // MySqlConnector's pool for the changed string rather than from the data source's.
        using (connection)
        {
            return connection.CloneWith(new MySqlConnectionStringBuilder(_settings.ConnectionString) { AllowUserVariables = true }.ConnectionString);
        }
    }

    private static MySqlConnectionStringBuilder Read(string connectionString) =>
        ConnectionStringReader.Read(connectionString, new MySqlConnectionStringBuilder(), "MySQL or MariaDB", "MySqlConnector");
}
