using SchemaTasks.Verification;

namespace SchemaTasks.Tests.Verification;

/// <summary>sqlx's and drizzle's checksums, decided as each tool computes them; goose's rows, latest first.</summary>
public class OtherToolsChecksumTests
{
    private const string Lf = "CREATE TABLE a (id int);\n";
    private const string Crlf = "CREATE TABLE a (id int);\r\n";

    // Python's hashlib over the UTF-8 bytes of Lf and Crlf.
    private const string LfSha384 = "52dcffb424aeb77cd96de966de88547001ad9656d3d53e03c8907e0f31653840336ff6b02aeb25a48ef7d46e1ce5f7f9";

    private static ChecksumStatus Status(MigrationHistoryKind kind, string text, string recorded)
    {
        var embedded = new EmbeddedMigration("1", "a", "1_a.sql", new string('0', 64), text);
        var history = new MigrationHistory(kind, "t", true, [new AppliedMigration("1", AppliedMigrationState.Succeeded) { Checksum = recorded }]);
        return MigrationStatusReport.Compute([embedded], history).Migrations.Single().Checksum;
    }

    private static string Sha384(string text) => Convert.ToHexString(System.Security.Cryptography.SHA384.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string Sha256(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    [Fact]
    public void Sqlx_KnownVector_Matches()
    {
        Assert.Equal(LfSha384, Sha384(Lf));
        Assert.Equal(ChecksumStatus.Matches, Status(MigrationHistoryKind.Sqlx, Lf, LfSha384));
    }

    [Fact]
    public void Sqlx_LineEndingsCount_AsTheyDoForSqlx()
    {
        Assert.Equal(ChecksumStatus.Differs, Status(MigrationHistoryKind.Sqlx, Crlf, LfSha384));
        Assert.Equal(ChecksumStatus.Matches, Status(MigrationHistoryKind.Sqlx, Crlf, Sha384(Crlf)));
    }

    [Fact]
    public void Sqlx_ByteOrderMarkLostOnReading_StillMatches()
    {
        Assert.Equal(ChecksumStatus.Matches, Status(MigrationHistoryKind.Sqlx, Lf, Sha384("\uFEFF" + Lf)));
    }

    [Fact]
    public void Drizzle_MatchesTheTextAsReadOrWithLfEndings_AndNothingElse()
    {
        Assert.Equal(ChecksumStatus.Matches, Status(MigrationHistoryKind.Drizzle, Crlf, Sha256(Crlf)));
        Assert.Equal(ChecksumStatus.Matches, Status(MigrationHistoryKind.Drizzle, Crlf, Sha256(Lf)));
        Assert.Equal(ChecksumStatus.Differs, Status(MigrationHistoryKind.Drizzle, Lf, Sha256("CREATE TABLE b (id int);\n")));
    }

    [Fact]
    public void Goose_KeepsNoChecksum_AndTheLatestRowOfAVersionDecides()
    {
        var migrations = new[] { new EmbeddedMigration("1", "a", "1_a.sql", new string('0', 64), Lf), new EmbeddedMigration("2", "b", "2_b.sql", new string('0', 64), Lf) };
        var history = new MigrationHistory(MigrationHistoryKind.Goose, "goose_db_version", true,
        [
            new AppliedMigration("1", AppliedMigrationState.Succeeded),
            new AppliedMigration("2", AppliedMigrationState.Succeeded),
            new AppliedMigration("2", AppliedMigrationState.RolledBack),
            new AppliedMigration("1", AppliedMigrationState.RolledBack),
            new AppliedMigration("1", AppliedMigrationState.Succeeded),
        ]);

        var report = MigrationStatusReport.Compute(migrations, history);

        Assert.Equal([("1", MigrationState.Applied, ChecksumStatus.NotRecorded), ("2", MigrationState.Pending, ChecksumStatus.NotRecorded)], report.Migrations.Select(m => (m.Id, m.State, m.Checksum)));
    }

    [Fact]
    public void Sqlx_HistoryOfAFolderReadAsPlain_IsMatchedByTheFileNamesNumber()
    {
        // A sqlx folder of simple files carries no marker and reads as plain: ids are file names.
        var migrations = new[] { new EmbeddedMigration("1_setup", "1_setup", "1_setup.sql", new string('0', 64), Lf), new EmbeddedMigration("10_more", "10_more", "10_more.sql", new string('0', 64), Crlf) };
        var history = new MigrationHistory(MigrationHistoryKind.Sqlx, "_sqlx_migrations", true,
        [
            new AppliedMigration("1", AppliedMigrationState.Succeeded) { Checksum = LfSha384 },
            new AppliedMigration("2", AppliedMigrationState.Succeeded) { Checksum = LfSha384 },
        ]);

        var report = MigrationStatusReport.Compute(migrations, history);

        Assert.Equal(
            [("1_setup", MigrationState.Applied, ChecksumStatus.Matches), ("10_more", MigrationState.Pending, ChecksumStatus.NotRecorded), ("2", MigrationState.Unknown, ChecksumStatus.NotRecorded)],
            report.Migrations.Select(m => (m.Id, m.State, m.Checksum)));
    }
}
