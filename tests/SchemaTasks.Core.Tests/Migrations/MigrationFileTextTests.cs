using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>The folder reader's one-read decoding gives exactly what <see cref="File.ReadAllText(string)"/> gives.</summary>
public sealed class MigrationFileTextTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "schematasks-text-" + Guid.NewGuid().ToString("N")[..8] + ".sql");

    public void Dispose() => File.Delete(_path);

    public static TheoryData<string, byte[]> Files => new()
    {
        { "plain UTF-8", Encoding.UTF8.GetBytes("CREATE TYPE mood AS ENUM ('happy', 'über');\n") },
        { "UTF-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("CREATE TABLE t (id int);")] },
        { "UTF-16 little endian", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("CREATE TYPE é AS ENUM ('a');")] },
        { "UTF-16 big endian", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("SELECT 1;")] },
        { "UTF-32 little endian", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("SELECT 2;")] },
        { "invalid UTF-8 bytes", [0x53, 0xC3, 0x28, 0xFF, 0x3B] },
        { "empty", [] },
        { "only a byte order mark", [0xEF, 0xBB, 0xBF] },
        { "larger than the first buffer", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("INSERT INTO t VALUES ('ü');\n", 12_000))) },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_GivesWhatReadAllTextGives(string what, byte[] bytes)
    {
        File.WriteAllBytes(_path, bytes);

        var read = MigrationFileText.ReadWithChecksum(_path);

        Assert.True(File.ReadAllText(_path) == read.Text, what);
        Assert.True(MigrationChecksum.Compute(read.Text) == read.Checksum, what); // Hashed from the bytes where they are the text's own.
    }

    // A file is read up to the length it says it has; one that says none must still be read whole.
    [Fact]
    public void Read_ReadsAFileThatSaysNoLength_ToItsEnd()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc is Linux's.
        const string path = "/proc/self/status";
        Assert.Equal(0, new FileInfo(path).Length);

        var text = MigrationFileText.ReadWithChecksum(path).Text;

        Assert.StartsWith("Name:", text, StringComparison.Ordinal);
        Assert.Contains("\nPid:", text, StringComparison.Ordinal);
    }
}
