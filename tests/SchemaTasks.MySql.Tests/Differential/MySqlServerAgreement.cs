using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>The differential tests' one check: the engine and a real server, given the same SQL, end with the same catalog.</summary>
internal static class MySqlServerAgreement
{
    /// <summary>
    /// Applies <paramref name="sql"/> in the engine under <paramref name="dialect"/>, which must
    /// report nothing but the <paramref name="warnings"/> given (codes, in order), and on a fresh
    /// database, then compares the engine's catalog with the one read back from the server. CHECK
    /// names are left out: the server numbers generated ones across the whole database.
    /// </summary>
    public static Task AssertEngineMatchesServerAsync(string behaviour, string sql, SqlDialect dialect, params string[] warnings)
        => AssertAsync(behaviour, sql, dialect, userVariables: false, warnings);

    /// <summary>
    /// As <see cref="AssertEngineMatchesServerAsync"/>, for SQL that sets and reads
    /// <c>@variables</c> (MySqlConnector otherwise reads them as parameters).
    /// </summary>
    public static Task AssertEngineMatchesServerWithUserVariablesAsync(string behaviour, string sql, SqlDialect dialect)
        => AssertAsync(behaviour, sql, dialect, userVariables: true, []);

    /// <summary>
    /// The engine reports, for <paramref name="sql"/>, the <paramref name="warningsBefore"/> given
    /// (codes, in order) and then one diagnostic of <paramref name="code"/> on its last line, and
    /// MariaDB, given the statements one line at a time, refuses the last with error
    /// <paramref name="error"/>.
    /// </summary>
    public static async Task AssertMariaDbRefusesLastLineAsync(string behaviour, string sql, string code, int error, params string[] warningsBefore)
    {
        var statements = sql.Split('\n');
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), sql, "m.sql");
        Assert.True(diagnostics.Select(d => d.Code).SequenceEqual(warningsBefore.Append(code)), $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(statements.Length, diagnostics[^1].Line);

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var setup in statements[..^1])
        {
            await using var prepare = new MySqlCommand(setup, connection);
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new MySqlCommand(statements[^1], connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(error, refusal.Number);
    }

    private static async Task AssertAsync(string behaviour, string sql, SqlDialect dialect, bool userVariables, string[] warnings)
    {
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(dialect), sql, "m.sql");
        Assert.True(
            diagnostics.Select(d => d.Code).SequenceEqual(warnings) && diagnostics.All(d => d.Severity == DiagnosticSeverity.Warning),
            $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = userVariables ? new MySqlConnection(db.ConnectionString + ";Allow User Variables=true") : await db.OpenConnectionAsync();
        if (userVariables) await connection.OpenAsync();
        await using (var command = new MySqlCommand(sql, connection)) await command.ExecuteNonQueryAsync();
        var live = await MySqlSchemaReader.ReadAsync(connection);

        var diffs = CatalogComparer.Compare(built, live, new CatalogComparison(CheckNamesAreServerGenerated: true));
        Assert.True(diffs.Count == 0, $"{behaviour}: engine vs live:\n  {string.Join("\n  ", diffs)}");
    }
}
