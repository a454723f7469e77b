using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaTasks.Checking;
using SchemaTasks.Hosting;

// The conventional namespace of registration methods, so they show up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SchemaTasks start-up check.</summary>
public static class SchemaTasksServiceCollectionExtensions
{
    /// <summary>
    /// Checks the database against the migrations embedded in <paramref name="migrationsAssembly"/>
    /// when the host starts, and registers <see cref="SchemaTasksHealthCheck"/>. Say which database
    /// with the provider's <c>.UseNpgsql(connectionString)</c> or <c>.UseMySql(connectionString)</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="migrationsAssembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="configure">Sets the policy and the history table.</param>
    public static SchemaTasksCheckBuilder AddSchemaTasksCheck(this IServiceCollection services, Assembly migrationsAssembly, Action<SchemaStartupCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(migrationsAssembly);
        return services.AddSchemaTasksCheck(() => ExpectedSchema.FromAssembly(migrationsAssembly), configure);
    }

    /// <summary>As the assembly overload, for migrations read some other way (<see cref="ExpectedSchema.FromFiles"/>); called once, at the first check.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="expected">Reads the migrations.</param>
    /// <param name="configure">Sets the policy and the history table.</param>
    public static SchemaTasksCheckBuilder AddSchemaTasksCheck(this IServiceCollection services, Func<ExpectedSchema> expected, Action<SchemaStartupCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(expected);
        var options = new SchemaStartupCheckOptions();
        configure?.Invoke(options);

        services.TryAddSingleton(typeof(ILogger<>), typeof(Logging.Abstractions.NullLogger<>));
        services.AddSingleton(provider => new SchemaCheckRunner(expected, options, provider, provider.GetRequiredService<ILogger<SchemaCheckRunner>>()));
        services.AddSingleton(provider => new SchemaTasksHealthCheck(provider.GetRequiredService<SchemaCheckRunner>()));
        services.AddSingleton<IHostedService>(provider => new SchemaCheckHostedService(
            provider.GetRequiredService<SchemaCheckRunner>(), provider.GetRequiredService<ILogger<SchemaCheckHostedService>>()));
        return new SchemaTasksCheckBuilder(services);
    }
}
