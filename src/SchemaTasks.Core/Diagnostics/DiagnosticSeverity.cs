namespace SchemaTasks.Diagnostics;

/// <summary>How serious a <see cref="SchemaDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails anything.</summary>
    Info,

    /// <summary>Probably a mistake; fails a build only when warnings are errors.</summary>
    Warning,

    /// <summary>The result cannot be trusted; the operation fails.</summary>
    Error,
}
