using MySqlConnector;
using SchemaTasks.Providers;

namespace SchemaTasks.MySql;

/// <summary>Facts about a MySQL or MariaDB connection string that are safe to show a person.</summary>
public static class MySqlConnectionInfo
{
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
