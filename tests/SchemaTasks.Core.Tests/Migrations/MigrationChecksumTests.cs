using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class MigrationChecksumTests
{
    [Fact]
    public void Checksum_IsSha256HexOfUtf8Bytes()
    {
        const string text = "SELECT 1;\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, MigrationChecksum.Compute(text));
    }

    [Fact]
    public void Checksum_MatchesKnownVector()
    {
        // printf 'SELECT 1;\n' | sha256sum
        Assert.Equal(
            "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd",
            MigrationChecksum.Compute("SELECT 1;\n"));
    }

    [Fact]
    public void Checksum_IsTheSameForCrLfLoneCrAndLf()
    {
        var lf = MigrationChecksum.Compute("CREATE TABLE a (id int);\nSELECT 1;\n");
        var crlf = MigrationChecksum.Compute("CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
        var cr = MigrationChecksum.Compute("CREATE TABLE a (id int);\rSELECT 1;\r");

        Assert.Equal(lf, crlf);
        Assert.Equal(lf, cr);
    }

    [Fact]
    public void Checksum_KeepsBlankLines_WhenNormalising()
    {
        // CR CR LF is two line endings, not one.
        Assert.Equal(MigrationChecksum.Compute("a\n\nb"), MigrationChecksum.Compute("a\r\r\nb"));
        Assert.NotEqual(MigrationChecksum.Compute("a\nb"), MigrationChecksum.Compute("a\r\r\nb"));
    }

    [Theory]
    [InlineData("SELECT 1;\n")]
    [InlineData("SELECT 1;\r\n")]
    public void Checksum_IgnoresByteOrderMark(string text)
    {
        Assert.Equal(MigrationChecksum.Compute(text), MigrationChecksum.Compute("\uFEFF" + text));
    }

    [Theory]
    [InlineData("SELECT 2;\n")]
    [InlineData("select 1;\n")]
    [InlineData("SELECT 1; \n")]
    [InlineData("SELECT 1;")]
    public void Checksum_ChangesWithOneCharacter(string edited)
    {
        Assert.NotEqual(MigrationChecksum.Compute("SELECT 1;\n"), MigrationChecksum.Compute(edited));
    }

    [Fact]
    public void NormaliseLineEndings_TurnsEveryEndingIntoLf_AndDropsTheBom()
    {
        Assert.Equal("a\nb\nc\n", MigrationChecksum.NormaliseLineEndings("\uFEFFa\r\nb\rc\n"));
    }
}
