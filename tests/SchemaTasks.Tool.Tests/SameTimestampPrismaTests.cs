using System.Text.Json;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Verification;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// A Prisma folder whose two migrations share a timestamp, as real repositories have: every
/// command reads it, keys the history by the whole folder name, and applies in Prisma's order.
/// </summary>
public sealed class SameTimestampPrismaTests : IDisposable
{
    private const string AddContact = "20250217000000_add_contact";
    private const string RemoveLink = "20250217000000_remove_link";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-prisma-" + Guid.NewGuid().ToString("N")[..8]);

    public SameTimestampPrismaTests()
    {
        Directory.CreateDirectory(_folder);
        Write("migration_lock.toml", "provider = \"postgresql\"\n");
        Write("20250101000000_init/migration.sql", "CREATE TYPE \"Kind\" AS ENUM ('a');\nCREATE TABLE \"Link\" (id int, kind \"Kind\");\n");
        Write($"{RemoveLink}/migration.sql", "DROP TABLE \"Link\";\n");
        Write($"{AddContact}/migration.sql", "CREATE TABLE \"Contact\" (id int, kind \"Kind\");\n");
        Write("seed.sql", "INSERT INTO \"Contact\" VALUES (1, 'a');\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_ReadsBothMigrations_AndListsTheSkippedSeedFile()
    {
        var (exit, output, error) = await ToolRun.RunAsync("snapshot", _folder);

        Assert.True(exit == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["20250101000000_init", AddContact, RemoveLink],
            json.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Contains($"{Path.Combine(_folder, "seed.sql")}: info ST1010: 'seed.sql' is not a migration and was skipped", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_ListsBothMigrationsByTheirWholeNames()
    {
        var (exit, output, error) = await ToolRun.RunAsync("manifest", _folder);

        Assert.True(exit == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["20250101000000_init", AddContact, RemoveLink],
            json.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ToolProcess_PrintsTheSkippedFile()
    {
        using var tool = ToolProcess.Start(["manifest", _folder]);
        var (exit, _, error) = await tool.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == ExitCodes.Success, tool.Printed);
        Assert.Contains("info ST1010: 'seed.sql' is not a migration and was skipped", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToTheFolderItself_IsOneErrorNamingTheLink()
    {
        Directory.CreateSymbolicLink(Path.Combine(_folder, "loop"), ".");

        var (exit, _, error) = await ToolRun.RunAsync("snapshot", _folder);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Single(error.Split('\n'), line => line.Contains("error ST1009", StringComparison.Ordinal));
        Assert.Contains("'loop' is a symbolic link to '.'", error, StringComparison.Ordinal);
        File.Delete(Path.Combine(_folder, "loop"));
    }

    [PostgresFact]
    public async Task Verify_AgainstPrismaHistory_MatchesEachRowByTheWholeFolderName()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = MigrationsInOrder();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await PrismaDatabase.ApplyAsync(connection, migrations[0]);
            await PrismaDatabase.ApplyAsync(connection, migrations[1]);
        }

        var pending = await ToolRun.RunAsync("verify", "--connection", db.ConnectionString, "--migrations", _folder, "--format", "json");
        await using (var connection = await db.OpenConnectionAsync())
        {
            await PrismaDatabase.ApplyAsync(connection, migrations[2]);
        }

        var healthy = await ToolRun.RunAsync("verify", "--connection", db.ConnectionString, "--migrations", _folder, "--format", "json");

        Assert.True(pending.Exit == ExitCodes.ProblemsFound, pending.Output + pending.Error);
        Assert.Contains(RemoveLink, pending.Output, StringComparison.Ordinal);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
        using var json = JsonDocument.Parse(healthy.Output);
        Assert.Equal(3, json.RootElement.GetProperty("migrations").GetArrayLength());
    }

    [PostgresFact]
    public async Task Migrate_AppliesBothInPrismaOrder_AndRepairPlansTheFailedOne()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        string[] common = ["--migrations", _folder, "--connection", db.ConnectionString];

        var migrated = await ToolRun.RunAsync(["migrate", .. common]);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Output + migrated.Error);
        Assert.Contains("3 applied, 0 already applied.", migrated.Output, StringComparison.Ordinal);
        var contact = migrated.Output.IndexOf(AddContact, StringComparison.Ordinal);
        var link = migrated.Output.IndexOf(RemoveLink, StringComparison.Ordinal);
        Assert.True(contact >= 0 && link > contact, migrated.Output);

        // A later migration with the same timestamp fails half-way; repair names it by its whole name.
        Write("20250217000000_zz_fail/migration.sql", "CREATE TABLE \"Audit\" (id int);\nCREATE TABLE \"Audit\" (id int);\n");
        var failed = await ToolRun.RunAsync(["migrate", .. common, "--skip-check"]); // The check would refuse it before the server does.
        var repair = await ToolRun.RunAsync(["repair", .. common]);

        Assert.Equal(ExitCodes.ProblemsFound, failed.Exit);
        Assert.Contains("error ST7002", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, repair.Exit);
        Assert.Contains("20250217000000_zz_fail", repair.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", repair.Output, StringComparison.Ordinal);
    }

    private IReadOnlyList<EmbeddedMigration> MigrationsInOrder() =>
        EmbeddedMigrations.FromFolder(Migrations.MigrationFolderReader.Read(_folder)).Migrations;

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
