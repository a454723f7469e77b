using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's search_path: an unqualified CREATE goes into the first schema of the path that
/// exists and an unqualified name is found along the path; the engine follows that where it can
/// say so exactly, refuses an unqualified CREATE the server refuses, and reports the rest.
/// </summary>
public class PostgresSearchPathTests
{
    private const string Job = "CREATE TYPE status AS ENUM ('new', 'done');\nCREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');";

    [Theory]
    [InlineData("SET search_path TO app, public;")]
    [InlineData("SET search_path = app;")]
    [InlineData("SET SESSION search_path TO app, public;")]
    [InlineData("BEGIN;\nSET LOCAL search_path TO app;")]
    [InlineData("SET search_path TO \"$user\", app, public;")]
    [InlineData("SET search_path TO \"app\";")]
    [InlineData("SET search_path TO APP;")]
    [InlineData("SET search_path TO 'app';")]
    [InlineData("SET SCHEMA 'app';")]
    [InlineData("SELECT set_config('search_path', 'app', false);")]
    [InlineData("BEGIN;\nSELECT pg_catalog.set_config('search_path', 'app, public', true);")]
    [InlineData("SELECT set_config('search_path', '\"$user\", App', false);")]
    public void APathOnWhichAnotherSchemaExists_CreatesAndFindsNamesThere(string set)
    {
        var (catalog, diagnostics) = Run("CREATE SCHEMA app;\n" + set + "\n" + Job + "\nALTER TABLE job ADD COLUMN note text;\nCREATE INDEX job_st ON job (st);");
        Assert.Empty(diagnostics);
        var job = Assert.Single(catalog.Tables).Value;
        Assert.Equal(new QualifiedName("app", "job"), job.Name);
        Assert.Equal(new QualifiedName("app", "status"), Assert.Single(catalog.EnumTypes.Keys));
        Assert.Equal("app.status", job.FindColumn("st", SqlDialect.Postgres)!.Type);
        Assert.NotNull(job.FindColumn("note", SqlDialect.Postgres));
    }

