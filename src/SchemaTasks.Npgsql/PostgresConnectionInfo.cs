using Npgsql;
using SchemaTasks.Providers;

namespace SchemaTasks.Npgsql;

/// <summary>Facts about a PostgreSQL connection string or data source that are safe to show a person.</summary>
public static class PostgresConnectionInfo
{
    /// <summary>
    /// Describes where a data source's connections go — host, port, database and user — as
    /// <see cref="Describe(string)"/> does for its connection string. The password is left out
    /// even when the data source keeps it (<c>Persist Security Info=true</c>).
    /// </summary>
    /// <param name="dataSource">The data source, such as the one <c>AddNpgsqlDataSource</c> registers.</param>
    /// <returns>For example <c>Host=127.0.0.1;Port=5432;Database=app;Username=app</c>.</returns>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return Describe(dataSource.ConnectionString);
    }

    /// <summary>
    /// Describes where a connection string points — host, port, database and user — for logs
    /// and error messages. The password and every other setting are left out.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>For example <c>Host=127.0.0.1;Port=5432;Database=app;Username=app</c>.</returns>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5010</c>: the string is malformed, or has a key or value Npgsql does not accept.
    /// </exception>
    public static string Describe(string connectionString)
    {
        var parsed = ConnectionStringReader.Read(connectionString, new NpgsqlConnectionStringBuilder(), "PostgreSQL", "Npgsql");
        var description = new NpgsqlConnectionStringBuilder();
        if (parsed.Host is not null)
        {
            description.Host = parsed.Host;
        }

        description.Port = parsed.Port;
        if (parsed.Database is not null)
        {
            description.Database = parsed.Database;
        }

        if (parsed.Username is not null)
        {
            description.Username = parsed.Username;
        }

        return description.ConnectionString;
    }
}
