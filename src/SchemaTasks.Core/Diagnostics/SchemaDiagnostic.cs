namespace SchemaTasks.Diagnostics;

/// <summary>
/// One finding, with a stable code (listed in <see cref="DiagnosticCodes"/> and documented in
/// <c>docs/diagnostics.md</c>) and, where it has one, the place in a file it is about.
/// </summary>
/// <param name="Code">Stable code such as <c>ST1001</c>.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Message">What is wrong, naming the object and value, and how to fix it.</param>
/// <param name="File">Path of the file concerned, relative to the migrations folder, if any.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when unknown.</param>
/// <param name="Column">1-based column in <paramref name="File"/>, or 0 when unknown.</param>
public sealed record SchemaDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>Creates an error.</summary>
    public static SchemaDiagnostic Error(string code, string message, string? file = null, int line = 0, int column = 0)
        => new(code, DiagnosticSeverity.Error, message, file, line, column);

    /// <summary>Creates a warning.</summary>
    public static SchemaDiagnostic Warning(string code, string message, string? file = null, int line = 0, int column = 0)
        => new(code, DiagnosticSeverity.Warning, message, file, line, column);

    /// <summary>
    /// Whether any of <paramref name="diagnostics"/> is an error: then the set, schema or reading
    /// they came with is not to be trusted.
    /// </summary>
    public static bool AnyError(IEnumerable<SchemaDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>
    /// The finding in MSBuild's canonical form, <c>file(line,col): error CODE: message</c>,
    /// which terminals, CI logs and IDEs all recognise.
    /// </summary>
    public override string ToString()
    {
        var kind = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var location = File is null ? "schematasks"
            : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})"
            : File;
        return $"{location}: {kind} {Code}: {Message}";
    }
}
