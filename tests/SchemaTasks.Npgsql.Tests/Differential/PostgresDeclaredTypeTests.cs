using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// With check_function_bodies on (the default), PostgreSQL resolves the types a PL/pgSQL
/// routine declares when it creates the routine, and refuses CREATE FUNCTION (42704) when one
/// does not exist; thingsboard/thingsboard declares a variable of a view's row type. The engine
/// reports the same statement, and passes the declarations the server takes.
/// </summary>
public sealed class PostgresDeclaredTypeTests
{
    private const string Setup = """
        CREATE TABLE t (id int);
        CREATE TYPE mood AS ENUM ('a', 'b');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TYPE pair AS (a int, b int);
        CREATE VIEW v AS SELECT id FROM t;
        """;

    [PostgresTheory]
    [InlineData("in the outer block", "DECLARE r no_such_type;\nBEGIN\nEND")]
    [InlineData("with an initializer", "DECLARE a int;\n  r no_such_type := NULL;\nBEGIN\nEND")]
    [InlineData("an array of it", "DECLARE r public.no_such_type[];\nBEGIN\nEND")]
    [InlineData("in a nested block", "BEGIN\n  DECLARE r no_such_type; BEGIN NULL; END;\nEND")]
    public async Task A_declared_type_that_does_not_exist_is_refused_as_the_server_refuses_it(string behaviour, string body)
    {
        var refused = $"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\n{body} $$;";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.UnknownType && diagnostics[0].Severity == DiagnosticSeverity.Error, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42704", error.SqlState);
    }

    [PostgresFact]
    public Task Declarations_the_server_takes_pass()
        => PostgresServerAgreement.AssertEngineMatchesServerAsync("declared types that exist", Setup + """

            CREATE FUNCTION f(p int) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
              a int; b varchar(10) := 'x'; c text[]; d timestamptz DEFAULT now(); e refcursor; g jsonb;
              r t; s public.t; u v; w mood; x posint; y pair; z mood[];
              q record; st t.id%TYPE; rt t%ROWTYPE; al ALIAS FOR $1; cu CURSOR FOR SELECT 1; nc NO SCROLL CURSOR FOR SELECT 1;
              co text COLLATE "C"; qv "varchar"; k CONSTANT int NOT NULL := 1;
            BEGIN
              DECLARE inner_v mood; BEGIN NULL; END;
            END $$;
            """);
}
