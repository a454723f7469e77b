using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

public class DrizzleLayoutTests
{
    private const string Journal = """
        {
          "version": "7",
          "dialect": "postgresql",
          "entries": [
            {
              "idx": 0,
              "version": "7",
              "when": 1735689600000,
              "tag": "0000_wild_hulk",
              "breakpoints": true
            },
            {
              "idx": 1,
              "version": "7",
              "when": 1735776000000,
              "tag": "0001_calm_storm",
              "breakpoints": true
            }
          ]
        }
        """;

    private static MigrationFolder Folder() => new MigrationFolder()
        .With("meta/_journal.json", Journal)
        .With("0001_calm_storm.sql", "ALTER TYPE \"status\" ADD VALUE 'done';")
        .With("0000_wild_hulk.sql", "CREATE TYPE \"public\".\"status\" AS ENUM('new', 'busy');--> statement-breakpoint\nCREATE TABLE \"jobs\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"status\" \"status\"\n);\n")
        .With("meta/0000_snapshot.json", "{}");

    [Fact]
    public void Drizzle_JournalDecidesOrderAndTags_IdIsTheWhen()
    {
        var set = Folder().DiscoverClean();

        Assert.Equal(MigrationLayout.Drizzle, set.Layout);
        Assert.Equal(
            [("1735689600000", "0000_wild_hulk", "0000_wild_hulk.sql"), ("1735776000000", "0001_calm_storm", "0001_calm_storm.sql")],
            set.Migrations.Select(m => (m.Id, m.Name, m.RelativePath)));
    }

    [Fact]
    public void Drizzle_StatementBreakpoints_SplitStatements()
    {
        var built = SchemaEngine.Build(Folder().DiscoverClean(), SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["new", "busy", "done"], built.Final.EnumTypes.Values.Single().Labels.ToArray());
        Assert.Single(built.Final.Tables);
    }

