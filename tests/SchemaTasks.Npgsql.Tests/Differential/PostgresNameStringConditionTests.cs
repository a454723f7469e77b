using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// <c>to_regclass</c> and <c>to_regnamespace</c> in a DO block's condition, their argument read as
/// the server reads a dotted name list: the forms it answers build the server's schema, and the
/// forms it raises an error on fail the block with the server's SQLSTATE (a template marker left
/// in the name, as in a migration meant to be rendered before it runs, is one).
/// </summary>
public sealed class PostgresNameStringConditionTests
{
    private static string Guarded(string condition)
        => $"CREATE TABLE t (id int);\nDO $$\nBEGIN\n  IF {condition} THEN\n    ALTER TABLE t ADD COLUMN found int;\n  END IF;\nEND $$;";

    [PostgresTheory]
    [InlineData("spaces around the parts", "to_regclass(' public . t ') IS NOT NULL")]
    [InlineData("an unquoted part is folded", "to_regclass('T') IS NOT NULL")]
    [InlineData("a quoted part is not", "to_regclass('\"T\"') IS NOT NULL")]
    [InlineData("a dash is part of the name", "to_regclass('t-1') IS NOT NULL")]
    [InlineData("a comment glued to the name is part of it", "to_regclass('/*x*/t') IS NOT NULL")]
    [InlineData("a schema by its name", "to_regnamespace(' public ') IS NOT NULL")]
    public Task Engine_decides_as_the_server_does(string behaviour, string condition)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Guarded(condition));

    [PostgresTheory]
    [InlineData("a template marker in the name", "to_regclass('/* TEMPLATE: schema */t') IS NOT NULL", "42602")]
    [InlineData("an empty last part", "to_regclass('public.') IS NULL", "42602")]
    [InlineData("an unclosed quote", "to_regclass('\"t') IS NULL", "42602")]
    [InlineData("too many dots", "to_regclass('a.b.c.d') IS NULL", "42601")]
    [InlineData("a schema with a dot", "to_regnamespace('a.b') IS NULL", "42602")]
    public async Task A_name_the_server_refuses_fails_the_block(string behaviour, string condition, string sqlState)
    {
        var sql = Guarded(condition);
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.DoBlockNameRefused && diagnostics[0].Message.Contains(sqlState, StringComparison.Ordinal), $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }
}
