using System.Buffers;
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

    /// <summary>How much the writer may hold before <see cref="FlushWhenFull"/> hands it to the stream.</summary>
    /// <remarks>
    /// Each flush is a write to the file, so fewer and larger is faster; but the writer's buffer
    /// doubles past what it holds, and must stay under the 85,000 bytes from which an array goes
    /// to the large object heap. Allocations there soon start a full collection, which in the
    /// build task collects all of MSBuild's memory.
    /// </remarks>
    private const int FlushThreshold = 32 * 1024;

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, write);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes the JSON to <paramref name="destination"/> as it goes: a snapshot of a long history
    /// is megabytes, and holding it whole (in the writer, a buffer, a string) cost a cold tool
    /// run more than building the schema did. Long writers call <see cref="FlushWhenFull"/>.
    /// </summary>
    public static void WriteTo(Stream destination, Action<Utf8JsonWriter> write) => WriteTo(destination, (writer, _) => write(writer));

    /// <summary>
    /// As <see cref="WriteTo(Stream, Action{Utf8JsonWriter})"/>, also giving the stream the writer
    /// writes to, for a writer that copies in JSON written elsewhere by <see cref="CreateWriter"/>
    /// (after flushing the writer).
    /// </summary>
    public static void WriteTo(Stream destination, Action<Utf8JsonWriter, Stream> write)
    {
        // Utf8JsonWriter ends lines with the platform's newline, and the file must not depend on
        // the platform. It escapes a carriage return inside a string, so every CR byte it
        // writes belongs to a line ending.
        var target = Environment.NewLine == "\n" ? destination : new LineFeedStream(destination);
        using (var writer = new Utf8JsonWriter(target, Options))
        {
            write(writer, target);
        }

        target.WriteByte((byte)'\n');
        target.Flush();
    }

    /// <summary>A writer of the same format into <paramref name="output"/>, for a part of a file written apart.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, Options);

    /// <summary>Hands what the writer holds to its stream once it is large, so no buffer grows with the document.</summary>
    public static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
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
