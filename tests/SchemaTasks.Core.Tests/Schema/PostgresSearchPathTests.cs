using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's search_path: SchemaTasks reads unqualified names as names in public, so a path on
/// which another schema exists (the server creates and finds unqualified names there) is an
/// error where it starts; a path that leaves public the only schema in play is followed silently.
/// </summary>
public class PostgresSearchPathTests
{
    private const string Job = "CREATE TYPE status AS ENUM ('new', 'done');\nCREATE TABLE job (id int PRIMARY KEY, st status NOT NULL DEFAULT 'new');";

    [Theory]
    [InlineData("SET search_path TO app, public;")]
    [InlineData("SET search_path = app;")]
    [InlineData("SET SESSION search_path TO app, public;")]
    [InlineData("SET LOCAL search_path TO app;")]
    [InlineData("SET search_path TO public, app;")]
    [InlineData("SET search_path TO \"$user\", app, public;")]
    [InlineData("SET search_path TO \"app\";")]
    [InlineData("SET search_path TO APP;")]
    [InlineData("SET search_path TO 'app';")]
    [InlineData("SET SCHEMA 'app';")]
    [InlineData("SELECT set_config('search_path', 'app', false);")]
    [InlineData("SELECT pg_catalog.set_config('search_path', 'app, public', true);")]
    [InlineData("SELECT set_config('search_path', '\"$user\", App', false);")]
    [InlineData("SET search_path TO pg_temp, public;")]
    public void APathOnWhichAnotherSchemaExists_IsAnErrorAtTheSet(string set)
    {
        var (catalog, diagnostics) = Run("CREATE SCHEMA app;\n" + set + "\n" + Job);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, DiagnosticSeverity.Error, 2, 1), (finding.Code, finding.Severity, finding.Line, finding.Column));
        Assert.Contains("m.sql(2,1)", finding.Message, StringComparison.Ordinal);
        Assert.NotEmpty(catalog.Tables);
    }

    [Fact]
    public void ASchemaCreatedAfterThePathWasSet_IsAnErrorWhereItIsCreated()
    {
        var (_, diagnostics) = Run("SET search_path TO app, public;\nCREATE TABLE before_app (id int);\nCREATE SCHEMA app;\n" + Job);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, 3), (finding.Code, finding.Line));
        Assert.Contains("'SET search_path TO app, public' at m.sql(1,1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePathSetInOneMigration_HoldsInTheNext()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("1_path", "1", "path", "1_path.sql", "checksum", "SET search_path TO app, public;"),
            new Migration("2_app", "2", "app", "2_app.sql", "checksum", "CREATE SCHEMA app;\n" + Job),
        ]);
        var diagnostics = SchemaEngine.Build(set, SqlDialect.Postgres).Diagnostics;
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, "2_app.sql", 1), (finding.Code, finding.File, finding.Line));
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
    [InlineData("SET search_path TO pg_catalog, public;")]
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
        var (_, diagnostics) = Run("BEGIN;\nSAVEPOINT s;\nSET LOCAL search_path TO app;\nROLLBACK TO SAVEPOINT s;\nCREATE SCHEMA app;");
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, 5), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
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
    public void APathGivenToLaterSessions_IsTakenAsSet(string alter)
    {
        var (_, diagnostics) = Run("CREATE SCHEMA app;\n" + alter);
        Assert.Equal((DiagnosticCodes.SearchPathNotFollowed, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
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
