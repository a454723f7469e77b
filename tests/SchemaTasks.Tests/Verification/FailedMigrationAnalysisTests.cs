using SchemaTasks.Schema;
using SchemaTasks.Verification;
using static SchemaTasks.Tests.Verification.VerificationFixtures;

namespace SchemaTasks.Tests.Verification;

public sealed class FailedMigrationAnalysisTests
{
    private const string CreateTypeOnly = "CREATE TYPE \"momentum\".\"ScheduleFrequency\" AS ENUM ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY');";

    [Fact]
    public void Scenario5_EnumCreated_TableNot()
    {
        var (_, build) = Scenario("5-prisma-momentum", SqlDialect.Postgres);
        var live = SchemaEngine.Apply(build.Before(1), CreateTypeOnly).Catalog;

        var checks = FailedMigrationAnalysis.Analyze(build.Before(1), build.After(1), live);

        Assert.Equal(
            ["enum momentum.ScheduleFrequency exists", "table momentum.mm_scheduled_issue does not"],
            checks.Select(c => c.ToString()));
        Assert.Equal([MigrationObjectChange.Create, MigrationObjectChange.Create], checks.Select(c => c.Change));
    }

    [Fact]
    public void AddedColumnLabelCheckAndAlteredEnum_AreEachListed()
    {
        var before = FromSql(SqlDialect.MySql, "CREATE TABLE jobs (id INT, kind ENUM('a','b'), note TEXT)");
        var after = SchemaEngine.Apply(before, "ALTER TABLE jobs MODIFY COLUMN kind ENUM('a','b','c'); ALTER TABLE jobs ADD COLUMN owner INT; ALTER TABLE jobs DROP COLUMN note;").Catalog;
        var live = SchemaEngine.Apply(before, "ALTER TABLE jobs MODIFY COLUMN kind ENUM('a','b','c');").Catalog;

        var checks = FailedMigrationAnalysis.Analyze(before, after, live);

        Assert.Equal(
            ["column jobs.kind is altered", "column jobs.owner does not", "column jobs.note still exists"],
            checks.Select(c => c.ToString()));
    }
}
