using Npgsql;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>The differential tests' one check: the engine and a real server, given the same SQL, end with the same catalog.</summary>
internal static class PostgresServerAgreement
{
    /// <summary>
    /// Applies <paramref name="sql"/> in the engine, which must report nothing, and on a fresh
    /// database, then compares the engine's catalog with the one read back from the server.
    /// </summary>
    public static async Task AssertEngineMatchesServerAsync(string behaviour, string sql)
    {
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        var live = await PostgresSchemaReader.ReadAsync(connection);

        var diffs = CatalogComparer.Compare(built, live);
        Assert.True(diffs.Count == 0, $"{behaviour}: engine vs live:\n  {string.Join("\n  ", diffs)}");
    }
}
