using Npgsql;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Verification;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Introspection;

public sealed class PostgresSchemaReaderTests
{
    // Every scenario on every server of TestDatabaseEnvironment.PostgresServers.
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var server in TestDatabaseEnvironment.PostgresServers())
        {
            foreach (var scenario in ScenarioMigrations.Postgres) data.Add(scenario, server);
        }

        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_read_back_equals_the_engine_catalog(string scenario, string server)
    {
        var set = ScenarioMigrations.Load(scenario);
        var built = SchemaEngine.Build(set, SqlDialect.Postgres);
        Assert.Empty(built.Diagnostics);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        // gen_random_uuid() is built in from PostgreSQL 13 on; before, pgcrypto has it, as it
        // would for a user of 12. Its objects are the extension's, which the read leaves out.
        if (connection.PostgreSqlVersion.Major < 13) await Execute(connection, "CREATE EXTENSION pgcrypto");
        foreach (var migration in set.Migrations)
        {
            await using var command = new NpgsqlCommand(migration.Sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var live = await PostgresSchemaReader.ReadAsync(connection);
        var drift = await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None);

        CatalogComparer.AssertEqual(built.Final, live, $"scenario {scenario}");
        CatalogComparer.AssertEqual(built.Final, drift, $"scenario {scenario}, the check's read", new CatalogComparison(DriftRead: true));
        Assert.NotEmpty(live.Tables);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Live_check_text_is_the_written_value_set(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, "CREATE TABLE bots (health_status text CHECK (health_status IN ('normal','potentially_stuck')))");

        var live = await PostgresSchemaReader.ReadAsync(connection);

        var check = Assert.Single(live.Tables[new QualifiedName("public", "bots")].Checks);
        Assert.Equal("bots_health_status_check", check.Name);
        Assert.Equal("health_status", check.Column);
        Assert.Equal(["normal", "potentially_stuck"], check.Values.ToArray());
        Assert.Equal("health_status IN ('normal', 'potentially_stuck')", check.Expression);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task The_checks_read_keeps_every_value_set_and_leaves_out_checks_that_cannot_be_one(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, """
            CREATE DOMAIN code AS text CHECK (VALUE IN ('A', 'B'));
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);
            CREATE TABLE t (
              listed text CHECK (listed IN ('x', 'y')),
              any_array varchar(5) CHECK (any_array = ANY (ARRAY['v1', 'v2'])),
              single text CHECK (single = 'only'),
              padded char(2) CHECK (padded = 'ab'),
              either text CHECK (either = 'p' OR either = 'q'),
              nullable text CHECK (nullable IS NULL OR nullable IN ('r')),
              greater int CHECK (greater > 0),
              ranged int CHECK (ranged > 0 AND ranged < 10),
              negated text CHECK (NOT (negated = 'z')),
              different text CHECK (different <> 'w'),
              two_columns text, other text, CHECK (two_columns = 'a' OR other = 'b'));
            """);

        var live = await PostgresSchemaReader.ReadAsync(connection);
        var drift = await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None);

        var table = new QualifiedName("public", "t");
        string[] valueSets = ["listed", "any_array", "single", "padded", "either", "nullable"];
        Assert.Equal(valueSets, live.Tables[table].Checks.Where(c => c.IsValueSet).Select(c => c.Column!));
        Assert.Equal(
            live.Tables[table].Checks.Where(c => c.IsValueSet).Select(c => $"{c.Name}: {c.Expression}").Order(),
            drift.Tables[table].Checks.Where(c => c.IsValueSet).Select(c => $"{c.Name}: {c.Expression}").Order());

        // An AND, a NOT and a comparison other than = are never deparsed; an OR over two columns
        // is (its root could be a value set), and the reader finds it is not one.
        Assert.Equal(["t_check"], drift.Tables[table].Checks.Where(c => !c.IsValueSet).Select(c => c.Name));
        Assert.Equal(5, live.Tables[table].Checks.Count(c => !c.IsValueSet));
        Assert.Equal(["VALUE IN ('A', 'B')"], drift.Domains[new QualifiedName("public", "code")].Checks.Select(c => c.Expression));
        Assert.Empty(drift.Domains[new QualifiedName("public", "positive")].Checks);
        Assert.Single(live.Domains[new QualifiedName("public", "positive")].Checks);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Types_an_extension_created_are_not_read_as_the_migrations_types(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, """
            CREATE EXTENSION citext;
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            CREATE DOMAIN email AS citext CHECK (VALUE IN ('a@b.c'));
            CREATE TABLE people (name citext, mood mood, contact email);
            """);

        var live = await PostgresSchemaReader.ReadAsync(connection);
        var drift = await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None);

        Assert.DoesNotContain(live.OtherTypes, t => t.Name == "citext");
        Assert.Equal("citext", live.Tables[new QualifiedName("public", "people")].FindColumn("name", SqlDialect.Postgres)?.Type);
        foreach (var catalog in new[] { live, drift })
        {
            Assert.Equal([new QualifiedName("public", "mood")], catalog.EnumTypes.Keys);
            Assert.Equal([new QualifiedName("public", "email")], catalog.Domains.Keys);
            Assert.Equal(["name", "mood", "contact"], catalog.Tables[new QualifiedName("public", "people")].Columns.Select(c => c.Name));
        }
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Round_trips_do_not_grow_with_the_number_of_objects(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        var small = await CountRoundTrips(db.Name, connection);
        await Execute(connection, string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"CREATE TYPE e{i} AS ENUM ('a', 'b'); CREATE DOMAIN d{i} AS text CHECK (VALUE IN ('x')); CREATE TABLE t{i} (a e{i}, b d{i}, c int CHECK (c > 0)); ")));
        var large = await CountRoundTrips(db.Name, connection);

        Assert.Equal(1, small);
        Assert.Equal(small, large);
        var live = await PostgresSchemaReader.ReadAsync(connection);
        Assert.Equal(40, live.Tables.Count);
        Assert.Equal(40, live.EnumTypes.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task A_role_that_can_only_read_the_catalog_reads_the_schema(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var admin = await db.OpenConnectionAsync())
        {
            await Execute(admin, $"""
                CREATE TYPE mood AS ENUM ('ok', 'sad');
                CREATE TABLE people (id serial PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');
                DROP ROLE IF EXISTS {db.Name}_reader;
                CREATE ROLE {db.Name}_reader LOGIN PASSWORD 'reader';
                REVOKE ALL ON SCHEMA public FROM PUBLIC;
                """);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = $"{db.Name}_reader", Password = "reader", Pooling = false };
            await using var reader = new NpgsqlConnection(builder.ConnectionString);
            await reader.OpenAsync();
            await using (var canWrite = new NpgsqlCommand("SELECT has_schema_privilege('public', 'CREATE')", reader))
            {
                Assert.False((bool)(await canWrite.ExecuteScalarAsync())!);
            }

            var live = await PostgresSchemaReader.ReadAsync(reader);

            Assert.Equal(["ok", "sad"], live.EnumTypes[new QualifiedName("public", "mood")].Labels.ToArray());
            var column = live.Tables[new QualifiedName("public", "people")].FindColumn("mood", SqlDialect.Postgres);
            Assert.Equal("'ok'", column?.Default);
        }
        finally
        {
            await using var admin = await db.OpenConnectionAsync();
            await Execute(admin, $"DROP OWNED BY {db.Name}_reader; DROP ROLE {db.Name}_reader");
        }
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Reading_inside_the_callers_transaction_leaves_its_search_path(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, "CREATE SCHEMA other; CREATE TABLE other.t (a int DEFAULT 1)");
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "SET LOCAL search_path = other");

        var live = await PostgresSchemaReader.ReadAsync(connection);

        Assert.Contains(new QualifiedName("other", "t"), live.Tables.Keys);
        await using var show = new NpgsqlCommand("SHOW search_path", connection);
        Assert.Equal("other", (string?)await show.ExecuteScalarAsync());
    }

    private static async Task<int> CountRoundTrips(string database, NpgsqlConnection connection)
    {
        using var counter = new CommandCounter(database);
        await PostgresSchemaReader.ReadAsync(connection);
        return counter.Count;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
