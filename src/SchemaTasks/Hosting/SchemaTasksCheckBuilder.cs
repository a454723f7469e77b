using Microsoft.Extensions.DependencyInjection;

namespace SchemaTasks.Hosting;

/// <summary>
/// Returned by <c>AddSchemaTasksCheck</c>; a provider package's extension (<c>UseNpgsql</c>,
/// <c>UseMySql</c>) says which database to check.
/// </summary>
public sealed class SchemaTasksCheckBuilder
{
    internal SchemaTasksCheckBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers the provider's check; the last registration wins.</summary>
    internal SchemaTasksCheckBuilder UseDatabase(Func<IServiceProvider, ISchemaDatabaseCheck> factory)
    {
        Services.AddSingleton(factory);
        return this;
    }
}
