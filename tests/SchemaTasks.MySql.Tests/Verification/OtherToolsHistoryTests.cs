using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// goose, sqlx and drizzle: a real MariaDB/MySQL in the state each tool leaves it in (the migration
/// SQL run, the tool's own history table with the rows it writes), checked against the folder.
/// </summary>
public sealed class OtherToolsHistoryTests
{
    private const string First = "CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running') NOT NULL);\n";
    private const string Second = "ALTER TABLE jobs MODIFY status ENUM('queued', 'running', 'done') NOT NULL;\n";

    // Computed outside .NET (Python's hashlib) from the two texts above.
    private const string FirstSha384 = "a10a53b2e056c1b948d17f342383c44c912edb3fb14cbf754ea53d1cfc780aa16771378faa50037db9e33dde50b2efc3";
    private const string SecondSha384 = "a53e7dea2536b22a76e0fe96c7339d2086e20d92ee9b7f8e7055bc96a406d441640aaac0d6653d623a7947899cb68ccf";
    private const string FirstSha256 = "04dbb8aa5cd43b23264b9001a8782a53c0b18e1bf99c181d1ac3f3027a46206a";
    private const string SecondSha256 = "f74b30c9939383736e78fc78a0e5ce025a37d56d7818936683c1860a8b8db376";
    private const long FirstWhen = 1735689600000;
    private const long SecondWhen = 1735776000000;

    // goose: the two migrations with Up and Down sections.
    private static ExpectedSchema Goose() => ExpectedSchema.FromFiles(
        [
            new MigrationSourceFile("00001_create_jobs.sql", "-- +goose Up\n" + First + "\n-- +goose Down\nDROP TABLE jobs;\n"),
            new MigrationSourceFile("00002_add_done.sql", "-- +goose Up\n" + Second),
        ],
        dialect: MySqlTestDatabase.ServerDialect);

    private static ExpectedSchema Sqlx() => ExpectedSchema.FromFiles(
        [new MigrationSourceFile("20250101000000_create_jobs.sql", First), new MigrationSourceFile("20250102000000_add_done.sql", Second)],
        MigrationLayout.Sqlx,
        MySqlTestDatabase.ServerDialect);

    private static ExpectedSchema Drizzle() => ExpectedSchema.FromFiles(
        [
            new MigrationSourceFile("meta/_journal.json", $$"""{"version":"7","dialect":"mysql","entries":[{"idx":0,"version":"7","when":{{FirstWhen}},"tag":"0000_first","breakpoints":true},{"idx":1,"version":"7","when":{{SecondWhen}},"tag":"0001_second","breakpoints":true}]}"""),
            new MigrationSourceFile("0000_first.sql", First),
            new MigrationSourceFile("0001_second.sql", Second),
        ],
        dialect: MySqlTestDatabase.ServerDialect);

