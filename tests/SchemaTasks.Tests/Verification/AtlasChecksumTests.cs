using SchemaTasks.Verification;

namespace SchemaTasks.Tests.Verification;

/// <summary>Atlas's revision hash: the file's atlas.sum entry, which covers every file before it too.</summary>
public class AtlasChecksumTests
{
    private const string CreateJobs = "CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL);\n";
    private const string IndexStatus = "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY jobs_status ON jobs (status);\n";

    // The atlas.sum entries of the two files, computed independently with Python's hashlib.
    private const string CreateJobsHash = "iMh1UH9/lSF8aamZ8Gnb6EG/tLlEjA5Q7c7sjl7deOw=";
    private const string IndexStatusHash = "W4ulWWFCI6UNx9Lceg1z2WzzMFUXEdkzi15no+xjB2Q=";

    private static EmbeddedMigration File(string version, string name, string text) =>
        new(version, name, $"{version}_{name}.sql", new string('0', 64), text);

    private static IReadOnlyList<(string Id, MigrationState State, ChecksumStatus Checksum)> Statuses(EmbeddedMigration[] migrations, params (string Id, string Hash)[] rows)
    {
        var history = new MigrationHistory(MigrationHistoryKind.Atlas, "atlas_schema_revisions", true,
            [.. rows.Select(r => new AppliedMigration(r.Id, AppliedMigrationState.Succeeded) { Checksum = r.Hash })]);
        return [.. MigrationStatusReport.Compute(migrations, history).Migrations.Select(m => (m.Id, m.State, m.Checksum))];
    }

    [Fact]
    public void Atlas_UnchangedFolder_Matches()
    {
        var migrations = new[] { File("20240101000000", "create_jobs", CreateJobs), File("20240102000000", "index_status", IndexStatus) };

        Assert.Equal(
            [("20240101000000", MigrationState.Applied, ChecksumStatus.Matches), ("20240102000000", MigrationState.Applied, ChecksumStatus.Matches)],
            Statuses(migrations, ("20240101000000", CreateJobsHash), ("20240102000000", IndexStatusHash)));
    }

    [Fact]
    public void Atlas_EditedFile_IsEdited_AndTheLaterHashes_CannotBeCompared()
    {
        var migrations = new[] { File("20240101000000", "create_jobs", CreateJobs + "-- edited\n"), File("20240102000000", "index_status", IndexStatus) };

        Assert.Equal(
            [ChecksumStatus.Differs, ChecksumStatus.NotComparable],
            Statuses(migrations, ("20240101000000", CreateJobsHash), ("20240102000000", IndexStatusHash)).Select(s => s.Checksum));
    }

    [Fact]
    public void Atlas_LastFileEdited_IsEdited_AndTheOnesBefore_Match()
    {
        var migrations = new[] { File("20240101000000", "create_jobs", CreateJobs), File("20240102000000", "index_status", IndexStatus.Replace("status)", "status, id)", StringComparison.Ordinal)) };

        Assert.Equal(
            [ChecksumStatus.Matches, ChecksumStatus.Differs],
            Statuses(migrations, ("20240101000000", CreateJobsHash), ("20240102000000", IndexStatusHash)).Select(s => s.Checksum));
    }

    [Fact]
    public void Atlas_FileAddedBeforeAnAppliedOne_DoesNotMakeItEdited()
    {
        // The new file changes every later entry; the applied file itself is unchanged.
        var migrations = new[] { File("20240101000000", "create_jobs", CreateJobs), File("20240101500000", "late", "SELECT 1;\n"), File("20240102000000", "index_status", IndexStatus) };

        var statuses = Statuses(migrations, ("20240101000000", CreateJobsHash), ("20240102000000", IndexStatusHash));

        Assert.Equal(ChecksumStatus.Matches, statuses[0].Checksum);
        Assert.Equal(MigrationState.Pending, statuses[1].State);
        Assert.Equal(ChecksumStatus.NotComparable, statuses[2].Checksum);
    }

    [Fact]
    public void Atlas_NamesRoundTrip()
    {
        Assert.True(MigrationHistoryKinds.TryParse("ATLAS", out var kind));
        Assert.Equal(MigrationHistoryKind.Atlas, kind);
        Assert.Equal(("atlas", "atlas_schema_revisions", "atlas_schema_revisions"), (kind.ToName(), kind.DefaultTable(), kind.DefaultPostgresSchema()));
        Assert.Equal(MigrationHistoryKind.Atlas, MigrationHistoryKinds.ForLayout(Migrations.MigrationLayout.Atlas));
    }
}
