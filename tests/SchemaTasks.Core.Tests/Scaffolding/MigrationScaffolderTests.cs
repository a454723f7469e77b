using SchemaTasks.Migrations;
using SchemaTasks.Scaffolding;

namespace SchemaTasks.Core.Tests.Scaffolding;

public sealed class MigrationScaffolderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 14, 5, 9, DateTimeKind.Utc);

    [Fact]
    public void Prisma_GetsATimestampedFolder()
    {
        var files = Scaffold(["20250801120000_init/migration.sql"], "add cancelled to JobStatus");

        var file = Assert.Single(files);
        Assert.Equal("20261123140509_add_cancelled_to_jobstatus/migration.sql", file.RelativePath);
        Assert.EndsWith("ALTER TYPE x ADD VALUE 'y';\n", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prisma_WithAClockBehindTheLastMigration_StillSortsLast()
    {
        var files = Scaffold(["29990101000000_future/migration.sql"], "fix");

        Assert.Equal("29990101000001_fix/migration.sql", Assert.Single(files).RelativePath);
    }

    [Fact]
    public void GolangMigrate_GetsTheNextPaddedVersionAsAnUpDownPair()
    {
        var files = Scaffold(["000001_create.up.sql", "000001_create.down.sql", "000009_more.up.sql"], "add protection_flow");

        Assert.Equal(["000010_add_protection_flow.up.sql", "000010_add_protection_flow.down.sql"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Flyway_GetsTheNextMajorVersion()
        => Assert.Equal("V3__fix.sql", Assert.Single(Scaffold(["V1__init.sql", "V2_1__more.sql"], "fix")).RelativePath);

    [Fact]
    public void Dbmate_GetsBothSections()
    {
        var file = Assert.Single(Scaffold(["20240101000000_init.sql"], "fix", dbmate: true));

        Assert.Equal("20261123140509_fix.sql", file.RelativePath);
        Assert.StartsWith("-- migrate:up\n", file.Text, StringComparison.Ordinal);
        Assert.EndsWith("-- migrate:down\n", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainNumbered_GetsTheNextNumber()
        => Assert.Equal("003_fix.sql", Assert.Single(Scaffold(["001_a.sql", "002_b.sql"], "fix")).RelativePath);

    [Fact]
    public void ScaffoldedFile_IsReadBackAsTheLastMigration()
    {
        var existing = new[] { "000001_create.up.sql", "000002_more.up.sql" };
        var files = Scaffold(existing, "fix");
        var all = existing.Select(p => new MigrationSourceFile(p, "SELECT 1;\n")).Concat(files.Select(f => new MigrationSourceFile(f.RelativePath, f.Text))).ToList();

        var set = MigrationDiscovery.Discover(all).Set!;

        Assert.Equal("fix", set.Migrations[^1].Name);
        Assert.Equal(3, set.Migrations.Count);
    }

    private static IReadOnlyList<ScaffoldedFile> Scaffold(string[] paths, string name, bool dbmate = false)
    {
        var files = paths.Select(p => new MigrationSourceFile(p, dbmate ? "-- migrate:up\nSELECT 1;\n-- migrate:down\n" : "SELECT 1;\n")).ToList();
        var set = MigrationDiscovery.Discover(files).Set!;
        return MigrationScaffolder.Create(set, name, "ALTER TYPE x ADD VALUE 'y';\n", Now);
    }
}
