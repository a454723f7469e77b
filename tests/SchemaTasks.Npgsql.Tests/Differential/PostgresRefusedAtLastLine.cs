using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// The differential check of a refusal: the engine reports the last statement of a history, with
/// the given code and the server's SQLSTATE in its message, and a fresh database runs every
/// statement before it and refuses that one with that SQLSTATE.
/// </summary>
internal static class PostgresRefusedAtLastLine
{
    public static async Task AssertBothRefuseAsync(string sql, string code, string sqlState)
    {
        var lines = sql.Split('\n');
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{sql}: {string.Join("\n", diagnostics)}");
        Assert.Equal(lines.Length, diagnostics[0].Line);
        Assert.Contains(sqlState, diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(string.Join("\n", lines[..^1]), connection))
        {
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(lines[^1], connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }
}
