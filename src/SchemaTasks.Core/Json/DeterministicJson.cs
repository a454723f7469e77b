using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaTasks.Json;

/// <summary>
/// The one way SchemaTasks writes the JSON files it commits or embeds (manifest, snapshot):
/// two-space indentation, readable characters left unescaped, LF line endings whatever the
/// platform, and a trailing newline, so the same content gives the same bytes everywhere.
/// </summary>
internal static class DeterministicJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        // Utf8JsonWriter writes the platform's newline; the file must not depend on the platform.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>One migration as the manifest and the snapshot both record it.</summary>
    public static void WriteMigration(Utf8JsonWriter writer, string id, string name, string path, string sha256)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("name", name);
        writer.WriteString("path", path);
        writer.WriteString("sha256", sha256);
        writer.WriteEndObject();
    }
}
