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

    public static string Write(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(WriteUtf8(write));

    /// <summary>The JSON as UTF-8 bytes, for writing a file without a detour through a string.</summary>
    public static byte[] WriteUtf8(Action<Utf8JsonWriter> write)
    {
        // A snapshot of a long history is megabytes: one growing buffer, then one exact copy.
        using var buffer = new MemoryStream(InitialCapacity);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        var written = new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var result = new byte[written.Length + 1];

        // Utf8JsonWriter ends lines with the platform's newline, and the file must not depend on
        // the platform. It escapes a carriage return inside a string, so every CR byte it wrote
        // belongs to a line ending.
        var length = 0;
        if (written.IndexOf((byte)'\r') < 0)
        {
            written.CopyTo(result);
            length = written.Length;
        }
        else
        {
            foreach (var b in written)
            {
                if (b != (byte)'\r')
                {
                    result[length++] = b;
                }
            }
        }

        result[length++] = (byte)'\n';
        return length == result.Length ? result : result.AsSpan(0, length).ToArray();
    }

    private const int InitialCapacity = 64 * 1024;

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
