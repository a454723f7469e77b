using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// search_path on the real server: a path on which a schema other than public exists sends
/// unqualified names there, so the engine, which reads them as names in public, reports ST3137
/// instead of building the wrong schema; a path that leaves public the only schema in play
/// builds what the server builds.
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
    [InlineData("CREATE TYPE app.status AS ENUM ('x');\nSET search_path TO public, app;\nCREATE TABLE job (id int, st status);")]
    public async Task APathOnWhichAnotherSchemaExists_SendsNamesThere_AndTheEngineReportsIt(string set)
    {
        var sql = "CREATE SCHEMA app;\n" + set + (set.Contains("CREATE TABLE", StringComparison.Ordinal) ? "" : Job) + (set.StartsWith("BEGIN", StringComparison.Ordinal) ? "\nCOMMIT;" : "");

        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.Contains(diagnostics, d => (d.Code, d.Severity, d.Line) == (DiagnosticCodes.SearchPathNotFollowed, DiagnosticSeverity.Error, set.StartsWith("CREATE", StringComparison.Ordinal) ? 3 : 2 + set.Count(c => c == '\n')));

        // Without the finding the snapshot would hold public's names; the server's are elsewhere.
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        var live = await PostgresSchemaReader.ReadAsync(connection);
        Assert.NotEmpty(CatalogComparer.Compare(built, live));
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