    // goose's own DDL (internal/dialect/dialectquery/mysql.go) and the version-0 row it writes with the table.
    private static Task GooseTableAsync(MySqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE goose_db_version (
            id serial NOT NULL,
            version_id bigint NOT NULL,
            is_applied boolean NOT NULL,
            tstamp timestamp NULL default now(),
            PRIMARY KEY(id)
        );
        INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true);
        """);

    private static Task GooseRowAsync(MySqlConnection connection, long version, bool applied) =>
        ExecuteAsync(connection, $"INSERT INTO goose_db_version (version_id, is_applied) VALUES ({version}, {applied})");

    // sqlx-mysql's DDL (ensure_migrations_table).
    private static Task SqlxTableAsync(MySqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE IF NOT EXISTS _sqlx_migrations (
            version BIGINT PRIMARY KEY,
            description TEXT NOT NULL,
            installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
            success BOOLEAN NOT NULL,
            checksum BLOB NOT NULL,
            execution_time BIGINT NOT NULL
        );
        """);

    private static Task SqlxRowAsync(MySqlConnection connection, long version, string description, bool success, string checksumHex) =>
        ExecuteAsync(connection, $"INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES ({version}, '{description}', {success}, X'{checksumHex}', 1234)");

    // drizzle-orm's mysql migrator DDL: in the connection's database.
    private static Task DrizzleTableAsync(MySqlConnection connection) => ExecuteAsync(connection,
        "create table if not exists `__drizzle_migrations` (id serial primary key, hash text not null, created_at bigint)");

    private static Task DrizzleRowAsync(MySqlConnection connection, string hash, long? createdAt) =>
        ExecuteAsync(connection, $"INSERT INTO `__drizzle_migrations` (hash, created_at) VALUES ('{hash}', {(createdAt is null ? "NULL" : createdAt.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))})");

    [MySqlFact]
    public async Task Goose_Applied_IsHealthy_AndVersionZeroIsNoMigration()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await GooseTableAsync(connection);
            await GooseRowAsync(connection, 1, true);
            await GooseRowAsync(connection, 2, true);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Goose(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal(MigrationHistoryKind.Goose, report.Status.History.Kind);
    }

    [MySqlFact]
    public async Task Goose_Pending_AndRolledBackByItsLatestRow_ArePending()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await GooseTableAsync(connection);
            await GooseRowAsync(connection, 1, true);
            await GooseRowAsync(connection, 2, true);
            await GooseRowAsync(connection, 2, false); // older goose's "down": the latest row decides.
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Goose(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        var pending = Assert.Single(report.Findings);
        Assert.Equal((DiagnosticCodes.PendingMigration, "2"), (pending.Code, pending.Subject));
        Assert.Contains("goose", pending.NextStep, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Goose_UnknownVersion_IsAWarning()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await GooseTableAsync(connection);
            foreach (var version in new[] { 1L, 2, 3 }) await GooseRowAsync(connection, version, true);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Goose(), db.ConnectionString);

        var unknown = Assert.Single(report.Findings);
        Assert.Equal((DiagnosticCodes.UnknownMigration, "3"), (unknown.Code, unknown.Subject));
        Assert.True(report.IsHealthy);
    }

    [MySqlFact]
    public async Task Goose_RowWithANegativeVersion_IsST6008()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await GooseTableAsync(connection);
            await GooseRowAsync(connection, -4, true);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Goose(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("goose_db_version", error.Message, StringComparison.Ordinal);
        Assert.Contains("version_id -4", error.Message, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Sqlx_Applied_WithItsSha384_IsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await SqlxTableAsync(connection);
            await SqlxRowAsync(connection, 20250101000000, "create jobs", true, FirstSha384);
            await SqlxRowAsync(connection, 20250102000000, "add done", true, SecondSha384);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Sqlx(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal(MigrationHistoryKind.Sqlx, report.Status.History.Kind);
    }

    [MySqlFact]
    public async Task Sqlx_SuccessFalse_IsDirty_Edited_Pending_AndUnknown_AreEachReported()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await SqlxTableAsync(connection);
            await SqlxRowAsync(connection, 20250101000000, "create jobs", false, FirstSha384);
        }

        var dirty = await MySqlSchemaCheck.VerifyAsync(Sqlx(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal(
            [(DiagnosticCodes.FailedMigration, "20250101000000"), (DiagnosticCodes.PendingMigration, "20250102000000")],
            dirty.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("_sqlx_migrations", dirty.Findings[0].NextStep, StringComparison.Ordinal);

        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "UPDATE _sqlx_migrations SET success = true, checksum = X'" + SecondSha384 + "'");
            await ExecuteAsync(connection, Second);
            await SqlxRowAsync(connection, 20250102000000, "add done", true, SecondSha384);
            await SqlxRowAsync(connection, 20250103000000, "later", true, SecondSha384);
        }

        var edited = await MySqlSchemaCheck.VerifyAsync(Sqlx(), db.ConnectionString);
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "20250101000000"), (DiagnosticCodes.UnknownMigration, "20250103000000")],
            edited.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(SecondSha384, edited.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains(FirstSha384, edited.Findings[0].Message, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Sqlx_ChecksumThatIsNoSha384_IsST6008()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await SqlxTableAsync(connection);
            await SqlxRowAsync(connection, 1, "x", true, "abcd");
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Sqlx(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("0xabcd (2 bytes)", error.Message, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Drizzle_Applied_InTheDatabase_IsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await DrizzleTableAsync(connection);
            await DrizzleRowAsync(connection, FirstSha256, FirstWhen);
            await DrizzleRowAsync(connection, SecondSha256, SecondWhen);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Drizzle(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal((MigrationHistoryKind.Drizzle, "__drizzle_migrations"), (report.Status.History.Kind, report.Status.History.Table));
    }

    [MySqlFact]
    public async Task Drizzle_Edited_Pending_AndUnknown_AreEachReported()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await DrizzleTableAsync(connection);
            await DrizzleRowAsync(connection, SecondSha256, FirstWhen); // the hash of another text: edited
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Drizzle(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "1735689600000"), (DiagnosticCodes.PendingMigration, "1735776000000")],
            report.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstSha256, report.Findings[0].Message, StringComparison.Ordinal);

        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, $"UPDATE __drizzle_migrations SET hash = '{FirstSha256}'");
            await DrizzleRowAsync(connection, FirstSha256, 1800000000000);
        }

        var ahead = await MySqlSchemaCheck.VerifyAsync(Drizzle(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal(
            [(DiagnosticCodes.OutOfOrderMigration, "1735776000000"), (DiagnosticCodes.UnknownMigration, "1800000000000")],
            ahead.Findings.Where(f => f.Code != DiagnosticCodes.PendingMigration).Select(f => (f.Code, f.Subject)));
        Assert.Contains("never applies", ahead.Findings.Single(f => f.Code == DiagnosticCodes.OutOfOrderMigration).NextStep, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Drizzle_RowWithoutCreatedAt_IsST6008()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await DrizzleTableAsync(connection);
            await DrizzleRowAsync(connection, FirstSha256, null);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Drizzle(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("__drizzle_migrations", error.Message, StringComparison.Ordinal);
        Assert.Contains("created_at NULL", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
