using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>The migrator and repair on the application's <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresMigratorDataSourceTests
{
    [PostgresFact]
    public async Task MigrateAsync_WithADataSource_AppliesAndRecords_AndASecondRunAppliesNothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE job (id int PRIMARY KEY);")
            .Add("2", "INSERT INTO job VALUES (1);")
            .Load();

        var first = await PostgresMigrator.MigrateAsync(migrations, dataSource);
        var second = await PostgresMigrator.MigrateAsync(migrations, dataSource);

        Assert.Equal(["1", "2"], first.Applied.Select(a => a.Id));
        Assert.Empty(second.Applied);
        Assert.Equal(2, second.AlreadyApplied);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE success"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM job"));
    }

    [PostgresFact]
    public async Task EightConcurrentRuns_OnOneDataSource_ApplyEveryMigrationOnce_AndLeaveNoLockHeld()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // One pool for all runs: the lock must hold across its connections, and go back with each.
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var builder = new TestMigrations(SqlDialect.Postgres).Add("0", "CREATE TABLE ran (id text NOT NULL);");
        for (var i = 1; i <= 4; i++)
        {
            // Not idempotent: a second run of any migration would add a row or fail.
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"INSERT INTO ran VALUES ('{i}');\nCREATE TABLE t{i} (id int);\nSELECT pg_sleep(0.1);");
        }

        var migrations = builder.Load();
        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => PostgresMigrator.MigrateAsync(migrations, dataSource, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(60) }))));

        Assert.Equal(["0", "1", "2", "3", "4"], results.SelectMany(r => r.Applied).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM ran"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    [PostgresFact]
    public async Task MigrateAsync_WithAMultiplexingDataSource_IsST5010_AndAppliesNothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString + ";Multiplexing=true");
        var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE a (id int);").Load();

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, dataSource));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Contains("Multiplexing", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Database={db.Name}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'schematasks_history')"));
    }

    [Fact]
    public async Task MigrateAsync_WithADataSourceAtAWrongPort_IsST5011_NamingHostAndPort_NeverThePassword()
    {
        const string password = "migrator-secret-never-shown";
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port=1;Database=orders;Username=app;Password={password};Timeout=3");
        var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE a (id int);").Load();

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, dataSource));

        Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
        Assert.Contains("Host=127.0.0.1;Port=1;Database=orders;Username=app", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task RepairAsync_WithADataSource_TakesTheFailedMigrationBack()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        // Statement 1 is committed, statement 2 fails (no such label): the enum is left behind.
        const string Text = "-- schematasks:no-transaction\nCREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE feeling (m mood DEFAULT '{0}');";
        var broken = new TestMigrations(SqlDialect.Postgres).Add("1", string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, "bad")).Load();
        var fixedBuild = new TestMigrations(SqlDialect.Postgres).Add("1", string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, "ok")).Load();
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, dataSource));

        var repaired = await PostgresMigrator.RepairAsync(fixedBuild, dataSource, new RepairOptions { Apply = true });

        var one = Assert.Single(repaired.Failed);
        Assert.True(one.Outcome == RepairOutcome.Repaired, one.Summary + " " + string.Join(" ", one.Plan.Notes));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_type WHERE typname = 'mood'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history"));
    }
}
