using SchemaTasks.Migrations;
using SchemaTasks.Core.Tests.Schema;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Snapshot;

public class SnapshotJsonTests
{
    [Theory]
    [InlineData("1-prisma-job-status", SqlDialect.Postgres)]
    [InlineData("2-golang-migrate-job-tracking", SqlDialect.MySql)]
    [InlineData("4-check-bots-health-status", SqlDialect.Postgres)]
    [InlineData("5-prisma-momentum", SqlDialect.Postgres)]
    public void WriteReadWrite_IsByteIdentical(string scenario, SqlDialect dialect)
    {
        var set = ScenarioFixtures.Load(scenario);
        var snapshot = SchemaSnapshot.Create(set, SchemaEngine.Build(set, dialect).Final);

        var first = SnapshotJson.Write(snapshot);
        var second = SnapshotJson.Write(SnapshotJson.Read(first));

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteToStream_IsTheUtf8OfTheText_EvenPastTheFlushThreshold()
    {
        // Enough tables that the writer hands its buffer to the stream many times.
        var sql = string.Concat(Enumerable.Range(0, 400).Select(i =>
            $"CREATE TYPE kind_{i} AS ENUM ('pending', 'running', 'über_{i}'); CREATE TABLE t_{i} (id int, kind kind_{i} NOT NULL DEFAULT 'pending', note text CHECK (note IN ('a', 'b')));\n"));
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres, [new Migration("1_all", "1", "all", "1_all.sql", "checksum", sql)]);
        var snapshot = SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.Postgres).Final);
        using var stream = new MemoryStream();

        SnapshotJson.Write(snapshot, stream);

        var text = SnapshotJson.Write(snapshot);
        Assert.True(text.Length > 256 * 1024, $"only {text.Length} characters");
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), stream.ToArray());
    }

    [Fact]
    public void Write_IsDeterministicAndSortedByName()
    {
        const string Sql = "CREATE TYPE zeta AS ENUM ('z2', 'z1'); CREATE TYPE alpha AS ENUM ('b', 'a'); CREATE TABLE b (x zeta); CREATE TABLE a (y alpha, CHECK (y IN ('a')));";
        var one = Build(Sql);
        var two = Build(Sql);

        Assert.Equal(one, two);
        Assert.True(one.IndexOf("\"alpha\"", StringComparison.Ordinal) < one.IndexOf("\"zeta\"", StringComparison.Ordinal));
        Assert.Contains("\"labels\": [\n          \"z2\",\n          \"z1\"\n        ]", one, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"check\"", one, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ShowsAllowedValuesAndChecksumsOfScenario1()
    {
        var set = ScenarioFixtures.Load("1-prisma-job-status");
        var json = SnapshotJson.Write(SchemaSnapshot.Create(set, SchemaEngine.Build(set, SqlDialect.Postgres).Final));

        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"dialect\": \"postgres\",\n  \"migrations\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"20250909044604_add_cancelled_job_status\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"sha256\": \"{set.Migrations[1].Checksum}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"default\": \"'PENDING'\"", json, StringComparison.Ordinal);
        Assert.Contains("\"CANCELLED\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"my.dom\"")]
    [InlineData("\"a.b\".dom")]
    [InlineData("plain")]
    public void Write_ShowsTheAllowedValuesOfADomainWhoseNameHasADot(string domain)
    {
        var schema = domain.StartsWith("\"a.b\"", StringComparison.Ordinal) ? "CREATE SCHEMA \"a.b\"; " : "";
        var json = Build(schema + $"CREATE DOMAIN {domain} AS text CHECK (VALUE IN ('low', 'high'));");

        // The domain's allowed values were lost when its name was split on every dot.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var written = Assert.Single(document.RootElement.GetProperty("schema").GetProperty("domains").EnumerateArray());
        var values = written.GetProperty("allowedValues").GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? "").ToArray();
        Assert.Equal<string>(["low", "high"], values);
    }

    [Fact]
    public void Read_RejectsOtherFormatVersions()
    {
        var error = Assert.Throws<FormatException>(() => SnapshotJson.Read("{\"formatVersion\": 2, \"dialect\": \"postgres\"}"));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SnapshotJson.Read("{"));
    }

    private static string Build(string sql)
    {
        var catalog = CatalogBuild.Clean(sql);
        return SnapshotJson.Write(new SchemaSnapshot(SqlDialect.Postgres, [], catalog));
    }
}
