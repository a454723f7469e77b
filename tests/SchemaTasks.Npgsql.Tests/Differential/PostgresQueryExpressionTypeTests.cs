using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// One view column per expression (aggregates, AND / OR / NOT, domains through aggregates,
/// operators, window functions and polymorphic calls): the type the engine gives the view's column
/// is the one the server gives it (format_type); and the tables made from queries that the engine
/// leaves unknown because the planner gives back a length, the server makes with that length.
/// </summary>
public sealed class PostgresQueryExpressionTypeTests
{
    private const string Source = """
        CREATE TYPE tf AS ENUM ('Day', 'Week', 'AllTime');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE DOMAIN shortv AS varchar(10);
        CREATE TABLE t (s smallint, i int, b bigint, n numeric(10,2), v varchar(20), m tf, p posint, sv shortv, bo boolean);
        CREATE FUNCTION iif(condition boolean, true_result anyelement, false_result anyelement)
            RETURNS anyelement AS $f$ SELECT CASE WHEN condition THEN true_result ELSE false_result END $f$ LANGUAGE SQL IMMUTABLE;
        CREATE FUNCTION same(a anyelement) RETURNS anyelement AS $$ SELECT a $$ LANGUAGE sql;
        CREATE FUNCTION samec(a anycompatible, b anycompatible) RETURNS anycompatible AS $$ SELECT a $$ LANGUAGE sql;
        CREATE FUNCTION vn(x numeric(5,2)) RETURNS numeric(5,2) AS $$ SELECT x $$ LANGUAGE sql;

        """;

    /// <summary>Each expression and the type PostgreSQL 15 gives a view's column of it.</summary>
    public static TheoryData<string, string> Typed => new()
    {
        { "sum(p)", "bigint" },
        { "avg(p)", "numeric" },
        { "max(p)", "integer" },
        { "max(sv)", "text" },
        { "max(p) OVER ()", "integer" },
        { "sum(p) OVER ()", "bigint" },
        { "lag(p) OVER ()", "posint" },
        { "first_value(sv) OVER ()", "shortv" },
        { "p + 1", "integer" },
        { "p * 2", "integer" },
        { "-p", "integer" },
        { "iif(true, p, p)", "posint" },
        { "iif(true, p, NULL)", "posint" },
        { "same(p)", "posint" },
        { "samec(p, p)", "posint" },
        { "i > 1 OR bo", "boolean" },
        { "bo AND bo", "boolean" },
        { "NOT bo", "boolean" },
        { "i IS NULL OR i < 1", "boolean" },
        { "sum(i) IS NULL OR sum(i) < 1", "boolean" },
        { "NULL OR bo", "boolean" },
        { "iif(sum(i) IS NULL OR sum(i) < 1, 0::bigint, sum(i))", "bigint" },
        { "CASE WHEN bo THEN i END", "integer" },
        { "CASE WHEN bo THEN m END", "tf" },
        { "coalesce(sum(i), 0)", "bigint" },
        { "row_number() OVER (ORDER BY coalesce(sum(i), 0) DESC)", "bigint" },
        { "vn(n)", "numeric" },
        { "samec(n, 1)", "numeric" },
    };

    [PostgresTheory]
    [MemberData(nameof(Typed))]
    public async Task A_views_column_has_the_servers_type(string expression, string type)
    {
        var sql = Source + $"CREATE VIEW q AS SELECT {expression} AS c FROM t;";
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.Empty(diagnostics);
        Assert.Equal(type, catalog.Relations.Named[new QualifiedName("public", "q")].Columns?.Single().Type);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        Assert.Equal(type, await ColumnTypeAsync(connection, "q"));
    }

    [PostgresTheory]
    [InlineData("CREATE TABLE q AS SELECT vn(n) AS c FROM t;")]
    [InlineData("CREATE TABLE q AS SELECT samec(n, 1) AS c FROM t;")]
    [InlineData("CREATE TABLE q AS SELECT vn(n)::numeric AS c FROM t;")]
    [InlineData("CREATE VIEW w AS SELECT vn(n) AS c FROM t;\nCREATE TABLE q AS SELECT * FROM w;")]
    [InlineData("CREATE MATERIALIZED VIEW q AS SELECT vn(n) AS c FROM t;")]
    public async Task The_planner_gives_back_the_length_the_engine_leaves_unknown(string sql)
    {
        var (catalog, _) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Source + sql, "m.sql");
        var name = new QualifiedName("public", "q");
        Assert.True(catalog.FindTable(name) is null && catalog.Relations.Named.GetValueOrDefault(name)?.Columns is null);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(Source + sql, connection)) await command.ExecuteNonQueryAsync();
        Assert.Equal("numeric(10,2)", await ColumnTypeAsync(connection, "q"));
    }

    private static async Task<string?> ColumnTypeAsync(NpgsqlConnection connection, string relation)
    {
        await using var command = new NpgsqlCommand("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = @r::regclass AND attnum = 1", connection);
        command.Parameters.AddWithValue("r", relation);
        return (string?)await command.ExecuteScalarAsync();
    }
}
