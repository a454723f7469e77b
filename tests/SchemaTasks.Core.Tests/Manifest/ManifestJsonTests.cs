using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Manifest;

public class ManifestJsonTests
{
    private static readonly MigrationManifest Small = new(
        MigrationLayout.GolangMigrate,
        SqlDialect.Postgres,
        [
            new ManifestEntry("1", "init", "1_init.up.sql", "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd"),
            new ManifestEntry("2", "add_status", "2_add_status.up.sql", "0000000000000000000000000000000000000000000000000000000000000000"),
        ]);

    [Fact]
    public void Write_GivesExactDeterministicText()
    {
        const string expected =
            "{\n" +
            "  \"formatVersion\": 1,\n" +
            "  \"layout\": \"golang-migrate\",\n" +
            "  \"dialect\": \"postgres\",\n" +
            "  \"migrations\": [\n" +
            "    {\n" +
            "      \"id\": \"1\",\n" +
            "      \"name\": \"init\",\n" +
            "      \"path\": \"1_init.up.sql\",\n" +
            "      \"sha256\": \"b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd\"\n" +
            "    },\n" +
            "    {\n" +
            "      \"id\": \"2\",\n" +
            "      \"name\": \"add_status\",\n" +
            "      \"path\": \"2_add_status.up.sql\",\n" +
            "      \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\"\n" +
            "    }\n" +
            "  ]\n" +
            "}\n";

        Assert.Equal(expected, ManifestJson.Write(Small));
    }

    [Fact]
    public void WriteToStream_IsTheUtf8OfTheText_EvenPastTheFlushThreshold()
    {
        // Enough migrations that the writer hands its buffer to the stream many times.
        var manifest = Small with
        {
            Migrations = [.. Enumerable.Range(0, 2000).Select(i => new ManifestEntry($"{i}", $"stäp {i}", $"{i}_step.up.sql", new string('a', 64)))],
        };
        using var stream = new MemoryStream();

        ManifestJson.Write(manifest, stream);

        var text = ManifestJson.Write(manifest);
        Assert.True(text.Length > 64 * 1024, $"only {text.Length} characters");
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), stream.ToArray());
    }

    [Fact]
    public void Write_UsesLfOnly_AndEndsWithOneNewline()
    {
        var json = ManifestJson.Write(Small);

        Assert.DoesNotContain('\r', json);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.False(json.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WithoutDialect_OmitsTheKey()
    {
        var json = ManifestJson.Write(Small with { Dialect = null });

        Assert.DoesNotContain("dialect", json, StringComparison.Ordinal);
        Assert.Null(ManifestJson.Read(json).Dialect);
    }

    [Fact]
    public void Write_KeepsNonAsciiReadable_AndEscapesQuotes()
    {
        var manifest = Small with { Migrations = [new ManifestEntry("1", "ajoute l'état \"annulé\"", "1_x.up.sql", "ab")] };

        var json = ManifestJson.Write(manifest);

        Assert.Contains("\"name\": \"ajoute l'état \\\"annulé\\\"\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MigrationLayout.Prisma, SqlDialect.MySql)]
    [InlineData(MigrationLayout.Flyway, SqlDialect.Postgres)]
    [InlineData(MigrationLayout.Dbmate, null)]
    [InlineData(MigrationLayout.Plain, null)]
    public void RoundTrip_GivesBackTheSameManifest(MigrationLayout layout, SqlDialect? dialect)
    {
        var manifest = new MigrationManifest(
            layout,
            dialect,
            [
                new ManifestEntry("20240101000000_init", "init", "20240101000000_init/migration.sql", "aa"),
                new ManifestEntry("20240201000000_état", "état \"x\"", "20240201000000_état/migration.sql", "bb"),
            ]);

        var read = ManifestJson.Read(ManifestJson.Write(manifest));

        Assert.Equal(manifest.Layout, read.Layout);
        Assert.Equal(manifest.Dialect, read.Dialect);
        Assert.Equal(manifest.Migrations, read.Migrations);
    }

    [Fact]
    public void RoundTrip_OfAnEmptyManifest_Works()
    {
        var read = ManifestJson.Read(ManifestJson.Write(Small with { Migrations = [] }));

        Assert.Empty(read.Migrations);
    }

    [Fact]
    public void Read_WrongFormatVersion_SaysWhichVersions()
    {
        var json = ManifestJson.Write(Small).Replace("\"formatVersion\": 1", "\"formatVersion\": 7", StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => ManifestJson.Read(json));

        Assert.Contains("version 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"version {MigrationManifest.FormatVersion}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{ \"formatVersion\": \"1\", \"layout\": \"plain\", \"migrations\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"plain\" }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"no-such-tool\", \"migrations\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"plain\", \"dialect\": \"oracle\", \"migrations\": [] }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"plain\", \"migrations\": [ { \"id\": \"1\", \"name\": \"a\", \"path\": \"1.sql\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"plain\", \"migrations\": [ { \"id\": 1, \"name\": \"a\", \"path\": \"1.sql\", \"sha256\": \"ab\" } ] }")]
    [InlineData("{ \"formatVersion\": 1, \"layout\": \"plain\", \"migrations\": [ { \"id\": null, \"name\": \"a\", \"path\": \"1.sql\", \"sha256\": \"ab\" } ] }")]
    public void Read_MalformedManifest_ThrowsFormatException(string json)
    {
        var ex = Assert.Throws<FormatException>(() => ManifestJson.Read(json));

        Assert.Contains("manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_TakesEveryMigrationOfTheSet_InOrder()
    {
        var set = new MigrationSet(
            MigrationLayout.Dbmate,
            null,
            [
                new Migration("1", "1", "a", "1_a.sql", "c1", "SELECT 1;"),
                new Migration("2", "2", "b", "2_b.sql", "c2", "SELECT 2;"),
            ]);

        var manifest = MigrationManifest.From(set, SqlDialect.MySql);

        Assert.Equal(MigrationLayout.Dbmate, manifest.Layout);
        Assert.Equal(SqlDialect.MySql, manifest.Dialect);
        Assert.Equal(
            [new ManifestEntry("1", "a", "1_a.sql", "c1"), new ManifestEntry("2", "b", "2_b.sql", "c2")],
            manifest.Migrations);
    }
}
