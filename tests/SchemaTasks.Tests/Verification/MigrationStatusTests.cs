using SchemaTasks.Verification;
using static SchemaTasks.Tests.Verification.VerificationFixtures;

namespace SchemaTasks.Tests.Verification;

public sealed class MigrationStatusTests
{
    private static readonly EmbeddedMigration Init = Embedded("20250801120000_init", "20250801120000_init/migration.sql", "CREATE TYPE \"JobStatus\" AS ENUM ('PENDING');\n");
    private static readonly EmbeddedMigration Cancelled = Embedded("20250909044604_add_cancelled_job_status", "20250909044604_add_cancelled_job_status/migration.sql", "ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\n");

    [Fact]
    public void Prisma_MigrationWithoutRow_IsPending_AndTheAppliedOneChecksumMatches()
    {
        var report = MigrationStatusReport.Compute([Init, Cancelled], History(MigrationHistoryKind.Prisma, Applied(Init.Id, Init.Sha256)));

        Assert.Equal([MigrationState.Applied, MigrationState.Pending], report.Migrations.Select(m => m.State));
        Assert.Equal(ChecksumStatus.Matches, report.Migrations[0].Checksum);
        Assert.False(report.Migrations[1].OutOfOrder);
    }

    [Fact]
    public void Prisma_FailedRow_IsFailed_WithItsLogs()
    {
        var failed = new AppliedMigration(Cancelled.Id, AppliedMigrationState.Failed) { Error = "boom" };
        var report = MigrationStatusReport.Compute([Init, Cancelled], History(MigrationHistoryKind.Prisma, Applied(Init.Id, Init.Sha256), failed));

        Assert.Equal(MigrationState.Failed, report.Migrations[1].State);
        Assert.Equal("boom", report.Migrations[1].Applied!.Error);
    }

    [Fact]
    public void Prisma_RolledBackFailureFollowedBySuccess_IsApplied_AndRolledBackAlone_IsPending()
    {
        var rolledBack = new AppliedMigration(Cancelled.Id, AppliedMigrationState.RolledBack);

        var retried = MigrationStatusReport.Compute([Init, Cancelled], History(MigrationHistoryKind.Prisma, Applied(Init.Id), rolledBack, Applied(Cancelled.Id, Cancelled.Sha256)));
        var onlyRolledBack = MigrationStatusReport.Compute([Init, Cancelled], History(MigrationHistoryKind.Prisma, Applied(Init.Id), rolledBack));

        Assert.Equal(MigrationState.Applied, retried.Migrations[1].State);
        Assert.Equal(MigrationState.Pending, onlyRolledBack.Migrations[1].State);
    }

