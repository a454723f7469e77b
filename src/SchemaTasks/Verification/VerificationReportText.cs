using System.Globalization;
using System.Text;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Verification;

internal static class VerificationReportText
{
    public static string Write(VerificationReport report)
    {
        var text = new StringBuilder();
        text.Append("SchemaTasks verification: ").Append(report.IsHealthy ? "healthy" : "unhealthy")
            .Append(" (").Append(Count(report.ErrorCount, "error")).Append(", ").Append(Count(report.WarningCount, "warning")).Append(")\n");

        var history = report.Status.History;
        text.Append("History: ").Append(history.Kind.ToName()).Append(" table ").Append(history.Table);
        if (!history.TableExists)
        {
            text.Append(" does not exist (nothing applied)");
        }

        var states = new[] { MigrationState.Applied, MigrationState.Pending, MigrationState.Failed, MigrationState.Dirty, MigrationState.Unknown }
            .Select(s => (State: s, Count: report.Status.InState(s).Count()))
            .Where(s => s.Count > 0 || s.State is MigrationState.Applied or MigrationState.Pending)
            .Select(s => $"{s.Count.ToString(CultureInfo.InvariantCulture)} {s.State.ToString().ToLowerInvariant()}");
        text.Append("; ").Append(string.Join(", ", states));
        text.Append(report.SchemaCompared ? "; live schema compared" : "; live schema not read").Append('\n');

        foreach (var finding in report.Findings)
        {
            text.Append(Severity(finding.Severity)).Append(' ').Append(finding.Code).Append(": ").Append(finding.Message);
            if (finding.NextStep is { } next)
            {
                text.Append(" Next: ").Append(next);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    internal static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
