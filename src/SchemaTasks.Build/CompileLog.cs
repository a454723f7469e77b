using System.Text.Json;

namespace SchemaTasks.Build;

/// <summary>
/// The results of a compile's SARIF error log, in either version the compiler writes (1.0, its
/// default, and 2.1). The analyzer's facts reach the build this way: the compiler prints only
/// errors and warnings, but logs every diagnostic, with its properties, to the error log.
/// </summary>
internal static class CompileLog
{
    public sealed record Result(string RuleId, string Message, IReadOnlyDictionary<string, string> Properties);

    /// <param name="errorLog">The log's path, or the compiler's <c>ErrorLog</c> value (<c>path,version=2.1</c>).</param>
    public static IReadOnlyList<Result> Read(string errorLog)
    {
        var path = PathOf(errorLog);
        if (!File.Exists(path))
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<Result>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var rule = result.TryGetProperty("ruleId", out var id) ? id.GetString() ?? "" : "";
                var message = result.TryGetProperty("message", out var text) ? MessageText(text) : "";
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                if (result.TryGetProperty("properties", out var bag) && bag.TryGetProperty("customProperties", out var custom))
                {
                    foreach (var property in custom.EnumerateObject())
                    {
                        properties[property.Name] = property.Value.GetString() ?? "";
                    }
                }

                results.Add(new Result(rule, message, properties));
            }
        }

        return results;
    }

    // The compiler's ErrorLog value is the path, optionally followed by ",version=1|2|2.1".
    private static string PathOf(string errorLog)
    {
        var version = errorLog.LastIndexOf(",version=", StringComparison.OrdinalIgnoreCase);
        return (version < 0 ? errorLog : errorLog.Substring(0, version)).Trim();
    }

    // SARIF 2.1 writes a message as an object with "text"; the compiler also writes a plain string.
    private static string MessageText(JsonElement message)
        => message.ValueKind == JsonValueKind.String ? message.GetString() ?? ""
            : message.TryGetProperty("text", out var text) ? text.GetString() ?? ""
            : "";
}