    [Fact]
    public void Prisma_DifferentChecksum_IsEdited_ButCrlfHashOfSameText_IsNot()
    {
        var crlf = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Init.Text.Replace("\n", "\r\n", StringComparison.Ordinal)))).ToLowerInvariant();

        var edited = MigrationStatusReport.Compute([Init], History(MigrationHistoryKind.Prisma, Applied(Init.Id, new string('0', 64))));
        var windows = MigrationStatusReport.Compute([Init], History(MigrationHistoryKind.Prisma, Applied(Init.Id, crlf)));

        Assert.True(edited.Migrations[0].IsEdited);
        Assert.Equal(ChecksumStatus.Matches, windows.Migrations[0].Checksum);
    }

    [Fact]
    public void RowThisBuildLacks_IsUnknown_AfterTheEmbeddedOnes()
    {
        var report = MigrationStatusReport.Compute([Init], History(MigrationHistoryKind.Prisma, Applied(Init.Id), Applied("20260101000000_newer")));

        Assert.Equal(["20250801120000_init", "20260101000000_newer"], report.Migrations.Select(m => m.Id));
        Assert.Equal(MigrationState.Unknown, report.Migrations[1].State);
        Assert.Null(report.Migrations[1].RelativePath);
    }

    [Fact]
    public void PendingBeforeApplied_IsOutOfOrder()
    {
        var third = Embedded("3", "3.sql", "SELECT 3;");
        var report = MigrationStatusReport.Compute([Init, Cancelled, third], History(MigrationHistoryKind.SchemaTasks, Applied(Init.Id), Applied(third.Id)));

        Assert.True(report.Migrations[1].OutOfOrder);
        Assert.Equal(MigrationState.Pending, report.Migrations[1].State);
    }

    [Fact]
    public void MissingHistoryTable_MakesEverythingPending()
    {
        var report = MigrationStatusReport.Compute([Init, Cancelled], MigrationHistory.Missing(MigrationHistoryKind.Prisma, "_prisma_migrations"));

        Assert.All(report.Migrations, m => Assert.Equal(MigrationState.Pending, m.State));
    }

    [Fact]
    public void GolangMigrate_DirtyCurrentVersion_IsDirty_EarlierApplied_LaterPending()
    {
        var migrations = new[] { Embedded("1", "000001_a.up.sql", "x"), Embedded("2", "000002_b.up.sql", "y"), Embedded("3", "000003_c.up.sql", "z") };

        var report = MigrationStatusReport.Compute(migrations, History(MigrationHistoryKind.GolangMigrate, new AppliedMigration("2", AppliedMigrationState.Dirty)));

        Assert.Equal([MigrationState.Applied, MigrationState.Dirty, MigrationState.Pending], report.Migrations.Select(m => m.State));
    }

    [Fact]
    public void GolangMigrate_VersionBeyondTheBuild_IsUnknown_AndEveryEmbeddedOneApplied()
    {
        var migrations = new[] { Embedded("1", "000001_a.up.sql", "x"), Embedded("2", "000002_b.up.sql", "y") };

        var report = MigrationStatusReport.Compute(migrations, History(MigrationHistoryKind.GolangMigrate, Applied("7")));

        Assert.Equal([MigrationState.Applied, MigrationState.Applied, MigrationState.Unknown], report.Migrations.Select(m => m.State));
        Assert.Equal("7", report.Migrations[2].Id);
    }

    [Fact]
    public void FlywayChecksum_IsCrc32OfTheTextWithoutLineBreaks_Signed()
    {
        // CRC-32/IEEE check value of "123456789" is 0xCBF43926.
        Assert.Equal(unchecked((int)0xCBF43926), FlywayChecksum.Compute("123456789"));
        Assert.Equal(FlywayChecksum.Compute("12345\n6789\n"), FlywayChecksum.Compute("\uFEFF12345\r\n6789\r\n"));
        Assert.Equal(0, FlywayChecksum.Compute(string.Empty));
    }

    [Fact]
    public void Flyway_MatchesVersionsNumerically_ComparesCrc_AndHonoursBaseline()
    {
        var v1 = Embedded("1", "V1__a.sql", "CREATE TABLE a (id int);\n");
        var v11 = Embedded("1.1", "V1_1__b.sql", "CREATE TABLE b (id int);\n");
        var v2 = Embedded("2", "V2__c.sql", "CREATE TABLE c (id int);\n");
        var history = History(
            MigrationHistoryKind.Flyway,
            new AppliedMigration("1.1", AppliedMigrationState.Baseline),
            Applied("2.0", FlywayChecksum.ComputeText("CREATE TABLE c (id bigint);\n")));

        var report = MigrationStatusReport.Compute([v1, v11, v2], history);

        Assert.Equal([MigrationState.Applied, MigrationState.Applied, MigrationState.Applied], report.Migrations.Select(m => m.State));
        Assert.Equal([ChecksumStatus.NotRecorded, ChecksumStatus.NotRecorded, ChecksumStatus.Differs], report.Migrations.Select(m => m.Checksum));
    }

    [Fact]
    public void DbUp_MatchesEmbeddedResourceNames_ToFiles()
    {
        var first = Embedded("001_init", "001_init.sql", "x");
        var second = Embedded("002_more", "sub/002_more.sql", "y");

        var report = MigrationStatusReport.Compute([first, second], History(MigrationHistoryKind.DbUp, Applied("Jobs.Service.Scripts.001_init.sql"), Applied("Jobs.Service.Scripts.sub.002_more.sql")));

        Assert.Equal([MigrationState.Applied, MigrationState.Applied], report.Migrations.Select(m => m.State));
    }

    [Fact]
    public void DbUp_MatchesEveryRecordedSpelling_AndNotAPartialName()
    {
        var first = Embedded("001_init", "001_init.sql", "x");
        var second = Embedded("002_more", "sub/002_more.sql", "y");
        var third = Embedded("003_last", "sub/003_last.sql", "z");

        // The id, the path, the file name and the dotted path each name a file; "Scripts002_more.sql"
        // (no dot before the name) and "more.sql" (a tail of a name) name none.
        var report = MigrationStatusReport.Compute(
            [first, second, third],
            History(MigrationHistoryKind.DbUp, Applied("001_init"), Applied("sub/002_more.sql"), Applied("003_last.sql"), Applied("Scripts002_more.sql"), Applied("more.sql")));

        Assert.Equal([MigrationState.Applied, MigrationState.Applied, MigrationState.Applied, MigrationState.Unknown, MigrationState.Unknown], report.Migrations.Select(m => m.State));
        Assert.Equal(["Scripts002_more.sql", "more.sql"], report.Migrations.Skip(3).Select(m => m.Id));
    }

    [Fact]
    public void HistoryWithoutChecksums_IsNotRecorded()
    {
        var report = MigrationStatusReport.Compute([Init], History(MigrationHistoryKind.Dbmate, Applied(Init.Id)));

        Assert.Equal(ChecksumStatus.NotRecorded, report.Migrations[0].Checksum);
    }

    [Fact]
    public void Choose_PrefersTheLayoutsTool_ThenOurs_AndRejectsUnrelatedPairs()
    {
        Assert.Equal(MigrationHistoryKind.Prisma, MigrationHistoryKinds.Choose([MigrationHistoryKind.SchemaTasks, MigrationHistoryKind.Prisma], Migrations.MigrationLayout.Prisma));
        Assert.Equal(MigrationHistoryKind.SchemaTasks, MigrationHistoryKinds.Choose([MigrationHistoryKind.SchemaTasks, MigrationHistoryKind.DbUp], Migrations.MigrationLayout.Prisma));
        Assert.Equal(MigrationHistoryKind.GolangMigrate, MigrationHistoryKinds.Choose([], Migrations.MigrationLayout.GolangMigrate));
        var error = Assert.Throws<SchemaTasksException>(() => MigrationHistoryKinds.Choose([MigrationHistoryKind.DbUp, MigrationHistoryKind.EfCore], Migrations.MigrationLayout.Plain));
        Assert.Equal("ST6009", error.Code);
    }
}
