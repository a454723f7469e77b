using System.Text.Json;
using SchemaTasks.Json;
using SchemaTasks.Migrations;

namespace SchemaTasks.Manifest;

/// <summary>
/// Writes and reads <see cref="MigrationManifest"/> as JSON. Output is deterministic: fixed
/// property order, LF line endings, no timestamps, so the same migrations give the same bytes
/// on every machine.
/// </summary>
public static class ManifestJson
{
    /// <summary>The manifest as UTF-8 JSON text ending in a newline.</summary>
    public static string Write(MigrationManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return DeterministicJson.Write(writer => Write(writer, manifest));
    }

    /// <summary>
    /// Writes the manifest's file, the same bytes as <see cref="Write(MigrationManifest)"/> in UTF-8,
    /// to <paramref name="destination"/> as it goes, without holding the whole text.
    /// </summary>
    public static void Write(MigrationManifest manifest, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(destination);
        DeterministicJson.WriteTo(destination, writer => Write(writer, manifest));
    }

    private static void Write(Utf8JsonWriter writer, MigrationManifest manifest)
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
            DeterministicJson.WriteMigration(writer, entry.Id, entry.Name, entry.Path, entry.Sha256);
            DeterministicJson.FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a manifest written by <see cref="Write(MigrationManifest)"/>.</summary>
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
