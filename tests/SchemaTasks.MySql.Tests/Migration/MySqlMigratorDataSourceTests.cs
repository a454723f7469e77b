using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>The check, the migrator and repair on the application's <see cref="MySqlDataSource"/>.</summary>
public sealed class MySqlMigratorDataSourceTests
{
    [MySqlFact]
    public async Task MigrateAsync_WithADataSourceWithoutUserVariables_RunsAMigrationThatUsesThem_AndRecordsIt()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(db.ConnectionString);
        var migrations = new TestMigrations(SqlDialect.MySql)
            .Add("1", "CREATE TABLE a (id int);")
            .Add("2", "SET @first = 41;\nINSERT INTO a VALUES (@first + 1);")
            .Load();

        var first = await MySqlMigrator.MigrateAsync(migrations, dataSource);
        var second = await MySqlMigrator.MigrateAsync(migrations, dataSource);

        Assert.Equal(["1", "2"], first.Applied.Select(a => a.Id));
        Assert.Empty(second.Applied);
        Assert.Equal(42L, Convert.ToInt64(await ScalarAsync(db, "SELECT id FROM a")));
        Assert.Equal(2L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM schematasks_history WHERE success")));
        // The data source itself is left as the application configured it.
        Assert.False(new MySqlConnectionStringBuilder(dataSource.ConnectionString).AllowUserVariables);
    }

    [MySqlFact]
    public async Task EightConcurrentRuns_OnOneDataSource_ApplyEveryMigrationOnce()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        // Allow User Variables on: the migrator takes its connections from this data source's own pool.
        await using var dataSource = new MySqlDataSource(db.ConnectionString + ";Allow User Variables=true");
        var builder = new TestMigrations(SqlDialect.MySql).Add("0", "CREATE TABLE ran (id varchar(8) NOT NULL);");
        for (var i = 1; i <= 4; i++)
        {
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"INSERT INTO ran VALUES ('{i}');\nDO SLEEP(0.1);");
        }

        var migrations = builder.Load();
        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => MySqlMigrator.MigrateAsync(migrations, dataSource, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(60) }))));

        Assert.Equal(["0", "1", "2", "3", "4"], results.SelectMany(r => r.Applied).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(4L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM ran")));
    }

    [MySqlFact]
    public async Task RepairAsync_WithADataSource_DeletesTheFailedRow_AndTheFixedMigrationApplies()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(db.ConnectionString);
        var broken = new TestMigrations(SqlDialect.MySql).Add("1", "CREATE TABLE a (id no_such_type);").Load();
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(broken, dataSource));
        var fixedBuild = new TestMigrations(SqlDialect.MySql).Add("1", "CREATE TABLE a (id int);").Load();

        var repaired = await MySqlMigrator.RepairAsync(fixedBuild, dataSource, new RepairOptions { Apply = true });
        var migrated = await MySqlMigrator.MigrateAsync(fixedBuild, dataSource);

        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal(["1"], migrated.Applied.Select(a => a.Id));
    }

    [MySqlFact]
    public async Task VerifyAsync_WithADataSource_FullyMigrated_IsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(db.ConnectionString);
        await MySqlMigrator.MigrateAsync(Scenario2().Applicable, dataSource);

        var report = await MySqlSchemaCheck.VerifyAsync(Scenario2(), dataSource);

        Assert.True(report.IsHealthy, report.ToText());
    }

    [Fact]
    public async Task AnyEntryPoint_WithADataSourceAtAWrongPort_IsST5011_NamingServerAndPort_NeverThePassword()
    {
        const string password = "migrator-secret-never-shown";
        await using var dataSource = new MySqlDataSource($"Server=127.0.0.1;Port=1;Database=orders;User ID=app;Password={password};Connection Timeout=3");
        var migrations = new TestMigrations(SqlDialect.MySql).Add("1", "CREATE TABLE a (id int);").Load();

        var errors = new[]
        {
            await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, dataSource)),
            await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.RepairAsync(migrations, dataSource)),
            await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Scenario2(), dataSource)),
        };

        Assert.All(errors, error =>
        {
            Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
            Assert.Contains("Server=127.0.0.1;Port=1;User ID=app;Database=orders", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DataSourceNamingNoDatabase_IsST5010()
    {
        await using var dataSource = new MySqlDataSource("Server=127.0.0.1;User ID=app;Password=secret");

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Scenario2(), dataSource));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Contains("Database=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
