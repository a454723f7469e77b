using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SchemaTasks.Migrations;

namespace SchemaTasks.Manifest;

/// <summary>
/// Writes and reads <see cref="MigrationManifest"/> as JSON. Output is deterministic: fixed
/// property order, LF line endings, no timestamps, so the same migrations give the same bytes
/// on every machine.
/// </summary>
public static class ManifestJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest as UTF-8 JSON text ending in a newline.</summary>
    public static string Write(MigrationManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", MigrationManifest.FormatVersion);
            writer.WriteString("layout", manifest.Layout.ToName());
            if (manifest.Dialect is { } dialect)
            {
                writer.WriteString("dialect", dialect.ToName());
            }

            writer.WriteStartArray("migrations");
            foreach (var entry in manifest.Migrations)
            {
                writer.WriteStartObject();
                writer.WriteString("id", entry.Id);
                writer.WriteString("name", entry.Name);
                writer.WriteString("path", entry.Path);
                writer.WriteString("sha256", entry.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Utf8JsonWriter writes the platform's newline; the file must not depend on the platform.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>Reads a manifest written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The text is not a manifest this version understands; the message says why.</exception>
    public static MigrationManifest Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != MigrationManifest.FormatVersion)
            {
                throw new FormatException($"the manifest has format version {version}; this SchemaTasks reads version {MigrationManifest.FormatVersion}. Use the same SchemaTasks version for the build and the runtime packages.");
            }

            var layoutName = root.GetProperty("layout").GetString();
            if (!MigrationLayoutNames.TryParse(layoutName, out var layout))
            {
                throw new FormatException($"the manifest names an unknown layout '{layoutName}'.");
            }

            SqlDialect? dialect = null;
            if (root.TryGetProperty("dialect", out var dialectElement))
            {
                if (!SqlDialectNames.TryParse(dialectElement.GetString(), out var parsed))
                {
                    throw new FormatException($"the manifest names an unknown dialect '{dialectElement.GetString()}'.");
                }

                dialect = parsed;
            }

            var entries = root.GetProperty("migrations").EnumerateArray()
                .Select(e => new ManifestEntry(
                    Required(e, "id"),
                    Required(e, "name"),
                    Required(e, "path"),
                    Required(e, "sha256")))
                .ToList();
            return new MigrationManifest(layout, dialect, entries);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"the manifest is not valid: {ex.Message}", ex);
        }
    }

    private static string Required(JsonElement element, string name)
        => element.GetProperty(name).GetString() ?? throw new FormatException($"the manifest has an entry without '{name}'.");
}
