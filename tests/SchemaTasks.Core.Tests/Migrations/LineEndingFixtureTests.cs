using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// The same migration checked out with CRLF (committed with <c>-text</c>, so git keeps the bytes)
/// and with LF must get one checksum.
/// </summary>
public class LineEndingFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "LineEndings");
    private static readonly string CrLfPath = Path.Combine(Folder, "create_jobs.crlf.sql");
    private static readonly string LfPath = Path.Combine(Folder, "create_jobs.lf.sql");

    [Fact]
    public void CrLfFixture_ReallyHoldsCrLfBytes_AndItsTwinDoesNot()
    {
        var crlf = File.ReadAllBytes(CrLfPath);
        var lf = File.ReadAllBytes(LfPath);

        Assert.NotEqual(lf, crlf);
        Assert.Contains("\r\n", File.ReadAllText(CrLfPath), StringComparison.Ordinal);
        Assert.DoesNotContain((byte)'\r', lf);
    }

    [Fact]
    public void CrLfFixture_AndLfTwin_HaveTheSameChecksum()
    {
        Assert.Equal(
            MigrationChecksum.Compute(File.ReadAllText(LfPath)),
            MigrationChecksum.Compute(File.ReadAllText(CrLfPath)));
    }

    [Fact]
    public void CrLfFixture_DiscoveredAsMigration_HasTheLfChecksum()
    {
        var set = new MigrationFolder()
            .With("1_create_jobs.sql", File.ReadAllText(CrLfPath))
            .DiscoverClean();

        Assert.Equal(MigrationChecksum.Compute(File.ReadAllText(LfPath)), Assert.Single(set.Migrations).Checksum);
    }
}
