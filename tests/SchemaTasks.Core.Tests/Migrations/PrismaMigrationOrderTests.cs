using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class PrismaMigrationOrderTests
{
    [Fact]
    public void Prisma_FoldersSharingATimestamp_AreTwoMigrationsKeyedByTheirWholeNames()
    {
        var set = new MigrationFolder()
            .With("20250217000000_remove_link/migration.sql")
            .With("20250217000000_add_contact/migration.sql")
            .With("20250101000000_init/migration.sql")
            .DiscoverClean();

        Assert.Equal(
            ["20250101000000_init", "20250217000000_add_contact", "20250217000000_remove_link"],
            set.Migrations.Select(m => m.Id));
        Assert.Equal(["20250101000000", "20250217000000", "20250217000000"], set.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void Prisma_OrdersNamesAsItsLocaleCompareDoes_CaseLastAndPunctuationBeforeDigitsAndLetters()
    {
        // The order Node's String.prototype.localeCompare gives these names (Prisma sorts the
        // folder list with it); ordinal order would put "_Add" and "_B" first and "_a1" before "_a_1".
        string[] prismaOrder =
        [
            "20250101000000_a",
            "20250101000000_a_1",
            "20250101000000_a1",
            "20250101000000_add",
            "20250101000000_Add",
            "20250101000000_add_x",
            "20250101000000_add-x",
            "20250101000000_addx",
            "20250101000000_B",
        ];
        var folder = new MigrationFolder();
        foreach (var name in prismaOrder.Reverse())
        {
            folder.With($"{name}/migration.sql");
        }

        var set = folder.DiscoverClean(MigrationLayout.Prisma);

        Assert.Equal(prismaOrder, set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Prisma_SqlFileBesideTheMigrationFolders_IsSkippedWithAMessage()
    {
        var result = new MigrationFolder()
            .With("20250101000000_init/migration.sql")
            .With("seed.sql")
            .With("archive/2024/old/migration.sql")
            .Discover();

        Assert.NotNull(result.Set);
        Assert.Equal("20250101000000_init", Assert.Single(result.Set.Migrations).Id);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.FileNotRead, d.Code));
        Assert.Equal(["archive/2024/old/migration.sql", "seed.sql"], result.Diagnostics.Select(d => d.File));
        Assert.Contains("'seed.sql' is not a migration and was skipped", result.Diagnostics[1].Message, StringComparison.Ordinal);
    }
}
