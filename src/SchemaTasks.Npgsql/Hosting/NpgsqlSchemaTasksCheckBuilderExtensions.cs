using SchemaTasks.Hosting;
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
        return builder.UseDatabase(services => new PostgresDatabaseCheck(connectionString(services)));
    }
}
