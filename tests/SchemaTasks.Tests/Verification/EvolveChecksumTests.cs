using SchemaTasks.Verification;

namespace SchemaTasks.Tests.Verification;

/// <summary>Evolve's checksum: upper-case MD5 of the text with CRLF read as LF, or (before Evolve 1.8) of the file's bytes.</summary>
public class EvolveChecksumTests
{
    private const string Lf = "CREATE TABLE a (id int);\n";
    private const string Crlf = "CREATE TABLE a (id int);\r\n";

    // Python's hashlib: MD5 of Lf's bytes, of Crlf's bytes, and of Lf's bytes after a UTF-8 byte-order mark.
    private const string LfMd5 = "A040B67B9D35C661F5307C16B0FF432A";
    private const string CrlfBytesMd5 = "1A1F791A9A3310577F9FD8EA9975CCDD";
    private const string BomBytesMd5 = "124413FC2A9A9CB7F738590643BB23A0";

    private static MigrationStatus Status(string text, string recorded, string version = "1")
    {
        var embedded = new EmbeddedMigration("1", "a", "V1__a.sql", new string('0', 64), text);
        var history = new MigrationHistory(MigrationHistoryKind.Evolve, "changelog", true, [new AppliedMigration(version, AppliedMigrationState.Succeeded) { Checksum = recorded }]);
        return MigrationStatusReport.Compute([embedded], history).Migrations.Single();
    }

    [Fact]
    public void Evolve_KnownVector_Matches_AndACrlfCheckoutToo()
    {
        Assert.Equal(ChecksumStatus.Matches, Status(Lf, LfMd5).Checksum);
        Assert.Equal(ChecksumStatus.Matches, Status(Crlf, LfMd5).Checksum);
    }

    [Fact]
    public void Evolve_Before18_FileBytes_StillMatch_AsEvolveFallsBackToThem()
    {
        Assert.Equal(ChecksumStatus.Matches, Status(Crlf, CrlfBytesMd5).Checksum);
        Assert.Equal(ChecksumStatus.Matches, Status(Lf, BomBytesMd5).Checksum);
    }

    [Fact]
    public void Evolve_ComparesAsEvolveDoes_CaseIncluded()
    {
        // Evolve compares the strings ordinally: a lower-case checksum fails its validation too.
        Assert.Equal(ChecksumStatus.Differs, Status(Lf, LfMd5.ToLowerInvariant()).Checksum);
        Assert.Equal(ChecksumStatus.Differs, Status("CREATE TABLE b (id int);\n", LfMd5).Checksum);
    }

    [Fact]
    public void Evolve_VersionsMatchNumerically()
    {
        Assert.Equal(MigrationState.Applied, Status(Lf, LfMd5, "1.0").State);
    }

    [Fact]
    public void Evolve_StartVersion_SkipsOnlyTheMigrationsBelowIt()
    {
        var migrations = new[] { new EmbeddedMigration("1", "a", "V1__a.sql", "", Lf), new EmbeddedMigration("2", "b", "V2__b.sql", "", Lf), new EmbeddedMigration("3", "c", "V3__c.sql", "", Lf) };
        var history = new MigrationHistory(MigrationHistoryKind.Evolve, "changelog", true, [new AppliedMigration("2", AppliedMigrationState.Baseline)]);

        var states = MigrationStatusReport.Compute(migrations, history).Migrations.Select(m => m.State);

        Assert.Equal([MigrationState.Applied, MigrationState.Pending, MigrationState.Pending], states);
    }

    [Fact]
    public void Evolve_NameRoundTrips_AndFlywayFilesHonourEvolveTxOff()
    {
        Assert.True(MigrationHistoryKinds.TryParse("Evolve", out var kind));
        Assert.Equal(("evolve", "changelog"), (kind.ToName(), kind.DefaultTable()));
        Assert.True(Migrations.MigrationScripts.Of(Migrations.MigrationLayout.Flyway, "V2__i.sql", "-- EVOLVE-TX-OFF\r\nCREATE INDEX CONCURRENTLY i ON a (id);\n").NoTransaction);
        Assert.False(Migrations.MigrationScripts.Of(Migrations.MigrationLayout.Flyway, "V2__i.sql", "SELECT 1;\n-- evolve-tx-off\n").NoTransaction);
    }
}
