using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>The placeholder settings Flyway is given: the values, and whether it replaces placeholders at all.</summary>
public sealed record FlywayPlaceholderSettings
{
    /// <summary>The default: replacement on, no values given.</summary>
    public static FlywayPlaceholderSettings Default { get; } = new();

    /// <summary>The values by name, as Flyway's <c>placeholders.&lt;name&gt;</c> settings give them; names match by exact case.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Flyway's <c>placeholderReplacement</c>: when false, migrations run as written.</summary>
    public bool Replace { get; init; } = true;

    /// <summary>Reads <c>name=value</c> pairs; <see langword="null"/> with <paramref name="error"/> for one without '=' or a name.</summary>
    /// <param name="pairs">The pairs, as the user wrote them.</param>
    /// <param name="setting">The setting's name, for the message.</param>
    /// <param name="error">What is wrong (<c>ST1006</c>).</param>
    public static IReadOnlyDictionary<string, string>? ParseValues(IEnumerable<string> pairs, string setting, out SchemaDiagnostic? error)
        => NameValuePairs.Parse(pairs, setting, "write each Flyway placeholder as name=value (the name as the migrations write it inside ${})", out error);
}
