using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// search_path on the real server: the engine creates and finds unqualified names where the
/// server does and builds the schema the server builds, refuses the unqualified CREATE the server
/// refuses, and reports (ST3137) what it cannot follow instead of building another schema.
/// </summary>
public sealed class PostgresSearchPathTests
{
    private const string Job = "\nCREATE TYPE status AS ENUM ('new', 'done');\nCREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');";

    [PostgresTheory]
    [InlineData("SET search_path TO app, public;")]
    [InlineData("SET search_path = app;")]
    [InlineData("SET SESSION search_path TO \"$user\", app;")]
    [InlineData("BEGIN;\nSET LOCAL search_path TO app, public;")]
    [InlineData("SELECT set_config('search_path', 'App, public', false);")]
    [InlineData("BEGIN;\nSELECT pg_catalog.set_config('search_path', 'app', true);")]
    [InlineData("SET SCHEMA 'app';")]
    public async Task APathOnWhichAnotherSchemaExists_SendsNamesThere_AndTheEngineFollows(string set)
    {
        var sql = "CREATE SCHEMA app;\n" + set + Job
            + "\nCREATE SEQUENCE job_seq;\nCREATE TABLE task (id serial PRIMARY KEY, job_id int REFERENCES job, st status, label varchar(20));"
            + "\nCREATE INDEX task_st ON task (st);\nALTER TABLE task ADD COLUMN done boolean NOT NULL DEFAULT false;\nALTER TYPE status ADD VALUE 'failed';"
            + "\nCOMMENT ON TABLE job IS 'jobs';\nCREATE DOMAIN label AS text CHECK (VALUE <> '');\nALTER TABLE task ALTER COLUMN label TYPE label;\nDROP SEQUENCE job_seq;"
            + (set.StartsWith("BEGIN", StringComparison.Ordinal) ? "\nCOMMIT;" : "");
        await PostgresServerAgreement.AssertEngineMatchesServerAsync(set, sql);
    }

