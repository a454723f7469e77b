using MySqlConnector;
using SchemaTasks.Providers;

namespace SchemaTasks.MySql;

/// <summary>Facts about a MySQL or MariaDB connection string or data source that are safe to show a person.</summary>
public static class MySqlConnectionInfo
{
    /// <summary>
    /// Describes where a data source's connections go — server, port, database and user — as
    /// <see cref="Describe(string)"/> does for its connection string, which a
    /// <see cref="MySqlDataSource"/> keeps with the password; the password is left out.
    /// </summary>
    /// <param name="dataSource">The data source, such as the one <c>AddMySqlDataSource</c> registers.</param>
    /// <returns>For example <c>Server=127.0.0.1;Port=3306;User ID=app;Database=app</c>.</returns>
    public static string Describe(MySqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return Describe(dataSource.ConnectionString);
    }

    /// <summary>
    /// Describes where a connection string points — server, port, database and user — for
    /// logs and error messages. The password and every other setting are left out.
    /// </summary>
    /// <param name="connectionString">A MySqlConnector connection string.</param>
    /// <returns>For example <c>Server=127.0.0.1;Port=3306;User ID=app;Database=app</c>.</returns>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5010</c>: the string is malformed, or has a key or value MySqlConnector does not accept.
    /// </exception>
    public static string Describe(string connectionString)
    {
        var parsed = ConnectionStringReader.Read(connectionString, new MySqlConnectionStringBuilder(), "MySQL or MariaDB", "MySqlConnector");
        var description = new MySqlConnectionStringBuilder
        {
            Server = parsed.Server,
            Port = parsed.Port,
        };
        if (parsed.Database.Length > 0)
        {
            description.Database = parsed.Database;
        }

        if (parsed.UserID.Length > 0)
        {
            description.UserID = parsed.UserID;
        }

        return description.ConnectionString;
    }
}
