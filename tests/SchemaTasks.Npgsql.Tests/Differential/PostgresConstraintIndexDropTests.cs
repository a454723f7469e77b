using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DROP INDEX of the index a constraint owns fails on the server (2BP01), CASCADE or not; an
/// index of its own drops. The engine reports exactly the drops the server refuses (ST3054).
/// </summary>
public sealed class PostgresConstraintIndexDropTests
{
    private const string Setup = """
        CREATE TABLE b (id int PRIMARY KEY, u int UNIQUE, e int, i int, EXCLUDE USING btree (e WITH =));
        CREATE INDEX b_i_idx ON b (i);
        CREATE UNIQUE INDEX b_i_key ON b (i);
        """;

    [PostgresTheory]
    [InlineData("DROP INDEX b_u_key;", true)]
    [InlineData("DROP INDEX b_u_key CASCADE;", true)]
    [InlineData("DROP INDEX IF EXISTS b_pkey;", true)]
    [InlineData("DROP INDEX b_e_excl;", true)]
    [InlineData("DROP INDEX b_i_idx, b_u_key;", true)]
    [InlineData("DROP INDEX b_i_idx;", false)]
    [InlineData("DROP INDEX b_i_key;", false)]
    public async Task Dropping_a_constraints_index_is_refused_exactly_when_the_server_refuses(string drop, bool refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + drop, "m.sql");
        Assert.True(refused == diagnostics.Any(d => d.Code == DiagnosticCodes.ConstraintIndexDrop), $"{drop}: {string.Join("; ", diagnostics)}");
        Assert.DoesNotContain(diagnostics, d => d.Code != DiagnosticCodes.ConstraintIndexDrop);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(drop, connection);
        var error = await Record.ExceptionAsync(() => command.ExecuteNonQueryAsync());
        Assert.True(refused == (error is PostgresException { SqlState: "2BP01" }), $"{drop}: {error?.Message}");
    }
}
