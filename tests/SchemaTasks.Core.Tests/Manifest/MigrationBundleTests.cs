using System.Text;
using SchemaTasks.Manifest;

namespace SchemaTasks.Core.Tests.Manifest;

public class MigrationBundleTests
{
    private static readonly (string Path, byte[] Bytes)[] Files =
    [
        ("20250801120000_init/migration.sql", Encoding.UTF8.GetBytes("CREATE TYPE \"JobStatus\" AS ENUM ('QUEUED');\n")),
        ("20250909044604_é/migration.sql", [0xEF, 0xBB, 0xBF, (byte)'-', (byte)'-', 0xFF, (byte)'\r', (byte)'\n']),
        ("empty.sql", []),
    ];

    [Fact]
    public void Read_GivesBackEveryFileByteForByte()
    {
        var files = MigrationBundle.Read(Bundle(Files));

        Assert.Equal(Files.Select(f => f.Path).Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in Files)
        {
            Assert.Equal(bytes, files[path].ToArray());
        }
    }

    [Fact]
    public void Write_IsTheDocumentedFormat()
    {
        var bundle = Bundle([("a.sql", [0x41, 0x42])]);

        byte[] expected =
        [
            27, .. Encoding.ASCII.GetBytes("SchemaTasks.MigrationBundle"),
            1, 0, 0, 0, // version
            1, 0, 0, 0, // files
            5, .. Encoding.ASCII.GetBytes("a.sql"),
            2, 0, 0, 0, 0x41, 0x42,
        ];
        Assert.Equal(expected, bundle);
    }

    [Fact]
    public void Read_RefusesOtherBytes()
    {
        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(Encoding.UTF8.GetBytes("-- not a bundle\n")));
        Assert.Equal("it does not start with the bundle signature", ex.Message);
    }

    [Fact]
    public void Read_RefusesANewerVersion_SayingWhichItReads()
    {
        var bundle = Bundle(Files);
        bundle[28] = 2;

        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(bundle));

        Assert.Equal("it is version 2, and this SchemaTasks reads version 1", ex.Message);
    }

    [Fact]
    public void Read_RefusesAFileCutShort_NamingIt()
    {
        var bundle = Bundle([("a.sql", [1, 2, 3])]);

        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(bundle[..^1]));

        Assert.Equal("'a.sql' is 3 bytes long, more than the 2 bytes left", ex.Message);
    }

    [Fact]
    public void Read_RefusesABundleCutInsideAnEntry()
    {
        var bundle = Bundle(Files);

        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(bundle[..40]));

        Assert.Equal("it is cut short or holds an invalid length", ex.Message);
    }

    [Fact]
    public void Read_RefusesTrailingBytes()
    {
        byte[] bundle = [.. Bundle(Files), 0];

        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(bundle));

        Assert.Equal("1 bytes follow its last file", ex.Message);
    }

    [Fact]
    public void Read_RefusesAPathHeldTwice()
    {
        var ex = Assert.Throws<FormatException>(() => MigrationBundle.Read(Bundle([("a.sql", [1]), ("a.sql", [2])])));

        Assert.Equal("it holds 'a.sql' twice", ex.Message);
    }

    private static byte[] Bundle(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        using var stream = new MemoryStream();
        MigrationBundle.Write(stream, files);
        return stream.ToArray();
    }
}
