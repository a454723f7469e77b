using SchemaTasks.Verification;

namespace SchemaTasks.Tests.Verification;

/// <summary>Liquibase's rows matched to changesets, and their MD5SUM judged as Liquibase judges it.</summary>
public class LiquibaseChecksumTests
{
    private const string X = "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE x (id int);\n";
    private const string Y = "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE y (id int);\n";

    // Liquibase's version-9 rule, computed outside .NET (Python's hashlib).
    private const string XMd5 = "9:f61e26ee6cbbcbfd905c49eca01dcf8a";
    private const string YMd5 = "9:56a4f82eda2ed3b5ba1141beb1796d78";

    private static EmbeddedMigration Changeset(string path, string text) => new($"{path}::1::a", "1", path, "", text);

    private static IReadOnlyList<(MigrationState State, ChecksumStatus Checksum)> Statuses(EmbeddedMigration[] migrations, params (string File, string Md5)[] rows)
    {
        var history = new MigrationHistory(MigrationHistoryKind.Liquibase, "databasechangelog", true,
            [.. rows.Select(r => new AppliedMigration($"{r.File}::1::a", AppliedMigrationState.Succeeded) { Checksum = r.Md5 })]);
        return [.. MigrationStatusReport.Compute(migrations, history).Migrations.Select(m => (m.State, m.Checksum))];
    }

    [Fact]
    public void TwoChangelogsWithOneIdAndAuthor_AreToldApartByTheRecordedFileName()
    {
        var migrations = new[] { Changeset("changes/x.sql", X), Changeset("changes/y.sql", Y) };

        var statuses = Statuses(migrations, ("classpath:/db/changelog/changes/y.sql", YMd5), ("db/changelog/changes/x.sql", XMd5));

        Assert.Equal([(MigrationState.Applied, ChecksumStatus.Matches), (MigrationState.Applied, ChecksumStatus.Matches)], statuses);
    }

    [Fact]
    public void Edited_RunOnChange_ValidCheckSum_AndOlderVersions()
    {
        Assert.Equal(ChecksumStatus.Differs, Statuses([Changeset("x.sql", X)], ("x.sql", YMd5))[0].Checksum);
        Assert.Equal((MigrationState.Pending, ChecksumStatus.NotRecorded), Statuses([Changeset("x.sql", X.Replace("a:1", "a:1 runOnChange:true", StringComparison.Ordinal))], ("x.sql", YMd5))[0]);
        Assert.Equal(ChecksumStatus.Matches, Statuses([Changeset("x.sql", X.Replace("\nCREATE", $"\n--validCheckSum: {YMd5}\nCREATE", StringComparison.Ordinal))], ("x.sql", YMd5))[0].Checksum);
        Assert.Equal(ChecksumStatus.Matches, Statuses([Changeset("x.sql", X.Replace("\nCREATE", "\n--validCheckSum: any\nCREATE", StringComparison.Ordinal))], ("x.sql", "9:0"))[0].Checksum);
        Assert.Equal(ChecksumStatus.NotComparable, Statuses([Changeset("x.sql", X)], ("x.sql", "8:d41d8cd98f00b204e9800998ecf8427e"))[0].Checksum);
    }

    [Fact]
    public void NameRoundTrips_AndPostgresFoldsTheTableName()
    {
        Assert.True(MigrationHistoryKinds.TryParse("liquibase", out var kind));
        Assert.Equal(("liquibase", "DATABASECHANGELOG"), (kind.ToName(), kind.DefaultTable()));
        Assert.Equal(MigrationHistoryKind.Liquibase, MigrationHistoryKinds.ForLayout(Migrations.MigrationLayout.Liquibase));
    }
}
