using System.Diagnostics;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>The one reader of a migrations folder, on real folders (and real symbolic links) on disk.</summary>
public sealed class MigrationFolderReaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "schematasks-folder-" + Guid.NewGuid().ToString("N"));
    private readonly string _folder;

    public MigrationFolderReaderTests()
    {
        _folder = Path.Combine(_root, "migrations");
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        // Links first: deleting recursively through a link to a parent would delete the parent's files.
        foreach (var link in Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.TopDirectoryOnly).SelectMany(LinksUnder).ToList())
        {
            Directory.Delete(link);
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Folder_ReadsTheSameAsItsFilesInMemory()
    {
        Write("1_init.sql", "CREATE TABLE a (id int);\n");
        Write("sub/2_more.sql", "CREATE TABLE b (id int);\n");

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        Assert.False(reading.HasErrors);
        Assert.Equal(["1_init", "2_more"], reading.Set!.Migrations.Select(m => m.Id));
        Assert.Equal(SqlDialect.Postgres, reading.Dialect);
        var inMemory = MigrationFolderReader.ReadFiles(reading.Files, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });
        Assert.Equal(reading.Set.Migrations, inMemory.Set!.Migrations);
    }

    [Fact]
    public void DialectSetAgainstPrismaLockFile_IsAConflictAtTheLockFile()
    {
        Write("20250101000000_init/migration.sql", "CREATE TABLE a (id int);\n");
        Write("migration_lock.toml", "provider = \"postgresql\"\n");

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.MySql, Names = MigrationSettingNames.CommandLine });

        Assert.Null(reading.Set);
        var conflict = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.DialectConflict, conflict.Code);
        Assert.Equal("migration_lock.toml", conflict.File);
        Assert.StartsWith("--dialect is mysql but the prisma layout declares postgres", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDialect_IsRequiredOnlyWhenAsked()
    {
        Write("1_init.sql", "SELECT 1;\n");

        var required = MigrationFolderReader.Read(_folder);
        var optional = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { RequireDialect = false });

        Assert.Equal(DiagnosticCodes.DialectRequired, Assert.Single(required.Diagnostics).Code);
        Assert.Contains("<SchemaDialect>postgres</SchemaDialect>", required.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.NotNull(optional.Set);
        Assert.Null(optional.Dialect);
    }

    [Fact]
    public void MissingFolder_IsAnErrorNamingIt()
    {
        var missing = Path.Combine(_root, "nowhere");

        var reading = MigrationFolderReader.Read(missing);

        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.MigrationsDirectoryMissing, error.Code);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkToTheFolderItself_IsOneCycleErrorNamingTheLink_AndEachFileIsReadOnce()
    {
        Write("1_init.sql", "SELECT 1;\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "loop"), ".");

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        var cycle = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.FolderLinkCycle, cycle.Code);
        Assert.Equal(DiagnosticSeverity.Error, cycle.Severity);
        Assert.Equal("loop", cycle.File);
        Assert.Contains("'loop' is a symbolic link to '.', which is the migrations folder itself", cycle.Message, StringComparison.Ordinal);
        Assert.Equal(["1_init.sql"], reading.Files.Select(f => f.RelativePath));
        Assert.Null(reading.Set);
    }

    [Fact]
    public void LinkToAParentFolder_IsACycleError_AndTheWalkEndsAtOnce()
    {
        Write("1_init.sql", "SELECT 1;\n");
        Write("a/2_x.sql", "SELECT 1;\n");
        Write("b/3_y.sql", "SELECT 1;\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "b", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "b", "top"), "../..");
        File.WriteAllText(Path.Combine(_root, "outside.sql"), "SELECT 1;\n");

        var clock = Stopwatch.StartNew();
        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The walk took {clock.Elapsed}.");
        Assert.Equal(["a/up", "b/top", "b/up"], reading.Diagnostics.Select(d => d.File));
        Assert.All(reading.Diagnostics, d => Assert.Equal(DiagnosticCodes.FolderLinkCycle, d.Code));
        Assert.Contains("which is a folder that contains the migrations folder", reading.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(["1_init.sql", "a/2_x.sql", "b/3_y.sql"], reading.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public void LinkToASiblingFolderOutside_IsFollowedOnce()
    {
        Write("1_init.sql", "SELECT 1;\n");
        var shared = Path.Combine(_root, "shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "2_shared.sql"), "SELECT 2;\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "shared"), Path.Combine("..", "shared"));

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        Assert.Empty(reading.Diagnostics);
        Assert.Equal(["1_init", "2_shared"], reading.Set!.Migrations.Select(m => m.Id));
        Assert.Equal("shared/2_shared.sql", reading.Set.Migrations[1].RelativePath);
    }

    [Fact]
    public void TwoLinksToOneFolder_ReadItOnce_AndTheSecondIsAnError()
    {
        var shared = Path.Combine(_root, "shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "1_shared.sql"), "SELECT 1;\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "a"), shared);
        Directory.CreateSymbolicLink(Path.Combine(_folder, "b"), shared);

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        Assert.Equal(["a/1_shared.sql"], reading.Files.Select(f => f.RelativePath));
        var twice = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.FolderLinkCycle, twice.Code);
        Assert.Equal("b", twice.File);
        Assert.Contains("already read as 'a'", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenLinkToAFile_IsAnErrorNamingIt()
    {
        Write("1_init.sql", "SELECT 1;\n");
        File.CreateSymbolicLink(Path.Combine(_folder, "2_gone.sql"), Path.Combine(_root, "gone.sql"));

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal(DiagnosticCodes.FolderEntryUnreadable, error.Code);
        Assert.Equal("2_gone.sql", error.File);
    }

    [Fact]
    public void ManyFiles_ReadOnTwoThreads_KeepTheWalksOrder_AndEachProblemIsReportedWhereTheWalkMetIt()
    {
        // More files than one thread reads alone (FileReads), two of them unreadable, and a
        // link back to the folder, which the walk reports as it lists, between them.
        for (var i = 0; i < 150; i++) Write($"{i:D3}_m.sql", $"SELECT {i};\n");
        File.CreateSymbolicLink(Path.Combine(_folder, "050_x_gone.sql"), Path.Combine(_root, "gone-1.sql"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "100_loop"), _folder);
        File.CreateSymbolicLink(Path.Combine(_folder, "120_x_gone.sql"), Path.Combine(_root, "gone-2.sql"));

        var reading = MigrationFolderReader.Read(_folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"{i:D3}_m.sql"), reading.Files.Select(f => f.RelativePath));
        Assert.All(reading.Files, f => Assert.Equal($"SELECT {int.Parse(f.RelativePath[..3], System.Globalization.CultureInfo.InvariantCulture)};\n", f.Text));
        Assert.Equal(
            [(DiagnosticCodes.FolderEntryUnreadable, "050_x_gone.sql"), (DiagnosticCodes.FolderLinkCycle, "100_loop"), (DiagnosticCodes.FolderEntryUnreadable, "120_x_gone.sql")],
            reading.Diagnostics.Where(d => d.Code is DiagnosticCodes.FolderEntryUnreadable or DiagnosticCodes.FolderLinkCycle).Select(d => (d.Code, d.File)));
    }

    [Fact]
    public void PrismaFolder_ListsTheSkippedSeedFileAsInformation()
    {
        Write("20250101000000_init/migration.sql", "CREATE TABLE a (id int);\n");
        Write("migration_lock.toml", "provider = \"postgresql\"\n");
        Write("seed.sql", "INSERT INTO a VALUES (1);\n");

        var reading = MigrationFolderReader.Read(_folder);

        Assert.False(reading.HasErrors);
        var skipped = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileNotRead, DiagnosticSeverity.Info, "seed.sql"), (skipped.Code, skipped.Severity, skipped.File));
        Assert.Equal(SqlDialect.Postgres, reading.Dialect);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static IEnumerable<string> LinksUnder(string path)
    {
        var info = new DirectoryInfo(path);
        if (!info.Exists) return [];
        if (info.LinkTarget is not null) return [path];
        return info.EnumerateDirectories().SelectMany(d => LinksUnder(d.FullName));
    }
}
