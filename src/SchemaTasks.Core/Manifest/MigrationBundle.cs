using System.Text;

namespace SchemaTasks.Manifest;

/// <summary>
/// The migration files of a build in one embedded resource
/// (<see cref="EmbeddedResourceNames.MigrationBundle"/>), each file's bytes exactly as they are on
/// disk. One resource instead of one per file keeps a build that changed nothing from adding a
/// hundred items to MSBuild's resource pipeline, and the compiler from reading them one by one.
/// </summary>
/// <remarks>
/// The format (version 1), little-endian: the ASCII signature <c>SchemaTasks.MigrationBundle</c>
/// as a length-prefixed string, the version as a 32-bit integer, the number of files as a 32-bit
/// integer, then for each file its relative path (a length-prefixed UTF-8 string, as
/// <see cref="BinaryWriter.Write(string)"/> writes it) and its length and bytes. The checksums are
/// in the manifest, so the bundle itself carries none.
/// </remarks>
internal static class MigrationBundle
{
    private const string Signature = "SchemaTasks.MigrationBundle";
    private const int Version = 1;

    /// <summary>Writes <paramref name="files"/> (relative path and bytes, in order) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        using var writer = new BinaryWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        writer.Write(Signature);
        writer.Write(Version);
        writer.Write(files.Count);
        foreach (var (path, bytes) in files)
        {
            writer.Write(path);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>The files of a bundle by relative path, each as a slice of <paramref name="bundle"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a bundle this version reads; the message says why.</exception>
    public static IReadOnlyDictionary<string, ArraySegment<byte>> Read(byte[] bundle)
    {
        // The signature is compared as bytes: other bytes read as a string would be "cut short".
        var signature = Encoding.ASCII.GetBytes(Signature);
        if (bundle.Length <= signature.Length || bundle[0] != signature.Length || !bundle.AsSpan(1, signature.Length).SequenceEqual(signature))
        {
            throw new FormatException("it does not start with the bundle signature");
        }

        var files = new Dictionary<string, ArraySegment<byte>>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bundle, writable: false), Encoding.UTF8);
            reader.BaseStream.Position = 1 + signature.Length;
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new FormatException($"it is version {version}, and this SchemaTasks reads version {Version}");
            }

            var count = reader.ReadInt32();
            if (count < 0)
            {
                throw new FormatException($"it declares {count} files");
            }

            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var length = reader.ReadInt32();
                var offset = (int)reader.BaseStream.Position;
                if (length < 0 || length > bundle.Length - offset)
                {
                    throw new FormatException($"'{path}' is {length} bytes long, more than the {bundle.Length - offset} bytes left");
                }

                if (files.ContainsKey(path))
                {
                    throw new FormatException($"it holds '{path}' twice");
                }

                files.Add(path, new ArraySegment<byte>(bundle, offset, length));
                reader.BaseStream.Position = offset + length;
            }

            if (reader.BaseStream.Position != bundle.Length)
            {
                throw new FormatException($"{bundle.Length - reader.BaseStream.Position} bytes follow its last file");
            }
        }
        catch (IOException)
        {
            // The end of the bytes in the middle of an entry, or a negative string length.
            throw new FormatException("it is cut short or holds an invalid length");
        }

        return files;
    }
}
