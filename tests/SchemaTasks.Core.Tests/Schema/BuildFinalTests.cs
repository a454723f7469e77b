using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// <see cref="SchemaEngine.BuildFinal(MigrationSet, SqlDialect)"/> is <see cref="SchemaEngine.Build"/> without the schemas
/// after earlier migrations: the snapshot command and the build task use it, so any difference
/// in the last schema or in the findings would reach every snapshot.
/// </summary>
public class BuildFinalTests
{
    public static TheoryData<string> Scenarios() => new()
    {
        "1-prisma-job-status",
        "2-golang-migrate-job-tracking",
        "3-plain-content-request-status",
        "4-check-bots-health-status",
        "5-prisma-momentum",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_GivesBuildsLastSchemaAndFindings(string scenario)
    {
        var set = ScenarioFixtures.Load(scenario);
        var dialect = set.Dialect ?? SqlDialect.Postgres;

        AssertSameAsBuild(set, dialect);
    }

    [Fact]
    public void FindingsOfEveryKind_ComeInBuildsOrder()
    {
        // A lexing error, a statement that does not parse, an applier's error, a DO block and a
        // temporary table, across three migrations: each kind of finding, in file order.
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            Migration(1, "CREATE TYPE status AS ENUM ('new', 'done');\nCREATE TABLE jobs (id int PRIMARY KEY, status status NOT NULL DEFAULT 'new');\n"),
            Migration(2, "ALTER TYPE status ADD VALUE 'failed';\nALTER TABLE jobs ADD COLUMN note text CHECK (note IN ('a', 'b')) ADD;\nALTER TABLE missing ADD COLUMN x int;\n"),
            Migration(3, "CREATE TEMP TABLE scratch (id int);\nDO $$ BEGIN ALTER TYPE status ADD VALUE 'cancelled'; END $$;\nCREATE TABLE notes (body text CHECK (body <> 'x'));\nSELECT 'unterminated;\n"),
        ]);

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);
        Assert.Contains(built.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        AssertSameAsBuild(set, SqlDialect.Postgres);
    }

    [Fact]
    public void NoMigrations_GiveTheEmptySchema()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.MySql, []);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.MySql);

        Assert.Empty(diagnostics);
        Assert.Equal(SqlDialect.MySql, catalog.Dialect);
        Assert.Empty(catalog.Tables);
    }

    private static void AssertSameAsBuild(MigrationSet set, SqlDialect dialect)
    {
        var built = SchemaEngine.Build(set, dialect);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, dialect);

        Assert.Equal(built.Diagnostics, diagnostics);
        Assert.Equal(
            SnapshotJson.Write(SchemaSnapshot.Create(set, built.Final)),
            SnapshotJson.Write(SchemaSnapshot.Create(set, catalog)));
    }

    private static Migration Migration(int number, string sql) =>
        new($"{number}_step", $"{number}", "step", $"{number}_step.sql", "checksum", sql);
}
