using SchemaTasks.Core.Tests.Schema;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Snapshot;

/// <summary>
/// What the build task reads of a committed snapshot to say why it is stale: the dialect and
/// the migrations, read as the text arrives and nothing after them.
/// </summary>
public class SnapshotOriginTests
{
    [Theory]
    [InlineData("1-prisma-job-status", SqlDialect.Postgres)]
    [InlineData("2-golang-migrate-job-tracking", SqlDialect.MySql)]
    public void ReadOrigin_OfAWrittenSnapshot_IsWhatReadGives(string scenario, SqlDialect dialect)
    {
        var json = SnapshotJson.Write(Snapshot(scenario, dialect));

        var origin = SnapshotJson.ReadOrigin(new StringReader(json));

        var read = SnapshotJson.Read(json);
        Assert.Equal(read.Dialect, origin.Dialect);
        Assert.Equal<SnapshotMigration>(read.Migrations, origin.Migrations);
        Assert.NotEmpty(origin.Migrations);
    }

    [Fact]
    public void ReadOrigin_StopsBeforeTheSchema()
    {
        var json = SnapshotJson.Write(Snapshot("1-prisma-job-status", SqlDialect.Postgres));
        var cut = json[..(json.IndexOf("\"schema\"", StringComparison.Ordinal) + "\"schema\": {".Length)] + "<<<<<<< not JSON";

        var origin = SnapshotJson.ReadOrigin(new StringReader(cut));

        Assert.Equal(2, origin.Migrations.Length);
        Assert.Throws<FormatException>(() => SnapshotJson.Read(cut));
    }

    [Fact]
    public void ReadOrigin_TakesThePropertiesInAnyOrder_AndPassesOverOthers()
    {
        const string Json = """
            {
              "schema": { "tables": [ { "name": "t", "columns": [] } ] },
              "migrations": [ { "sha256": "abc", "extra": { "nested": [1, 2] }, "path": "1/migration.sql", "name": "one", "id": "1" } ],
              "comment": [ "anything", { } ],
              "dialect": "mysql",
              "formatVersion": 1
            }
            """;

        var origin = SnapshotJson.ReadOrigin(new StringReader(Json));

        Assert.Equal(SqlDialect.MySql, origin.Dialect);
        Assert.Equal(new SnapshotMigration("1", "one", "1/migration.sql", "abc"), Assert.Single(origin.Migrations));
    }

    [Theory]
    [InlineData("""{"formatVersion": 2, "dialect": "postgres", "migrations": []}""", "format version 2")]
    [InlineData("""{"formatVersion": 1, "dialect": "oracle", "migrations": []}""", "unknown dialect 'oracle'")]
    [InlineData("""{"formatVersion": 1, "dialect": "postgres"}""", "no 'migrations'")]
    [InlineData("""{"formatVersion": 1, "dialect": "postgres", "migrations": [{"id": "1", "name": "one", "path": "p"}]}""", "Migration '1' has no 'sha256'")]
    [InlineData("<<<<<<< HEAD\n{}", "is not valid")]
    public void ReadOrigin_SaysWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SnapshotJson.ReadOrigin(new StringReader(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NamesEachMigrationAddedChangedOrRemoved_AndADialectChange()
    {
        var current = Snapshot("1-prisma-job-status", SqlDialect.Postgres);
        var first = current.Migrations[0];
        var second = current.Migrations[1];
        var committed = new SnapshotOrigin(
            SqlDialect.MySql,
            [first with { Sha256 = "0123456789abcdef0123" }, new SnapshotMigration("0_gone", "gone", "0_gone/migration.sql", "ffff")]);

        var changes = SnapshotChanges.Describe(committed, current);

        Assert.Equal<string>(
            [
                "the dialect changed from mysql to postgres",
                $"migration {first.Id} ('{first.Path}') changed (SHA-256 0123456789ab → {first.Sha256[..12]})",
                $"migration {second.Id} ('{second.Path}') is new",
                "migration 0_gone ('0_gone/migration.sql') was removed",
            ],
            changes);
    }

    [Fact]
    public void Describe_OfTheSameOrigin_IsEmpty()
    {
        var current = Snapshot("1-prisma-job-status", SqlDialect.Postgres);

        Assert.Empty(SnapshotChanges.Describe(new SnapshotOrigin(current.Dialect, current.Migrations), current));
        Assert.NotEmpty(SnapshotChanges.Describe(new SnapshotOrigin(current.Dialect, current.Migrations.RemoveAt(0)), current));
    }

    private static SchemaSnapshot Snapshot(string scenario, SqlDialect dialect)
    {
        var set = ScenarioFixtures.Load(scenario);
        return SchemaSnapshot.Create(set, SchemaEngine.BuildFinal(set, dialect).Catalog);
    }
}
