using System.Globalization;
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

    /// <summary>
    /// Writes UTF-8 text as <see cref="WriteText"/> does, but leaves a file that already holds it
    /// as it is, time stamp included: for a file the compiler reads, a newer one means compiling
    /// again, which a migration edit that leaves the schema's values as they were need not cost.
    /// </summary>
    public static void WriteTextWhenChanged(string path, Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        var content = text.ToString();
        if (File.Exists(path) && string.Equals(File.ReadAllText(path), content, StringComparison.Ordinal))
        {
            return;
        }

        Write(path, content);
    }

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
