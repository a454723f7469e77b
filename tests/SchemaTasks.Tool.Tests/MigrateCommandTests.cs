using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

// One class, so its tests run one at a time: one of them sets SCHEMATASKS_CONNECTION.
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-migrate-" + Guid.NewGuid().ToString("N")[..8]);

    public MigrateCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task Migrate_AppliesTheFolder_StatusShowsItApplied_AndASecondRunAppliesNothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_jobs.up.sql", "CREATE TABLE job (id int);\n");
        Write("1_jobs.down.sql", "DROP TABLE job;\n");
        Write("2_kinds.up.sql", "CREATE TYPE kind AS ENUM ('a');\n");

        var pending = await ToolRun.RunAsync("status", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);
        var first = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);
        var second = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);
        var status = await ToolRun.RunAsync("status", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);

        Assert.Equal(ExitCodes.ProblemsFound, pending.Exit);
        Assert.Contains("pending  1", pending.Output, StringComparison.Ordinal);
        Assert.True(first.Exit == ExitCodes.Success, first.Error);
        Assert.Contains("applied 1 (1 statements, in a transaction", first.Output, StringComparison.Ordinal);
        Assert.Contains("2 applied, 0 already applied.", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Database={db.Name}", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", first.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("0 applied, 2 already applied.", second.Output, StringComparison.Ordinal);
        Assert.True(status.Exit == ExitCodes.Success, status.Output + status.Error);
        Assert.Contains("applied  2 at ", status.Output, StringComparison.Ordinal);
        Assert.Contains("2 applied, 0 pending, 0 failed.", status.Output, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task FailedMigration_ExitsWithST7002_StatusShowsHowFarItGot_AndTheNextRunRefuses()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n");

        // The server's own failure: the check, which would refuse the folder first, is skipped.
        var failed = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "mysql", "--connection", db.ConnectionString, "--skip-check");
        var again = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "mysql", "--connection", db.ConnectionString, "--skip-check");
        var status = await ToolRun.RunAsync("status", "--migrations", _folder, "--dialect", "mysql", "--connection", db.ConnectionString);

        Assert.Equal(ExitCodes.ProblemsFound, failed.Exit);
        Assert.Contains("error ST7002", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, again.Exit);
        Assert.Contains("error ST6002", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, status.Exit);
        Assert.Contains("failed   1 after 1 statements: Statement 2 of 2 (line 2) failed:", status.Output, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task AFolderWithAStatementTheServerRefuses_IsNotMigrated_UnlessTheCheckIsSkipped()
    {
        // MySQL cannot roll back DDL: run as it is, the first table would stay and the run stop halfway.
        await using var db = await MySqlTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int, b int GENERATED ALWAYS AS (id * 2) STORED);\nALTER TABLE a DROP COLUMN id;\n");
        string[] common = ["--migrations", _folder, "--dialect", "mysql", "--connection", db.ConnectionString];

        var refused = await ToolRun.RunAsync(["migrate", .. common]);
        var status = await ToolRun.RunAsync(["status", .. common]);
        var forced = await ToolRun.RunAsync(["migrate", .. common, "--skip-check"]);

        Assert.Equal(ExitCodes.ProblemsFound, refused.Exit);
        Assert.Contains("1_a.up.sql(2,", refused.Error, StringComparison.Ordinal);
        Assert.Contains("error ST3051", refused.Error, StringComparison.Ordinal);
        Assert.Contains("not migrating: SchemaTasks found 1 error(s)", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Migrating ", refused.Output, StringComparison.Ordinal);
        Assert.Contains("pending  1", status.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, forced.Exit);
        Assert.Contains("error ST7002", forced.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task FailedMigration_StillPrintsWhatThisRunAppliedBeforeIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");
        Write("2_b.up.sql", "SELECT 1 / 0;\n");

        var run = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString);

        Assert.Equal(ExitCodes.ProblemsFound, run.Exit);
        Assert.Contains("applied 1 (1 statements, in a transaction", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("applied 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("error ST7002", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Repair_IsADryRunUnlessApplied_ThenTheFixedFolderMigrates()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        await ToolRun.RunAsync(["migrate", .. common, "--skip-check"]);
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");

        var dryRun = await ToolRun.RunAsync(["repair", .. common]);
        var refused = await ToolRun.RunAsync(["migrate", .. common]);
        var applied = await ToolRun.RunAsync(["repair", .. common, "--apply"]);
        var migrated = await ToolRun.RunAsync(["migrate", .. common]);
        var nothing = await ToolRun.RunAsync(["repair", .. common]);

        Assert.Equal(ExitCodes.ProblemsFound, dryRun.Exit);
        Assert.Contains("Dry run: nothing was changed.", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("error ST6002", refused.Error, StringComparison.Ordinal);
        Assert.True(applied.Exit == ExitCodes.Success, applied.Output + applied.Error);
        Assert.Contains("repaired 1: ran 0 statement(s) and deleted its failed history row", applied.Output, StringComparison.Ordinal);
        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Error);
        Assert.Contains("1 applied, 0 already applied.", migrated.Output, StringComparison.Ordinal);
        Assert.Contains("nothing to repair", nothing.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Connection_ComesFromTheEnvironment_WhenNotGiven()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");
        Environment.SetEnvironmentVariable("SCHEMATASKS_CONNECTION", db.ConnectionString);
        try
        {
            var run = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres");

            Assert.True(run.Exit == ExitCodes.Success, run.Error);
            Assert.Contains("1 applied", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SCHEMATASKS_CONNECTION", null);
        }
    }

    [PostgresFact]
    public async Task AMigrationThatChangesTheToolsHistoryTable_Applies_AndTheDatabaseVerifies()
    {
        // Harbor's golang-migrate history adds a column to schema_migrations, golang-migrate's own table.
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_jobs.up.sql", "CREATE TABLE jobs (id int, status text CHECK (status IN ('queued', 'done')));\n");
        Write("2_data_version.up.sql", "ALTER TABLE schema_migrations ADD COLUMN data_version int;\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString, "--history", "golang-migrate"];

        var migrated = await ToolRun.RunAsync(["migrate", .. common]);
        var verified = await ToolRun.RunAsync(["verify", .. common]);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Output + migrated.Error);
        Assert.Contains("2 applied, 0 already applied.", migrated.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE data_version IS NOT NULL"));
        Assert.True(verified.Exit == ExitCodes.Success, verified.Output + verified.Error);
    }

    [PostgresFact]
    public async Task APrimaryKeyMadeFromAUniqueIndex_IsWhatTheServerMakesOfIt()
    {
        // hatchet swaps primary keys this way: the index's columns become NOT NULL on the server.
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_k.up.sql", "CREATE TABLE k (a int, b int, note text);\n");
        Write("2_k_ab.up.sql", "CREATE UNIQUE INDEX CONCURRENTLY k_ab ON k (a, b);\n");
        Write("3_k_pkey.up.sql", "ALTER TABLE k ADD CONSTRAINT k_pkey PRIMARY KEY USING INDEX k_ab;\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var output = Path.Combine(Path.GetTempPath(), "schematasks-using-index-" + Guid.NewGuid().ToString("N")[..8] + ".json");

        var migrated = await ToolRun.RunAsync(["migrate", .. common]);
        var snapshot = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", output);
        var verified = await ToolRun.RunAsync(["verify", .. common]);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Output + migrated.Error);
        Assert.Equal("NO,NO,YES", await db.ScalarAsync<string>("SELECT string_agg(is_nullable, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'k'"));
        Assert.Equal("k_pkey", await db.ScalarAsync<string>("SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = 'k'::regclass"));
        Assert.True(snapshot.Exit == ExitCodes.Success, snapshot.Error);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output)))
        {
            var table = json.RootElement.GetProperty("schema").GetProperty("tables")[0];
            Assert.Equal([false, false, true], table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("nullable").GetBoolean()));
            Assert.Equal(["k_pkey"], table.GetProperty("constraints").EnumerateArray().Select(c => c.GetString()));
        }

        File.Delete(output);
        Assert.True(verified.Exit == ExitCodes.Success, verified.Output + verified.Error);
    }

    [PostgresFact]
    public async Task RenamingAPrimaryKeysIndex_RenamesTheKey_OnTheServerAndInTheSnapshot()
    {
        // formbricks' Prisma history renames its Connector model's primary key this way.
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_connector.up.sql", "CREATE TABLE \"Connector\" (id text NOT NULL, CONSTRAINT \"Connector_pkey\" PRIMARY KEY (id));\n");
        Write("2_rename.up.sql", "ALTER TABLE \"Connector\" RENAME TO \"FeedbackSource\";\nALTER INDEX \"Connector_pkey\" RENAME TO \"FeedbackSource_pkey\";\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var output = Path.Combine(Path.GetTempPath(), "schematasks-index-rename-" + Guid.NewGuid().ToString("N")[..8] + ".json");

        var migrated = await ToolRun.RunAsync(["migrate", .. common]);
        var snapshot = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--out", output);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Output + migrated.Error);
        Assert.Equal("FeedbackSource_pkey", await db.ScalarAsync<string>("SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = '\"FeedbackSource\"'::regclass"));
        Assert.True(snapshot.Exit == ExitCodes.Success, snapshot.Error);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output)))
        {
            var table = json.RootElement.GetProperty("schema").GetProperty("tables")[0];
            Assert.Equal(["FeedbackSource_pkey"], table.GetProperty("constraints").EnumerateArray().Select(c => c.GetString()));
        }

        File.Delete(output);
    }

    [PostgresFact]
    public async Task HistoryOption_RecordsInTheFoldersToolsTable_WhichStatusThenReads()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");
        Write("2_b.up.sql", "CREATE TABLE b (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];

        var migrated = await ToolRun.RunAsync(["migrate", .. common, "--history", "golang-migrate"]);
        var status = await ToolRun.RunAsync(["status", .. common, "--history", "golang-migrate"]);
        var otherTool = await ToolRun.RunAsync(["migrate", .. common, "--history", "prisma"]);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Error);
        Assert.Contains("recording in golang-migrate's history (schema_migrations)", migrated.Output, StringComparison.Ordinal);
        Assert.Contains("2 applied, 0 already applied.", migrated.Output, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT version FROM schema_migrations WHERE NOT dirty"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));
        Assert.True(status.Exit == ExitCodes.Success, status.Output + status.Error);
        Assert.Contains("schema_migrations", status.Output, StringComparison.Ordinal);
        Assert.Contains("2 applied, 0 pending, 0 failed.", status.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, otherTool.Exit);
        Assert.Contains("error ST7006", otherTool.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WithoutTheHistoryOption_ADatabaseTheToolMigrated_IsNamedByStatus_AndNotMigratedAgain()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");
        Write("2_b.up.sql", "CREATE TABLE b (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var migrated = await ToolRun.RunAsync(["migrate", .. common, "--history", "golang-migrate"]);

        var status = await ToolRun.RunAsync(["status", .. common]);
        var again = await ToolRun.RunAsync(["migrate", .. common]);

        Assert.True(migrated.Exit == ExitCodes.Success, migrated.Error);
        Assert.Equal(ExitCodes.ProblemsFound, status.Exit);
        Assert.Contains("0 applied, 2 pending, 0 failed.", status.Output, StringComparison.Ordinal);
        Assert.Contains("schema_migrations, the history table of golang-migrate, records 2 of these migrations as applied: read it with --history golang-migrate.", status.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, again.Exit);
        Assert.Contains("error ST7007", again.Error, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));
    }

    [Theory]
    [InlineData("flyway", "does not write flyway's history")]
    [InlineData("nosuchtool", "use schematasks, prisma, golang-migrate, dbmate, goose, sqlx, drizzle or sql-migrate")]
    public async Task HistoryOption_NamingAToolItDoesNotWrite_IsAUsageError(string value, string expected)
    {
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");

        var (exit, _, error) = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", "Host=127.0.0.1;Port=1", "--history", value);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConnection_IsAUsageError()
    {
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");

        var (exit, _, error) = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("SCHEMATASKS_CONNECTION", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherFolderNorAssembly_IsAUsageError()
    {
        var (exit, _, error) = await ToolRun.RunAsync("status", "--connection", "Host=localhost");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--migrations <dir> or --assembly <dll>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_ExitsThree_NamingTheServer_WithoutThePassword()
    {
        Write("1_a.up.sql", "CREATE TABLE a (id int);\n");

        var (exit, _, error) = await ToolRun.RunAsync("migrate", "--migrations", _folder, "--dialect", "postgres", "--connection", "Host=127.0.0.1;Port=1;Username=u;Password=s3cret;Database=d;Timeout=2");

        Assert.Equal(ExitCodes.CannotConnect, exit);
        Assert.Contains("error ST5011", error, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1;Port=1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
