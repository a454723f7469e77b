using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// A folder's reader hashes a migration's bytes as it reads them where they are the text's own;
/// the checksum must be the one <see cref="MigrationChecksum.Compute"/> gives the decoded text,
/// whatever the bytes hold.
/// </summary>
public sealed class ChecksumFromBytesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schematasks-checksum-").FullName;

    public static TheoryData<string, byte[]> Files => new()
    {
        { "plain", Encoding.UTF8.GetBytes("CREATE TABLE t (id int);\n") },
        { "empty", [] },
        { "multibyte", Encoding.UTF8.GetBytes("COMMENT ON TABLE t IS 'café ✓ 😀';\n") },
        { "crlf", Encoding.UTF8.GetBytes("CREATE TABLE t (id int);\r\nSELECT 1;\r\n") },
        { "lone cr", Encoding.UTF8.GetBytes("SELECT 1;\rSELECT 2;\n") },
        { "bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("SELECT 1;\n")] },
        { "two boms", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("SELECT 1;\n")] },
        { "invalid bytes", [.. Encoding.UTF8.GetBytes("SELECT '"), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("';\n")] },
        { "overlong", [.. Encoding.UTF8.GetBytes("SELECT '"), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("';\n")] },
        { "replacement character written", Encoding.UTF8.GetBytes("SELECT '\uFFFD';\n") },
        { "utf-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("SELECT 1;\r\n")] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ChecksumReadFromTheFolder_IsTheChecksumOfItsText(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(_folder, "1_m.sql"), bytes);

        var file = Assert.Single(MigrationFolderWalk.Read(_folder, []));

        Assert.NotNull(file.KnownChecksum);
        Assert.True(MigrationChecksum.Compute(file.Text) == file.KnownChecksum, name);
        Assert.Equal(MigrationChecksum.Compute(File.ReadAllText(Path.Combine(_folder, "1_m.sql"))), file.Checksum);
    }

    [Fact]
    public void FilesOfOneTextAreEqual_WhetherOrNotTheirChecksumIsKnown()
    {
        var read = new MigrationSourceFile("1_m.sql", "SELECT 1;") { KnownChecksum = MigrationChecksum.Compute("SELECT 1;") };

        Assert.Equal(new MigrationSourceFile("1_m.sql", "SELECT 1;"), read);
        Assert.Equal(new MigrationSourceFile("1_m.sql", "SELECT 1;").GetHashCode(), read.GetHashCode());
        Assert.NotEqual(new MigrationSourceFile("1_m.sql", "SELECT 2;"), read);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