    [Fact]
    public void Drizzle_JournalNamingAMissingFile_IsST1013_AtTheEntry()
    {
        var result = new MigrationFolder()
            .With("meta/_journal.json", Journal)
            .With("0000_wild_hulk.sql", "SELECT 1;")
            .Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.JournalFileMissing, "meta/_journal.json", 16), (error.Code, error.File, error.Line));
        Assert.Contains("0001_calm_storm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drizzle_JournalWhoseFilesAreAllMissing_IsAnErrorForEach_NotAnEmptyFolder()
    {
        var result = new MigrationFolder().With("meta/_journal.json", Journal).Discover();

        Assert.Null(result.Set);
        Assert.Equal([(DiagnosticCodes.JournalFileMissing, 9), (DiagnosticCodes.JournalFileMissing, 16)], result.Diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void Drizzle_SqlFileTheJournalDoesNotName_IsST1014()
    {
        var result = Folder().With("0002_manual.sql", "CREATE TABLE x (id int);").Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileNotInJournal, "0002_manual.sql", 1), (error.Code, error.File, error.Line));
    }

    [Theory]
    [InlineData("{ \"entries\": [ { \"tag\": \"0000_a\" } ] }", 1)]
    [InlineData("{ \"version\": \"7\" }", 1)]
    [InlineData("{\n  \"entries\": [\n    { \"tag\": \"0000_a\", \"when\": 1 },,\n  ]\n}", 3)]
    public void Drizzle_UnreadableJournal_IsST1012_AtItsLine(string journal, int line)
    {
        var result = new MigrationFolder().With("meta/_journal.json", journal).With("0000_a.sql", "SELECT 1;").Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnreadableJournal, "meta/_journal.json", line), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void Drizzle_FolderForm_WithSnapshots_IsDrizzleNotPrisma_IdIsTheUtcTimestampInMilliseconds()
    {
        var set = new MigrationFolder()
            .With("20250102030405_second/migration.sql", "ALTER TABLE a ADD b int;")
            .With("20250102030405_second/snapshot.json", "{}")
            .With("20250101000000_first/migration.sql", "CREATE TABLE a (id int);")
            .With("20250101000000_first/snapshot.json", "{}")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Drizzle, set.Layout);
        Assert.Equal(
            [(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "20250101000000_first"),
             (new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "20250102030405_second")],
            set.Migrations.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public void Drizzle_FolderForm_BesidePrismaLockFile_IsAmbiguous()
    {
        var result = new MigrationFolder()
            .With(MigrationDiscovery.PrismaLockFile, "provider = \"postgresql\"\n")
            .With("20250101000000_first/migration.sql", "SELECT 1;")
            .With("20250101000000_first/snapshot.json", "{}")
            .Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AmbiguousLayout, error.Code);
        Assert.Contains("prisma", error.Message, StringComparison.Ordinal);
        Assert.Contains("drizzle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drizzle_OldJournal_EnumsCreatedInDoBlocksGuardedByDuplicateObject_AreBuilt()
    {
        // drizzle-kit before 0.21 (journal "version": "5", "dialect": "pg") wrapped CREATE TYPE in a DO block.
        var set = new MigrationFolder()
            .With("meta/_journal.json", "{\"version\":\"5\",\"dialect\":\"pg\",\"entries\":[{\"idx\":0,\"version\":\"5\",\"when\":1708870589951,\"tag\":\"0000_plain_start\",\"breakpoints\":true}]}")
            .With("0000_plain_start.sql",
                "DO $$ BEGIN\n CREATE TYPE \"project_status\" AS ENUM('todo', 'active');\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n--> statement-breakpoint\n" +
                "CREATE TABLE IF NOT EXISTS \"projects\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"status\" \"project_status\" DEFAULT 'todo'\n);\n")
            .DiscoverClean();

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["todo", "active"], built.Final.EnumTypes.Values.Single().Labels.ToArray());
    }

    // To MySQL and MariaDB '-->' starts no comment (theirs needs a space after '--'), so the
    // breakpoint line hid the statement after it: drizzle-kit's MySQL files gave one table of many.
    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void Drizzle_MySqlBreakpoints_SplitStatementsWithoutHidingOne(SqlDialect dialect)
    {
        const string Migration = "CREATE TABLE `a` (\n\t`id` int NOT NULL\n);\n--> statement-breakpoint\nCREATE TABLE `b` (\n\t`id` int NOT NULL\n);\n--> statement-breakpoint\nALTER TABLE `b` ADD `x` int;";
        var set = new MigrationFolder()
            .With("meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"mysql\",\"entries\":[{\"idx\":0,\"version\":\"5\",\"when\":1735689600000,\"tag\":\"0000_first\",\"breakpoints\":true}]}")
            .With("0000_first.sql", Migration)
            .DiscoverClean();

        var built = SchemaEngine.Build(set, dialect);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["a", "b"], built.Final.Tables.Keys.Select(n => n.Name));
        Assert.Equal(["id", "x"], built.Final.Tables.Values.Last().Columns.Select(c => c.Name));
        Assert.Equal(MigrationChecksum.Compute(Migration), Assert.Single(set.Migrations).Checksum); // The file's own text, as drizzle hashes it.
    }

    [Fact]
    public void Drizzle_FolderForm_MySqlBreakpoints_SplitStatementsToo()
    {
        var set = new MigrationFolder()
            .With("20250101000000_first/migration.sql", "CREATE TABLE `a` (`id` int);\n--> statement-breakpoint\nCREATE TABLE `b` (`id` int);")
            .With("20250101000000_first/snapshot.json", "{}")
            .DiscoverClean(MigrationLayout.Drizzle);

        var built = SchemaEngine.Build(set, SqlDialect.MySql);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["a", "b"], built.Final.Tables.Keys.Select(n => n.Name));
    }

    // The journal says which database drizzle-kit wrote the migrations for, as Prisma's lock file does.
    [Theory]
    [InlineData("postgresql", null, SqlDialect.Postgres)]
    [InlineData("pg", null, SqlDialect.Postgres)]
    [InlineData("mysql", null, SqlDialect.MySql)]
    [InlineData("mysql", SqlDialect.MariaDb, SqlDialect.MariaDb)]
    public void Drizzle_JournalDeclaresTheDialect(string declared, SqlDialect? setting, SqlDialect expected)
    {
        var reading = MigrationFolderReader.ReadFiles(
            [
                new MigrationSourceFile("meta/_journal.json", Journal.Replace("\"dialect\": \"postgresql\"", $"\"dialect\": \"{declared}\"", StringComparison.Ordinal)),
                new MigrationSourceFile("0000_wild_hulk.sql", "CREATE TABLE jobs (id int);"),
                new MigrationSourceFile("0001_calm_storm.sql", "ALTER TABLE jobs ADD COLUMN done int;"),
            ],
            new MigrationFolderSettings { Dialect = setting });

        Assert.Empty(reading.Diagnostics);
        Assert.Equal(expected, reading.Dialect);
    }

    [Fact]
    public void Drizzle_SettingAgainstTheJournalsDialect_IsAConflictNamingTheJournal()
    {
        var reading = MigrationFolderReader.ReadFiles(
            [
                new MigrationSourceFile("meta/_journal.json", Journal),
                new MigrationSourceFile("0000_wild_hulk.sql", "CREATE TABLE jobs (id int);"),
                new MigrationSourceFile("0001_calm_storm.sql", "ALTER TABLE jobs ADD COLUMN done int;"),
            ],
            new MigrationFolderSettings { Dialect = SqlDialect.MySql });

        var diagnostic = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.DialectConflict, "meta/_journal.json"), (diagnostic.Code, diagnostic.File));
        Assert.Contains("(in meta/_journal.json)", diagnostic.Message, StringComparison.Ordinal);
    }
}
