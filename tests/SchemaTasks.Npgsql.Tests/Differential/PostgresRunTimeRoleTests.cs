using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Roles and ownership set up at run time, as supabase storage's tenant migrations do, on the real
/// server: an owner known only at run time changes nothing the catalog tracks; ALTER ROLE ... SET
/// search_path leaves the running session's path alone; an IF on a run-time setting that RETURNs
/// changes what the block builds (so the engine keeps saying it cannot tell); and dblink_exec to
/// the same database changes it behind the migration's session (so the engine warns).
/// </summary>
public sealed class PostgresRunTimeRoleTests
{
    private const string Objects = """
        CREATE SCHEMA storage;
        CREATE TABLE storage.objects (id int);
        CREATE SEQUENCE storage.seq;
        CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE sql AS $f$ SELECT name $f$;

        """;

    [PostgresFact]
    public Task OwnersKnownOnlyAtRunTime_BuildWhatTheServerBuilds()
        => PostgresServerAgreement.AssertEngineMatchesServerAsync("owners known only at run time", Objects + """
            DO $$
            DECLARE
                super_user text = COALESCE(current_setting('storage.super_user', true), current_user);
            BEGIN
                EXECUTE 'ALTER table "storage".objects owner to ' || super_user;
                EXECUTE format('ALTER FUNCTION storage.filename(text) OWNER TO %I', super_user);
                EXECUTE 'ALTER SEQUENCE storage.seq OWNER TO ' || quote_ident(super_user);
                EXECUTE 'ALTER TABLE storage.objects ADD COLUMN version text, OWNER TO ' || super_user;
            END $$;
            """);

    [PostgresFact]
    public async Task APathGivenToLaterSessions_LeavesTheRunningSessionsPath_AndLaterSessionsGetIt()
    {
        // IN DATABASE: the setting goes with the test's database when it is dropped.
        const string sql = """
            CREATE SCHEMA app;
            DO $$
            DECLARE
                r text = current_user;
                d text = current_database();
            BEGIN
                EXECUTE 'ALTER ROLE ' || r || ' IN DATABASE ' || d || ' SET search_path = app';
            END $$;
            CREATE TABLE job (id int);
            """;
        await PostgresServerAgreement.AssertEngineMatchesServerAsync("ALTER ROLE ... SET search_path in a DO block", sql);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand(sql + "\nSELECT to_regclass('public.job') IS NOT NULL AND current_setting('search_path') <> 'app'", connection);
            Assert.True((bool)(await command.ExecuteScalarAsync())!);
        }

        // A session that starts after it (not one the pool kept from before).
        await using var later = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await later.OpenAsync();
        await using var show = new NpgsqlCommand("SELECT current_setting('search_path')", later);
        Assert.Equal("app", (string)(await show.ExecuteScalarAsync())!);
    }

    [PostgresFact]
    public async Task AReturnOnARunTimeSetting_DecidesWhatTheBlockBuilds_SoTheEngineSaysItCannotTell()
    {
        const string block = """
            DO $$
            DECLARE
                is_multitenant bool = COALESCE(current_setting('storage.multitenant', true), 'false')::boolean;
            BEGIN
                IF is_multitenant THEN
                    RETURN;
                END IF;
                CREATE TABLE public.iceberg_namespaces (id int);
            END $$;
            """;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), block, "m.sql");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UndecidableDoBlock, 5), (finding.Code, finding.Line));
        Assert.Contains("'storage.multitenant'", finding.Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        Assert.False(await db.ScalarAsync<bool>("SET storage.multitenant = 'true';\n" + block + "\nSELECT to_regclass('public.iceberg_namespaces') IS NOT NULL"));
        Assert.True(await db.ScalarAsync<bool>("SET storage.multitenant = 'false';\n" + block + "\nSELECT to_regclass('public.iceberg_namespaces') IS NOT NULL"));
    }

    [PostgresFact]
    public async Task DblinkExecToTheSameDatabase_ChangesItBehindTheMigration_SoTheEngineWarns()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var target = $"host={server.Host} port={server.Port} dbname={db.Name} user={server.Username} password={server.Password}";
        var sql = $"CREATE EXTENSION IF NOT EXISTS dblink;\nSELECT dblink_exec('{target}', 'CREATE TABLE public.via_dblink (id int)');";

        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DblinkExecNotFollowed, DiagnosticSeverity.Warning, 2), (finding.Code, finding.Severity, finding.Line));
        Assert.Empty(built.Tables);

        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.via_dblink') IS NOT NULL"));
    }
}
