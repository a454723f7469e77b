using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaTasks.Verification;
using SchemaTasks.Hosting;

// The conventional namespace of registration methods, so they show up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SchemaTasks start-up check.</summary>
public static class SchemaTasksServiceCollectionExtensions
{
    /// <summary>
    /// Checks the database against the migrations embedded in <paramref name="migrationsAssembly"/>
    /// when the host starts, and registers <see cref="SchemaTasksHealthCheck"/>. Say which database
    /// with the provider's <c>.UseNpgsql(connectionString)</c> or <c>.UseMySql(connectionString)</c>,
    /// or <c>.UseNpgsql()</c> / <c>.UseMySql()</c> for the data source registered in the services.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="migrationsAssembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="configure">Sets the policy, the history table and, for <see cref="SchemaCheckPolicy.MigrateThenVerify"/>, the migrator's options.</param>
    /// <exception cref="ArgumentException"><see cref="SchemaCheckPolicy.MigrateThenVerify"/> with another history than <c>schematasks_history</c>.</exception>
    public static SchemaTasksCheckBuilder AddSchemaTasksCheck(this IServiceCollection services, Assembly migrationsAssembly, Action<SchemaStartupCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(migrationsAssembly);
        return services.AddSchemaTasksCheck(() => ExpectedSchema.FromAssembly(migrationsAssembly), configure);
    }

    /// <summary>As the assembly overload, for migrations read some other way (<see cref="ExpectedSchema.FromFiles"/>); called once, at the first check.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="expected">Reads the migrations.</param>
    /// <param name="configure">Sets the policy, the history table and, for <see cref="SchemaCheckPolicy.MigrateThenVerify"/>, the migrator's options.</param>
    /// <exception cref="ArgumentException"><see cref="SchemaCheckPolicy.MigrateThenVerify"/> with another history than <c>schematasks_history</c>.</exception>
    public static SchemaTasksCheckBuilder AddSchemaTasksCheck(this IServiceCollection services, Func<ExpectedSchema> expected, Action<SchemaStartupCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(expected);
        var options = new SchemaStartupCheckOptions();
        configure?.Invoke(options);
        ReadOwnHistoryAfterMigrating(options);

        services.TryAddSingleton(typeof(ILogger<>), typeof(Logging.Abstractions.NullLogger<>));
        services.AddSingleton(provider => new SchemaCheckRunner(expected, options, provider, provider.GetRequiredService<ILogger<SchemaCheckRunner>>()));
        services.AddSingleton(provider => new SchemaTasksHealthCheck(provider.GetRequiredService<SchemaCheckRunner>()));
        services.AddSingleton<IHostedService>(provider => new SchemaCheckHostedService(
            provider.GetRequiredService<SchemaCheckRunner>(), provider.GetRequiredService<ILogger<SchemaCheckHostedService>>()));
        return new SchemaTasksCheckBuilder(services);
    }

    // The migrator records what it applies in the history Migrate.History names (schematasks_history
    // unless set); checking another table afterwards would report every migration it just applied
    // as pending.
    private static void ReadOwnHistoryAfterMigrating(SchemaStartupCheckOptions options)
    {
        if (options.Policy != SchemaCheckPolicy.MigrateThenVerify)
        {
            return;
        }

        var written = options.Migrate.History;
        if ((options.Check.HistoryKind is { } kind && kind != written) || options.Check.HistoryTable is not null)
        {
            throw new ArgumentException(
                $"SchemaCheckPolicy.MigrateThenVerify applies the migrations with the SchemaTasks migrator, which records them in {written.ToName()}'s history ({written.DefaultTable()}, Migrate.History), "
                + $"so the check must read that table; Check.HistoryKind is {options.Check.HistoryKind?.ToName() ?? "not set"} and Check.HistoryTable is {options.Check.HistoryTable ?? "not set"}. "
                + "Leave both unset (set Migrate.History to choose the table), or use SchemaCheckPolicy.FailFast to check the history of the tool that applies the migrations.",
                nameof(options));
        }

        options.Check.HistoryKind = written;
    }
}
