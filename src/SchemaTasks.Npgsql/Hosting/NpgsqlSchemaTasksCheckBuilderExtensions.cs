using Npgsql;
using SchemaTasks.Hosting;
using SchemaTasks.Npgsql;
using SchemaTasks.Npgsql.Hosting;

// The namespace of AddSchemaTasksCheck, so UseNpgsql shows up beside it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points the SchemaTasks start-up check at a PostgreSQL database.</summary>
public static class NpgsqlSchemaTasksCheckBuilderExtensions
{
    /// <summary>Checks the PostgreSQL database <paramref name="connectionString"/> names.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="connectionString">An Npgsql connection string; the role needs only to read the history table.</param>
    public static SchemaTasksCheckBuilder UseNpgsql(this SchemaTasksCheckBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.UseNpgsql(_ => connectionString);
    }

    /// <summary>Checks the PostgreSQL database whose connection string <paramref name="connectionString"/> reads from the services (configuration, a secret store) when the check runs.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="connectionString">Reads the Npgsql connection string.</param>
    public static SchemaTasksCheckBuilder UseNpgsql(this SchemaTasksCheckBuilder builder, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.UseDatabase(services => new PostgresDatabaseCheck(PostgresConnections.FromConnectionString(connectionString(services))));
    }

    /// <summary>
    /// Checks the PostgreSQL database of the <see cref="NpgsqlDataSource"/> registered in the
    /// services, as <c>services.AddNpgsqlDataSource(connectionString)</c> (Npgsql.DependencyInjection)
    /// registers it: the check shares its pool, password provider and settings.
    /// </summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <remarks>The data source is resolved when the check first runs; a keyed one is taken with <see cref="UseNpgsql(SchemaTasksCheckBuilder, Func{IServiceProvider, NpgsqlDataSource})"/>.</remarks>
    public static SchemaTasksCheckBuilder UseNpgsql(this SchemaTasksCheckBuilder builder) =>
        builder.UseNpgsql(services => services.GetService(typeof(NpgsqlDataSource)) as NpgsqlDataSource
            ?? throw new InvalidOperationException(
                "UseNpgsql() checks the database of the NpgsqlDataSource in the services, and none is registered. "
                + "Register one with services.AddNpgsqlDataSource(connectionString) (package Npgsql.DependencyInjection), or pass the connection string: UseNpgsql(connectionString)."));

    /// <summary>Checks the PostgreSQL database of <paramref name="dataSource"/>, which the application owns and disposes.</summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="dataSource">The data source; the check takes a connection from it each time it runs.</param>
    public static SchemaTasksCheckBuilder UseNpgsql(this SchemaTasksCheckBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseNpgsql(_ => dataSource);
    }

    /// <summary>
    /// Checks the PostgreSQL database of the data source <paramref name="dataSource"/> takes from
    /// the services when the check first runs, such as a keyed one:
    /// <c>UseNpgsql(sp =&gt; sp.GetRequiredKeyedService&lt;NpgsqlDataSource&gt;("orders"))</c>.
    /// </summary>
    /// <param name="builder">The result of <c>AddSchemaTasksCheck</c>.</param>
    /// <param name="dataSource">Takes the data source from the services; the services own it.</param>
    public static SchemaTasksCheckBuilder UseNpgsql(this SchemaTasksCheckBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return builder.UseDatabase(services => new PostgresDatabaseCheck(PostgresConnections.FromDataSource(dataSource(services))));
    }
}
