using SchemaTasks.Diagnostics;

namespace SchemaTasks.Tool;

/// <summary>Prints core diagnostics in the canonical <c>file(line,col): error CODE: message</c> form, paths as the user gave them.</summary>
internal static class DiagnosticWriter
{
    public static void Write(IEnumerable<SchemaDiagnostic> diagnostics, string folder, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic with { File = diagnostic.File is null ? null : Path.Combine(folder, diagnostic.File) });
        }
    }
}
