using Npgsql;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// After <c>SET standard_conforming_strings = off</c> a backslash escapes in a plain '...' string, as
/// in E'...', until the setting is on again: the engine's enum labels and defaults are the server's.
/// Each statement is sent on its own, as psql sends them, so the client reads none of them.
/// </summary>
public sealed class PostgresStandardStringsTests
{
    [PostgresFact]
    public async Task Labels_and_defaults_after_the_setting_are_the_servers_text()
    {
        const string Sql = """
            SET standard_conforming_strings = off;
            CREATE TYPE e AS ENUM ('a\'b', 'c\\d', 'x\ty', 'o\101');
            CREATE TABLE t (a text DEFAULT 'p\tq', b e DEFAULT 'a\'b');
            SET standard_conforming_strings TO on;
            CREATE TYPE f AS ENUM ('a\', 'b');
            """;
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var statement in Sql.Split('\n'))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        var live = await PostgresSchemaReader.ReadAsync(connection);
        var diffs = CatalogComparer.Compare(built, live);
        Assert.True(diffs.Count == 0, $"engine vs live:\n  {string.Join("\n  ", diffs)}");
    }
}
