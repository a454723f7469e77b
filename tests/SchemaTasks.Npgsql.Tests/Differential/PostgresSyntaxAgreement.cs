using System.Text.RegularExpressions;
using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Runs statements on a fresh PostgreSQL database after <c>tables</c> and through the engine, and
/// lists where the two disagree about their syntax: for the statements the server refuses, each
/// must be refused with 42601 and reported by the engine (ST2010) with the server's own message;
/// for those it runs, the engine must report nothing. The refused ones run through psql, whose
/// verbose error line carries the SQLSTATE.
/// </summary>
internal static partial class PostgresSyntaxAgreement
{
    public static async Task<List<string>> RefusalDisagreementsAsync(string tables, IEnumerable<string> statements)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var create = new NpgsqlCommand(tables, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var disagreements = new List<string>();
        foreach (var statement in statements)
        {
            var (exitCode, errors) = await PsqlClient.RunFileAsync(db.ConnectionString, "\\set VERBOSITY verbose\n" + statement + "\n");
            var refusal = ServerError().Match(errors);
            var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), tables + statement, "m.sql");
            var reported = diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.SyntaxError
                           && refusal.Success && diagnostics[0].Message.Contains($"(42601, {refusal.Groups[2].Value})", StringComparison.Ordinal);
            if (exitCode == 0 || !refusal.Success || refusal.Groups[1].Value != "42601" || !reported)
            {
                disagreements.Add($"{statement}\n  server: {errors.Trim()}\n  engine: {string.Join(" | ", diagnostics)}");
            }
        }

        return disagreements;
    }

    public static async Task<List<string>> AcceptanceDisagreementsAsync(string tables, IEnumerable<string> statements)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(tables, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var disagreements = new List<string>();
        foreach (var statement in statements)
        {
            var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), tables + statement, "m.sql");
            await using var transaction = await connection.BeginTransactionAsync();
            try
            {
                await using var command = new NpgsqlCommand(statement, connection, transaction);
                await command.ExecuteNonQueryAsync();
                if (diagnostics.Count > 0) disagreements.Add($"{statement}\n  engine: {string.Join(" | ", diagnostics)}");
            }
            catch (PostgresException error)
            {
                disagreements.Add($"{statement}\n  server: {error.SqlState} {error.MessageText}");
            }
            finally
            {
                await transaction.RollbackAsync();
            }
        }

        return disagreements;
    }

    // psql's verbose error line: ERROR:  42601: syntax error at or near "b"
    [GeneratedRegex(@"ERROR:\s+([0-9A-Z]{5}): (.*)")]
    private static partial Regex ServerError();
}