    [Fact]
    public void ACreateThatUsesANameOnlyALaterSchemaHolds_IsReported()
    {
        var (_, diagnostics) = Run("CREATE SCHEMA app;\nCREATE TYPE status AS ENUM ('new');\nSET search_path TO app, public;\nCREATE TABLE job (id int, st status);");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, 4, 30), (finding.Code, finding.Line, finding.Column));
        Assert.Contains("'SET search_path TO app, public' at m.sql(3,1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatementThatCreatesNothing_FindsItsNamesWhereTheyAre()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE legacy (id int);\nCREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TABLE job (id int);\nALTER TABLE legacy ADD COLUMN note text;\nCREATE INDEX legacy_note ON legacy (note);\nDROP TABLE job;");
        Assert.Empty(diagnostics);
        Assert.NotNull(Assert.Single(catalog.Tables).Value.FindColumn("note", SqlDialect.Postgres));
        Assert.Equal(Pg("legacy"), catalog.Tables.Keys.Single());
    }

    [Theory]
    [InlineData("CREATE TABLE public.legacy (id int PRIMARY KEY);\nCREATE TABLE job (id int);\nALTER TABLE job ADD FOREIGN KEY (id) REFERENCES legacy;")] // Names in app and in public.
    [InlineData("CREATE TABLE public.job (id int);\nCREATE TABLE job (id int);")] // Created in app, public holds job.
    [InlineData("CREATE TABLE public.job (id int);\nCREATE TABLE app.job (id int);\nDROP TABLE IF EXISTS job;")] // Both schemas hold job.
    [InlineData("CREATE DOMAIN app.text AS varchar(10);\nSET search_path TO app, pg_catalog;\nCREATE TABLE job (name text);")] // app.text before pg_catalog.text.
    [InlineData("CREATE TABLE job (id int, st status DEFAULT 'new'::status);")] // Stored as 'new'::app.status.
    [InlineData("CREATE SEQUENCE s;\nCREATE TABLE job (id bigint DEFAULT nextval('s'));")] // Stored as nextval('app.s'::regclass).
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';")]
    [InlineData("DO $$ BEGIN CREATE TABLE job (id int); END $$;")]
    [InlineData("SET search_path TO pg_temp, public;\nCREATE TABLE job (id int);")]
    public void WhatTheEngineCannotFollow_IsReported(string sql)
    {
        var (_, diagnostics) = Run("CREATE SCHEMA app;\nCREATE TYPE app.status AS ENUM ('new');\nSET search_path TO app, public;\n" + sql);
        Assert.Equal(DiagnosticCodes.SearchPathNotFollowed, Assert.Single(diagnostics, d => d.Code.StartsWith("ST31", StringComparison.Ordinal) && d.Code != DiagnosticCodes.UnknownType).Code);
    }

    [Theory]
    [InlineData("SET search_path TO app;", "CREATE TABLE job (id int);", "3F000")] // app does not exist yet.
    [InlineData("SELECT pg_catalog.set_config('search_path', '', false);", "CREATE TYPE status AS ENUM ('new');", "3F000")]
    [InlineData("SET search_path TO pg_catalog, public;", "CREATE TABLE job (id int);", "42501")]
    [InlineData("SET search_path TO pg_catalog, public;", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';", "42501")]
    public void AnUnqualifiedCreateTheServerRefuses_IsRefused(string set, string create, string sqlState)
    {
        var (catalog, diagnostics) = Run(set + "\nCREATE TABLE public.t (id int);\n" + create);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.NoSchemaToCreateIn, 3), (finding.Code, finding.Line));
        Assert.Contains(sqlState, finding.Message, StringComparison.Ordinal);
        Assert.Equal(Pg("t"), Assert.Single(catalog.Tables.Keys));
    }

    [Fact]
    public void ThePathSetInOneMigration_MayHoldInTheNext_AndIsReportedWhereItDecides()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("1_path", "1", "path", "1_path.sql", "checksum", "CREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TABLE a (id int);"),
            new Migration("2_app", "2", "app", "2_app.sql", "checksum", "CREATE TABLE app.b (id int);\n" + Job),
            new Migration("3_set", "3", "set", "3_set.sql", "checksum", "SET search_path TO app;\nCREATE TABLE c (id int);"),
        ]);
        var result = SchemaEngine.Build(set, SqlDialect.Postgres);
        // Not at the statement whose names are all qualified: every path reads it alike.
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathOfAnEarlierMigration, "2_app.sql", 2), (finding.Code, finding.File, finding.Line));
        Assert.Contains(new QualifiedName("app", "c"), result.Steps[^1].Tables.Keys);
    }

    [Fact]
    public void AStatementThatChangesNothingUnderTheKeptPath_IsReported_WhenTheDefaultPathWouldChangeSomething()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("1_path", "1", "path", "1_path.sql", "checksum", "CREATE SCHEMA app;\nCREATE TABLE public.t (id int);\nSET search_path TO app;"),
            new Migration("2_drop", "2", "drop", "2_drop.sql", "checksum", "DROP TABLE IF EXISTS t;"),
        ]);
        var finding = Assert.Single(SchemaEngine.Build(set, SqlDialect.Postgres).Diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathOfAnEarlierMigration, "2_drop.sql"), (finding.Code, finding.File));
    }

    [Fact]
    public void PgTempFirst_ChangesNoLookup()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int);\nSET search_path TO pg_temp, public;\nALTER TABLE t ADD COLUMN n int;");
        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.Tables[Pg("t")].FindColumn("n", SqlDialect.Postgres));
    }

    [Fact]
    public void SetLocalOutsideATransaction_MayNotHold_AndIsReported()
    {
        var (_, diagnostics) = Run("CREATE SCHEMA app;\nSET LOCAL search_path TO app;\nCREATE TABLE job (id int);");
        Assert.Equal((DiagnosticCodes.SearchPathOfAnEarlierMigration, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("SET search_path TO app, public;\nRESET search_path;")]
    [InlineData("SET search_path TO app, public;\nRESET ALL;")]
    [InlineData("SET search_path TO app, public;\nSET search_path TO DEFAULT;")]
    [InlineData("SET search_path = app;\nSET search_path = public;")]
    [InlineData("BEGIN;\nSET LOCAL search_path TO app;\nCOMMIT;")]
    [InlineData("BEGIN;\nSET LOCAL search_path TO app;\nROLLBACK;")]
    [InlineData("SELECT set_config('search_path', 'app', true);\nCOMMIT;")]
    public void APathBackToPublicBeforeTheSchemaExists_IsFollowed(string sets)
    {
        var (catalog, diagnostics) = Run(sets + "\nCREATE SCHEMA app;\n" + Job);
        Assert.Empty(diagnostics);
        Assert.Equal(Pg("job"), Assert.Single(catalog.Tables.Keys));
        Assert.Equal(Pg("status"), Assert.Single(catalog.EnumTypes.Keys));
    }

    [Theory]
    [InlineData("SET search_path TO public;")]
    [InlineData("SET search_path TO \"$user\", public;")]
    [InlineData("SET search_path TO app, public;")] // app does not exist: public is the first schema that does.
    [InlineData("SET search_path TO public, pg_catalog;")] // Older pg_dump.
    [InlineData("SELECT pg_catalog.set_config('search_path', '', false);")] // pg_dump: every name is qualified.
    [InlineData("SET search_path TO public, app;")] // app does not exist.
    [InlineData("SET statement_timeout = 0;")]
    public void APathOnWhichOnlyPublicExists_IsFollowedSilently(string set)
    {
        var (catalog, diagnostics) = Run(set + "\nCREATE TABLE public.t (id int);\n" + (set.Contains("''", StringComparison.Ordinal) ? "" : Job));
        Assert.Empty(diagnostics);
        Assert.Contains(Pg("t"), catalog.Tables.Keys);
    }

    [Fact]
    public void BeginRollbackToASavepoint_KeepsTheLocalPath()
    {
        var (catalog, diagnostics) = Run("CREATE SCHEMA app;\nBEGIN;\nSAVEPOINT s;\nSET LOCAL search_path TO app;\nROLLBACK TO SAVEPOINT s;\nCREATE TABLE job (id int);\nCOMMIT;\nCREATE TABLE t (id int);");
        Assert.Empty(diagnostics);
        Assert.Equal([new QualifiedName("app", "job"), Pg("t")], catalog.Tables.Keys);
    }

    [Fact]
    public void QualifiedNamesUnderTheDefaultPath_AreUnchanged()
    {
        var (catalog, diagnostics) = Run("CREATE SCHEMA app;\nCREATE TYPE app.status AS ENUM ('new');\nCREATE TABLE app.job (st app.status);");
        Assert.Empty(diagnostics);
        Assert.Equal(new QualifiedName("app", "job"), Assert.Single(catalog.Tables.Keys));
    }

    [Theory]
    [InlineData("SET search_path TO current_setting('x');")]
    [InlineData("SET search_path TO app public;")]
    [InlineData("SELECT set_config('search_path', current_setting('saved'), false);")]
    [InlineData("SELECT set_config('search_path', 'app', is_local);")]
    [InlineData("SET SCHEMA app;")]
    [InlineData("DO $$ BEGIN PERFORM set_config('search_path', 'app', false); END $$;")]
    [InlineData("DO $$ BEGIN EXECUTE 'SET search_path TO app'; END $$;")]
    [InlineData("DO $$ DECLARE p text := 'app'; BEGIN EXECUTE 'ALTER ROLE migrator SET search_path = ' || p; END $$;")] // The later sessions' path is not known.
    [InlineData("DO $$ BEGIN ALTER ROLE migrator SET search_path = app; SET search_path = app; END $$;")] // The block's own session too.
    [InlineData("DO $$ DECLARE r text := 'migrator'; BEGIN EXECUTE 'ALTER ROLE ' || r || ' SET search_path = app; SET search_path = app'; END $$;")]
    [InlineData("DO $$ DECLARE r text := 'migrator'; BEGIN EXECUTE 'ALTER ROLE ' || r || ' SET search_path = app'; PERFORM set_config('search_path', 'app', false); END $$;")]
    public void AValueSchemaTasksCannotRead_IsAnError(string set)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int);\n" + set);
        var finding = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SearchPathUnreadable);
        Assert.Equal(2, finding.Line);
    }

    [Theory]
    [InlineData("ALTER DATABASE app_db SET search_path TO app, public;")]
    [InlineData("ALTER ROLE migrator SET search_path = app;")]
    [InlineData("ALTER ROLE migrator IN DATABASE app_db SET search_path TO app;")]
    [InlineData("DO $$ BEGIN ALTER ROLE migrator SET search_path = app; END $$;")]
    [InlineData("DO $$\nDECLARE super_user text = COALESCE(current_setting('app.super_user', true), 'migrator');\nBEGIN\n  IF super_user != 'postgres' THEN\n    EXECUTE 'ALTER USER ' || super_user || ' SET search_path = \"app\"';\n  END IF;\nEND $$;")]
    [InlineData("DO $$ DECLARE r text := 'migrator'; d text := 'app_db'; BEGIN EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path TO app, public', r, d); END $$;")]
    public void APathGivenToLaterSessions_HoldsOnlyInALaterMigration_WhichReportsIt(string alter)
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("1_alter", "1", "alter", "1_alter.sql", "checksum", "CREATE SCHEMA app;\n" + alter + "\nCREATE TABLE a (id int);"),
            new Migration("2_next", "2", "next", "2_next.sql", "checksum", "CREATE TABLE b (id int);"),
        ]);
        var result = SchemaEngine.Build(set, SqlDialect.Postgres);
        Assert.Contains(Pg("a"), result.Steps[^1].Tables.Keys); // Not this session's path.
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathOfAnEarlierMigration, "2_next.sql", 1), (finding.Code, finding.File, finding.Line));
    }

    [Theory]
    [InlineData("CREATE SCHEMA AUTHORIZATION CURRENT_USER;")]
    [InlineData("CREATE SCHEMA IF NOT EXISTS AUTHORIZATION session_user;")]
    [InlineData("CREATE SCHEMA AUTHORIZATION CURRENT_ROLE;")]
    public void ASchemaNamedAfterTheConnectingRole_IsAnError(string create)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int);\n" + create);
        Assert.Equal((DiagnosticCodes.SchemaOfTheConnectingRole, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("CREATE SCHEMA app AUTHORIZATION CURRENT_USER;")]
    [InlineData("CREATE SCHEMA AUTHORIZATION app_owner;")]
    public void ANamedSchema_IsNotReported(string create)
        => Assert.Empty(Run(create).Diagnostics);
}
