using SchemaTasks.Hosting;
using SchemaTasks.MySql.Hosting;

// The namespace of AddSchemaTasksCheck, so UseMySql shows up beside it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points the SchemaTasks start-up check at a MySQL or MariaDB database.</summary>
public static class MySqlSchemaTasksCheckBuilderExtensions
{
    /// <summary>Checks the MySQL or MariaDB database <paramref name="connectionString"/> names.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="connectionString">A MySqlConnector connection string naming the database.</param>
    public static SchemaTasksCheckBuilder UseMySql(this SchemaTasksCheckBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.UseMySql(_ => connectionString);
    }

    /// <summary>Checks the MySQL or MariaDB database whose connection string <paramref name="connectionString"/> reads from the services (configuration, a secret store) when the check runs.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="connectionString">Reads the MySqlConnector connection string.</param>
    public static SchemaTasksCheckBuilder UseMySql(this SchemaTasksCheckBuilder builder, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.UseDatabase(services => new MySqlDatabaseCheck(connectionString(services)));
    }
}
