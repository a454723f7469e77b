using MySqlConnector;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Introspection;

public sealed class MySqlSchemaReaderTests
{
    public static TheoryData<string> Scenarios() => new(ScenarioMigrations.MySql);

    [MySqlTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_read_back_equals_the_engine_catalog(string scenario)
    {
        var set = ScenarioMigrations.Load(scenario);
        var built = SchemaEngine.Build(set, MySqlTestDatabase.ServerDialect);
        Assert.Empty(built.Diagnostics);
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var migration in set.Migrations) await Execute(connection, migration.Sql);

        var live = await MySqlSchemaReader.ReadAsync(connection);

        CatalogComparer.AssertEqual(built.Final, live, $"scenario {scenario}"); // CHECK names too: the engine names them as the server does.
        var column = live.Tables[new QualifiedName(string.Empty, "job_tracking")].FindColumn("job_type", SqlDialect.MySql);
        Assert.Contains("protection_flow", column!.InlineValues!.Values);
    }

    [MySqlFact]
    public async Task Live_enum_set_and_check_values_are_read()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, """
            CREATE TABLE bots (
              kind ENUM('a','it''s') NOT NULL DEFAULT 'a',
              tags SET('x','y') DEFAULT NULL,
              health_status VARCHAR(20) CHECK (health_status IN ('normal','potentially_stuck')),
              CONSTRAINT bots_level CHECK (`health_status` = 'normal' OR health_status = 'stuck')
            )
            """);

        var live = await MySqlSchemaReader.ReadAsync(connection);

        var table = live.Tables[new QualifiedName(string.Empty, "bots")];
        Assert.Equal(new[] { "a", "it's" }, table.Columns[0].InlineValues!.Values.ToArray());
        Assert.Equal("'a'", table.Columns[0].Default);
        Assert.False(table.Columns[0].IsNullable);
        Assert.Equal(InlineValueKind.Set, table.Columns[1].InlineValues!.Kind);
        Assert.Null(table.Columns[1].Default);
        Assert.Equal("varchar(20)", table.Columns[2].Type);
        var named = Assert.Single(table.Checks, c => c.Name == "bots_level");
        Assert.Equal(new[] { "normal", "stuck" }, named.Values.ToArray());
        var inline = Assert.Single(table.Checks, c => c.Name != "bots_level");
        Assert.Equal("health_status", inline.Column);
        Assert.Equal(new[] { "normal", "potentially_stuck" }, inline.Values.ToArray());
    }

    [MySqlFact]
    public async Task A_system_versioned_table_is_read_like_any_table()
    {
        // MariaDB lists it as TABLE_TYPE 'SYSTEM VERSIONED'; verify had reported it missing.
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, "CREATE TABLE events (id INT PRIMARY KEY, status ENUM('a','b') NOT NULL DEFAULT 'a', CHECK (id > 0)) WITH SYSTEM VERSIONING");

        var live = await MySqlSchemaReader.ReadAsync(connection);

        var table = live.Tables[new QualifiedName(string.Empty, "events")];
        Assert.Equal(new[] { "a", "b" }, table.Columns.Single(c => c.Name == "status").InlineValues!.Values.ToArray());
        Assert.Single(table.Checks);
    }

    [MySqlFact]
    public async Task Round_trips_do_not_grow_with_the_number_of_tables()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var small = await CountRoundTrips(connection);
        await Execute(connection, string.Concat(Enumerable.Range(0, 30).Select(i => $"CREATE TABLE t{i} (a ENUM('x','y'), b INT CHECK (b > 0), c VARCHAR(5) CHECK (c IN ('p','q'))); ")));
        var large = await CountRoundTrips(connection);

        Assert.Equal(1, small);
        Assert.Equal(small, large);
        var live = await MySqlSchemaReader.ReadAsync(connection);
        Assert.Equal(30, live.Tables.Count);
        Assert.All(live.Tables.Values, t => Assert.Equal(2, t.Checks.Length));
    }

    [MySqlFact]
    public async Task A_user_that_can_only_read_reads_the_schema()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var user = db.Name + "_r";
        await using (var admin = await db.OpenConnectionAsync())
        {
            await Execute(admin, $"""
                CREATE TABLE people (id INT PRIMARY KEY, mood ENUM('ok','sad') NOT NULL DEFAULT 'ok');
                CREATE USER '{user}'@'%' IDENTIFIED BY 'reader';
                GRANT SELECT ON {db.Name}.* TO '{user}'@'%';
                """);
        }

        try
        {
            var builder = new MySqlConnectionStringBuilder(db.ConnectionString) { UserID = user, Password = "reader", Pooling = false };
            await using var reader = new MySqlConnection(builder.ConnectionString);
            await reader.OpenAsync();
            await Assert.ThrowsAsync<MySqlException>(() => Execute(reader, "CREATE TABLE nope (a INT)"));

            var live = await MySqlSchemaReader.ReadAsync(reader);

            var column = live.Tables[new QualifiedName(string.Empty, "people")].FindColumn("mood", SqlDialect.MySql);
            Assert.Equal(new[] { "ok", "sad" }, column!.InlineValues!.Values.ToArray());
            Assert.Contains("PRIMARY", live.Tables[new QualifiedName(string.Empty, "people")].OtherConstraints);
        }
        finally
        {
            await using var admin = await db.OpenConnectionAsync();
            await Execute(admin, $"DROP USER '{user}'@'%'");
        }
    }

    private static async Task<int> CountRoundTrips(MySqlConnection connection)
    {
        var count = 0;
        await MySqlSchemaReader.ReadAsync(connection, () => count++, CancellationToken.None);
        return count;
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
