using MySqlConnector;
using SchemaTasks.Hosting;
using SchemaTasks.MySql;
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
        return builder.UseDatabase(services => new MySqlDatabaseCheck(MySqlConnections.FromConnectionString(connectionString(services))));
    }

    /// <summary>
    /// Checks the MySQL or MariaDB database of the <see cref="MySqlDataSource"/> registered in
    /// the services, as <c>services.AddMySqlDataSource(connectionString)</c>
    /// (MySqlConnector.DependencyInjection) registers it: the check shares its pool, password and callbacks.
    /// Its connection string must name the database.
    /// </summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <remarks>The data source is resolved when the check first runs; a keyed one is taken with <see cref="UseMySql(SchemaTasksCheckBuilder, Func{IServiceProvider, MySqlDataSource})"/>.</remarks>
    public static SchemaTasksCheckBuilder UseMySql(this SchemaTasksCheckBuilder builder) =>
        builder.UseMySql(services => services.GetService(typeof(MySqlDataSource)) as MySqlDataSource
            ?? throw new InvalidOperationException(
                "UseMySql() checks the database of the MySqlDataSource in the services, and none is registered. "
                + "Register one with services.AddMySqlDataSource(connectionString) (package MySqlConnector.DependencyInjection), or pass the connection string: UseMySql(connectionString)."));

    /// <summary>Checks the MySQL or MariaDB database of <paramref name="dataSource"/>, which the application owns and disposes.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="dataSource">The data source, whose connection string names the database; the check takes a connection from it each time it runs.</param>
    public static SchemaTasksCheckBuilder UseMySql(this SchemaTasksCheckBuilder builder, MySqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseMySql(_ => dataSource);
    }

    /// <summary>
    /// Checks the MySQL or MariaDB database of the data source <paramref name="dataSource"/> takes
    /// from the services when the check first runs, such as a keyed one:
    /// <c>UseMySql(sp =&gt; sp.GetRequiredKeyedService&lt;MySqlDataSource&gt;("orders"))</c>.
    /// </summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="dataSource">Takes the data source from the services; the services own it.</param>
    public static SchemaTasksCheckBuilder UseMySql(this SchemaTasksCheckBuilder builder, Func<IServiceProvider, MySqlDataSource> dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseDatabase(services => new MySqlDatabaseCheck(MySqlConnections.FromDataSource(dataSource(services))));
    }
}
