using SchemaTasks.Diagnostics;

namespace SchemaTasks.Verification;

/// <summary>
/// The outcome of checking a database against a build: the state of every migration and one
/// finding per problem, each with its next step. Rendered for people by <see cref="ToText"/>
/// and for machines by <see cref="ToJson"/>; both are deterministic.
/// </summary>
public sealed class VerificationReport
{
    internal VerificationReport(MigrationStatusReport status, IReadOnlyList<VerificationFinding> findings, bool schemaCompared)
    {
        Status = status;
        Findings = findings;
        SchemaCompared = schemaCompared;
    }

    /// <summary>The state of every migration.</summary>
    public MigrationStatusReport Status { get; }

    /// <summary>Every problem: migration findings in migration order, then schema findings in catalog order.</summary>
    public IReadOnlyList<VerificationFinding> Findings { get; }

    /// <summary>Whether the live schema was read and compared (not only the history).</summary>
    public bool SchemaCompared { get; }

    /// <summary>No finding is an error: the service can start.</summary>
    public bool IsHealthy => ErrorCount == 0;

    /// <summary>How many findings are errors.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);

    /// <summary>How many findings are warnings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);

    /// <summary>The report for a person: a summary line, the history line, then one line per finding.</summary>
    public string ToText() => VerificationReportText.Write(this);

    /// <summary>The report as JSON (System.Text.Json), fixed property order, LF line endings.</summary>
    public string ToJson() => VerificationReportJson.Write(this);

    /// <inheritdoc />
    public override string ToString() => ToText();
}
