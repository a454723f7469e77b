using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Providers;

namespace SchemaTasks.Npgsql;

/// <summary>
/// The connections the check and the migrator open to one database, given as a connection
/// string or as the application's <see cref="NpgsqlDataSource"/>, with one set of errors:
/// ST5010 for a bad connection string, ST5011/ST5012 for a server that cannot be reached or
/// refuses the login, ST5019 for one older than PostgreSQL 12, each naming the server as <see cref="Target"/> shows it, never the password.
/// </summary>
internal sealed class PostgresConnections
{
    private readonly Func<NpgsqlConnection> _create;
    private readonly bool _multiplexing;

    private PostgresConnections(string target, Func<NpgsqlConnection> create, bool multiplexing)
    {
        Target = target;
        _create = create;
        _multiplexing = multiplexing;
    }

    /// <summary>Where the connections go: host, port, database and user.</summary>
    public string Target { get; }

    /// <exception cref="SchemaTasksException"><c>ST5010</c>: the string is malformed or has a key or value Npgsql does not accept.</exception>
    public static PostgresConnections FromConnectionString(string connectionString)
    {
        var settings = ConnectionStringReader.Read(connectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql");

        // These connections are ours alone: without multiplexing each is one server session,
        // which the migrator's session lock and its transactions need.
        settings.Multiplexing = false;
        var own = settings.ConnectionString;
        return new(PostgresConnectionInfo.Describe(connectionString), () => new NpgsqlConnection(own), multiplexing: false);
    }

    /// <summary>Connections from the application's data source: its pool, password provider and settings.</summary>
    public static PostgresConnections FromDataSource(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var multiplexing = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Multiplexing;
        return new(PostgresConnectionInfo.Describe(dataSource), dataSource.CreateConnection, multiplexing);
    }

    /// <summary>An open connection; the caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _create();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            PostgresServerVersion.RequireSupported(connection.PostgreSqlVersion, Target);
            return connection;
        }
        catch (NpgsqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw PostgresConnectionErrors.Open(error, Target);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// An open connection that is one server session from open to dispose, as the migrator needs:
    /// it holds a session-level advisory lock while its statements and transactions run.
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST5010</c>: the data source multiplexes, so no connection of it is one session.</exception>
    public Task<NpgsqlConnection> OpenSessionAsync(CancellationToken cancellationToken)
    {
        if (_multiplexing)
        {
            // Under multiplexing a command outside a transaction goes to whichever session is
            // free: the lock would be taken on one session and the migrations run on others.
            throw new SchemaTasksException(
                DiagnosticCodes.InvalidConnectionString,
                $"The NpgsqlDataSource for {Target} has Multiplexing=true, which sends each command over whichever server session is free; "
                + "the migrator holds a session-level advisory lock while it applies migrations, so it needs one session throughout. "
                + "Give the migrator a data source built without Multiplexing, or its connection string.");
        }

        return OpenAsync(cancellationToken);
    }
}