    [PostgresTheory]
    [InlineData("a path back to public", "CREATE SCHEMA app;\nSET search_path TO app;\nCREATE TABLE a (id int);\nSET search_path TO public;\nCREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int;")]
    [InlineData("a local path ends with its transaction", "CREATE SCHEMA app;\nBEGIN;\nSET LOCAL search_path TO app;\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE a (id int, b text);")]
    [InlineData("the schema is created after the path is set", "SET search_path TO app, public;\nCREATE TABLE a (id int);\nCREATE SCHEMA app;\nCREATE TABLE b (id int, a_id int);\nALTER TABLE b ADD COLUMN c int;")]
    [InlineData("a later schema whose names the statement does not use", "CREATE SCHEMA app;\nCREATE TABLE public.t (id int);\nSET search_path TO app, public;\nCREATE TABLE job (id int PRIMARY KEY);\nCREATE TABLE task (job_id int REFERENCES job);")]
    [InlineData("legacy tables in public", "CREATE TABLE legacy (id int PRIMARY KEY);\nCREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TABLE job (id int);\nALTER TABLE legacy ADD COLUMN note text;\nCREATE INDEX legacy_note ON legacy (note);\nCOMMENT ON TABLE legacy IS 'old';\nDROP TABLE job;\nCREATE TABLE job (legacy_id int);")]
    [InlineData("public first", "CREATE SCHEMA app;\nCREATE TABLE app.only_app (id int);\nSET search_path TO public, app;\nCREATE TABLE job (id int);\nALTER TABLE job ADD COLUMN n int;")]
    public async Task AHistoryUnderSeveralPaths_BuildsWhatTheServerBuilds(string behaviour, string sql)
        => await PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresFact]
    public async Task ViewsIdentityRenamesAndDrops_UnderAnotherSchemasPath_BuildWhatTheServerBuilds()
        => await PostgresServerAgreement.AssertEngineMatchesServerAsync("views, identity, renames, drops", """
            CREATE SCHEMA app;
            CREATE SCHEMA audit;
            CREATE TABLE audit.log (id int PRIMARY KEY);
            SET search_path TO app, public;
            CREATE TABLE account (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE, log_id int REFERENCES audit.log);
            CREATE VIEW account_emails AS SELECT id, email FROM account;
            CREATE TABLE old_name (id bigserial PRIMARY KEY, account_id int NOT NULL REFERENCES account (id) ON DELETE CASCADE);
            ALTER TABLE old_name RENAME TO session;
            ALTER TABLE session RENAME COLUMN account_id TO owner_id;
            CREATE UNIQUE INDEX session_owner ON session (owner_id);
            ALTER INDEX session_owner RENAME TO session_owner_key;
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';
            ALTER TABLE account ADD COLUMN mood mood;
            CREATE TABLE scratch (id int);
            DROP TABLE scratch;
            DROP VIEW account_emails;
            RESET search_path;
            CREATE TABLE account (id int);
            """);

    [PostgresFact]
    public async Task MigrationsThatEachSetTheirPath_BuildWhatTheServerBuilds_WhateverSessionTheyRunIn()
    {
        string[] files =
        [
            "CREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TYPE status AS ENUM ('new');\nCREATE TABLE job (id int PRIMARY KEY, st status);",
            "SET search_path TO app, public;\nALTER TABLE job ADD COLUMN note text;\nCREATE TABLE task (job_id int REFERENCES job);",
            "CREATE TABLE app.done (id int);",
        ];
        var (built, diagnostics) = SchemaEngine.BuildFinal(Folder(files), SqlDialect.Postgres);
        Assert.Empty(diagnostics);

        // A runner that opens a session per migration.
        await using var db = await PostgresTestDatabase.CreateAsync();
        foreach (var file in files)
        {
            await using var session = await db.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(file, session);
            await command.ExecuteNonQueryAsync();
        }

        await using var connection = await db.OpenConnectionAsync();
        Assert.Empty(CatalogComparer.Compare(built, await PostgresSchemaReader.ReadAsync(connection)));
    }

    [PostgresFact]
    public async Task AMigrationThatReliesOnAnEarlierOnesPath_BuildsDifferentlyUnderTheTwoKindsOfRunner_AndTheEngineReportsIt()
    {
        string[] files = ["CREATE SCHEMA app;\nSET search_path TO app, public;", "CREATE TABLE job (id int);"];
        var diagnostics = SchemaEngine.BuildFinal(Folder(files), SqlDialect.Postgres).Diagnostics;
        Assert.Equal((DiagnosticCodes.SearchPathOfAnEarlierMigration, "2_m.sql", 1), (Assert.Single(diagnostics).Code, diagnostics[0].File, diagnostics[0].Line));

        // One session for the run puts job in app; a session per migration, in public.
        await using var kept = await PostgresTestDatabase.CreateAsync();
        await using (var session = await kept.OpenConnectionAsync())
        {
            foreach (var file in files)
            {
                await using var command = new NpgsqlCommand(file, session);
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal("app", await SchemaOfJob(session));
        }

        await using var fresh = await PostgresTestDatabase.CreateAsync();
        foreach (var file in files)
        {
            await using var session = await fresh.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(file, session);
            await command.ExecuteNonQueryAsync();
        }

        await using var connection = await fresh.OpenConnectionAsync();
        Assert.Equal("public", await SchemaOfJob(connection));
    }

    private static MigrationSet Folder(string[] files)
        => new(MigrationLayout.Plain, SqlDialect.Postgres, [.. files.Select((sql, i) => new SchemaTasks.Migrations.Migration($"{i + 1}_m", $"{i + 1}", "m", $"{i + 1}_m.sql", "checksum", sql))]);

    private static async Task<string> SchemaOfJob(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT relnamespace::regnamespace::text FROM pg_class WHERE relname = 'job'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [PostgresTheory]
    [InlineData("SET search_path TO app;\nCREATE TABLE job (id int);", "3F000")]
    [InlineData("SELECT pg_catalog.set_config('search_path', '', false);\nCREATE TYPE status AS ENUM ('new');", "3F000")]
    [InlineData("SET search_path TO pg_catalog, public;\nCREATE TABLE job (id int);", "42501")]
    public async Task AnUnqualifiedCreateWithNoSchemaToCreateIn_IsRefusedAsTheServerRefusesIt(string sql, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.NoSchemaToCreateIn, 2), (finding.Code, finding.Line));
        Assert.Contains(sqlState, finding.Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, refusal.SqlState);
    }

    [PostgresTheory]
    [InlineData("CREATE TYPE status AS ENUM ('new');\nSET search_path TO app, public;\nCREATE TABLE job (id int, st status);")]
    [InlineData("SET search_path TO app, public;\nCREATE TYPE status AS ENUM ('new');\nCREATE TABLE job (id int, st status DEFAULT 'new'::status);")]
    [InlineData("SET search_path TO pg_temp, public;\nCREATE TABLE job (id int);")]
    [InlineData("CREATE TABLE a (id int PRIMARY KEY);\nSET search_path TO app, public;\nCREATE TABLE b (a_id int REFERENCES a);")]
    public async Task APathTheEngineCannotFollow_IsReported_WhereTheServerBuildsAnotherSchema(string history)
    {
        var sql = "CREATE SCHEMA app;\n" + history;
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.SearchPathNotFollowed);

        // Without the finding the snapshot would hold names the server put elsewhere.
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        Assert.NotEmpty(CatalogComparer.Compare(built, await PostgresSchemaReader.ReadAsync(connection)));
    }

    [PostgresFact]
    public async Task ASchemaNamedAfterTheConnectingRole_TakesTheDefaultPathsNames_AndTheEngineReportsIt()
    {
        const string sql = "CREATE SCHEMA AUTHORIZATION CURRENT_USER;\nCREATE TABLE job (id int PRIMARY KEY);";
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.Equal((DiagnosticCodes.SchemaOfTheConnectingRole, 1), (Assert.Single(diagnostics).Code, diagnostics[0].Line));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        await using var where = new NpgsqlCommand("SELECT relnamespace::regnamespace::text = current_user FROM pg_class WHERE relname = 'job'", connection);
        Assert.True((bool)(await where.ExecuteScalarAsync())!);
        Assert.NotEmpty(CatalogComparer.Compare(built, await PostgresSchemaReader.ReadAsync(connection)));
    }

    [PostgresTheory]
    [InlineData("reset", "SET search_path TO app, public;\nRESET search_path;\nCREATE SCHEMA app;" + Job)]
    [InlineData("reset all", "SET search_path TO app;\nRESET ALL;\nCREATE SCHEMA app;" + Job)]
    [InlineData("to default", "SET search_path TO app;\nSET search_path TO DEFAULT;\nCREATE SCHEMA app;" + Job)]
    [InlineData("a local path ends with its transaction", "BEGIN;\nSET LOCAL search_path TO app;\nCOMMIT;\nCREATE SCHEMA app;" + Job)]
    [InlineData("a local set_config ends with its transaction", "BEGIN;\nSELECT set_config('search_path', 'app', true);\nROLLBACK;\nCREATE SCHEMA app;" + Job)]
    [InlineData("the other schema does not exist (yet)", "SET search_path TO app, public;" + Job)]
    [InlineData("public alone", "CREATE SCHEMA app;\nSET search_path = public;" + Job)]
    [InlineData("$user and public", "CREATE SCHEMA app;\nSET search_path = \"$user\", public;" + Job)]
    [InlineData("older pg_dump", "CREATE SCHEMA app;\nSET search_path = public, pg_catalog;" + Job)]
    [InlineData("pg_dump", "CREATE SCHEMA app;\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE TYPE app.status AS ENUM ('new');\nCREATE TABLE public.job (id integer NOT NULL, st app.status);")]
    [InlineData("qualified names", "CREATE SCHEMA app;\nCREATE TYPE app.status AS ENUM ('new');\nCREATE TABLE app.job (id int PRIMARY KEY, st app.status DEFAULT 'new');")]
    public async Task APathOnWhichOnlyPublicIsInPlay_BuildsWhatTheServerBuilds(string behaviour, string sql)
        => await PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
