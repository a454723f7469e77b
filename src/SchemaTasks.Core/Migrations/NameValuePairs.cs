using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>Reads the <c>name=value</c> pairs a setting gives values in (Flyway's placeholders, pop's connection options).</summary>
internal static class NameValuePairs
{
    /// <summary>The values by exact name; <see langword="null"/> with <paramref name="error"/> for a pair without '=' or a name.</summary>
    /// <param name="pairs">The pairs, as the user wrote them; blank ones are passed over.</param>
    /// <param name="setting">The setting's name, for the message.</param>
    /// <param name="fix">How each pair should be written, the end of the message.</param>
    /// <param name="error">What is wrong (<c>ST1006</c>).</param>
    public static IReadOnlyDictionary<string, string>? Parse(IEnumerable<string> pairs, string setting, string fix, out SchemaDiagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (string.IsNullOrWhiteSpace(pair)) continue;
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? string.Empty : pair.Substring(0, equals).Trim();
            if (name.Length == 0)
            {
                error = SchemaDiagnostic.Error(DiagnosticCodes.UnknownSetting, $"{setting} has '{pair}', which is not name=value; {fix}.");
                return null;
            }

            values[name] = pair.Substring(equals + 1);
        }

        return values;
    }
}
