using SchemaTasks.Diagnostics;

namespace SchemaTasks.Verification;

/// <summary>One problem a verification found, with what to do about it.</summary>
/// <param name="Severity">Errors make the database unhealthy; warnings are worth a look.</param>
/// <param name="Code">The stable code (<c>ST6xxx</c>, documented in <c>docs/diagnostics.md</c>).</param>
/// <param name="Subject">The migration id or database object (<c>public.JobStatus</c>, <c>job_tracking.job_type</c>).</param>
/// <param name="Message">What is wrong, naming the object and the value.</param>
public sealed record VerificationFinding(DiagnosticSeverity Severity, string Code, string Subject, string Message)
{
    /// <summary>The value concerned (an enum label, an allowed value), if any.</summary>
    public string? Value { get; init; }

    /// <summary>The next step for a person, such as the command that applies pending migrations.</summary>
    public string? NextStep { get; init; }

    /// <summary>For a failed migration: which of its changes the database holds.</summary>
    public IReadOnlyList<MigrationObjectCheck> Objects { get; init; } = [];
}
