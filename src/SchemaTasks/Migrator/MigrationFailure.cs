using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Migrator;

/// <summary>The texts a failed migration leaves: in the history row and in the exception.</summary>
internal static class MigrationFailure
{
    /// <summary>
    /// How a PostgreSQL failure rolled back in its transaction starts its recorded error, so
    /// repair knows, from the row alone, that nothing of the migration remains.
    /// </summary>
    public const string RolledBackPrefix = "Rolled back. ";

    /// <summary>What the history's <c>error</c> column records: the statement and the server's message.</summary>
    public static string Recorded(int index, int count, SqlScriptStatement statement, string serverMessage) =>
        $"Statement {index + 1} of {count} (line {statement.Line}) failed: {serverMessage}";

    /// <summary>The error a migrator throws after recording the failure.</summary>
    public static SchemaTasksException Exception(EmbeddedMigration migration, string recorded, string outcome, Exception inner) => new(
        DiagnosticCodes.MigrationFailed,
        $"Migration '{migration.Id}' ('{migration.RelativePath}') failed. {recorded.TrimEnd('.')}. {outcome} "
        + "The history records the failure, so later runs apply nothing until it is repaired: fix the migration in a new build "
        + "and see `schematasks repair` (docs/migrator.md).",
        inner);

    /// <summary>The error a migrator throws after recording the failure in another tool's history, as that tool records it.</summary>
    /// <param name="migration">The migration that failed.</param>
    /// <param name="recorded">The failing statement and the server's message.</param>
    /// <param name="outcome">What remains of the migration in the database.</param>
    /// <param name="afterFailure">What the tool's table now says, and the tool's way out.</param>
    /// <param name="inner">The server's error.</param>
    public static SchemaTasksException InToolHistory(EmbeddedMigration migration, string recorded, string outcome, string afterFailure, Exception inner) => new(
        DiagnosticCodes.MigrationFailed,
        $"Migration '{migration.Id}' ('{migration.RelativePath}') failed. {recorded.TrimEnd('.')}. {outcome} {afterFailure}",
        inner);
}
