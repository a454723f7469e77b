using Microsoft.Build.Utilities;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Build;

/// <summary>
/// Sends core diagnostics to MSBuild with their code and location, so they appear in the
/// canonical <c>file(line,col): error CODE: message</c> form and in the IDE's error list.
/// </summary>
internal sealed class DiagnosticLogger(TaskLoggingHelper log, string baseDirectory)
{
    public void Report(IEnumerable<SchemaDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }
    }

    public void Report(SchemaDiagnostic diagnostic)
    {
        var file = diagnostic.File is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, diagnostic.File));
        var column = diagnostic.Line > 0 ? Math.Max(diagnostic.Column, 1) : 0;
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, column, 0, 0, "{0}", diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, column, 0, 0, "{0}", diagnostic.Message);
                break;
            default:
                log.LogMessage(null, diagnostic.Code, null, file, diagnostic.Line, column, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, "{0}", diagnostic.Message);
                break;
        }
    }
}
