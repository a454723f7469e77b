using System.Text;

namespace SchemaTasks.Build;

/// <summary>Writes generated files whole, so a failed build never leaves half a file behind.</summary>
internal static class OutputFile
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string content) => WriteText(path, writer => writer.Write(content));

    /// <summary>Writes UTF-8 text (no byte order mark) as <paramref name="write"/> produces it.</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom);
            write(writer);
        });

    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // A name of its own: the inner builds of a multi-targeted project run in parallel and
        // write the same snapshot, so a shared temporary name would let one move the other's file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
