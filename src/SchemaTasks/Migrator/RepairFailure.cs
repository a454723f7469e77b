using System.Globalization;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrator;

/// <summary>The error a provider throws when a statement of a repair plan fails.</summary>
internal static class RepairFailure
{
    public static SchemaTasksException Exception(RepairRun run, int index, string serverMessage, bool rolledBack, Exception inner)
    {
        var statement = run.Statements[index];
        var what = string.Create(CultureInfo.InvariantCulture, $"Repair of migration '{run.MigrationId}' failed at statement {index + 1} of {run.Statements.Count} ({statement.Touches}): {serverMessage.TrimEnd('.')}.");
        var outcome = rolledBack
            ? " It ran in one transaction, which was rolled back: the database and the history are as they were."
            : index == 0
                ? " No statement of the plan had run; the history is unchanged."
                : string.Create(CultureInfo.InvariantCulture, $" Statements 1 to {index} of the plan ran and remain; the history row is still failed.");
        return new SchemaTasksException(
            DiagnosticCodes.RepairFailed,
            what + outcome + " Fix the cause the server names (rows that break a CHECK or a cast, an object in the way), then run repair again: it plans from what the database holds now.",
            inner);
    }
}
