using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Migrations;

/// <summary>
/// A goose Go-function migration (<c>&lt;version&gt;_&lt;name&gt;.go</c>). goose runs its code in
/// the same sequence as the SQL files; the snapshot cannot know what the code does. Its effect is
/// declared with the comment that declares an undecidable <c>DO</c> block's:
/// <c>/* schematasks:equivalent ... */</c>, written in the Go file itself (a Go block comment), whose
/// content is the plain DDL the function is equivalent to. An empty declaration says it changes
/// nothing tracked; without one, each build warns (<c>ST1016</c>) and applies nothing for it.
/// </summary>
internal static class GooseCodeMigration
{
    private const string Marker = "schematasks:equivalent";

    /// <summary>The declared DDL and the line it starts on, or <see langword="null"/> with a warning.</summary>
    public static (string Sql, int Line) Declared(MigrationSourceFile file, string version, List<SchemaDiagnostic> diagnostics)
    {
        var text = file.Text;
        for (var open = text.IndexOf("/*", StringComparison.Ordinal); open >= 0; open = text.IndexOf("/*", open + 2, StringComparison.Ordinal))
        {
            var content = open + 2;
            while (content < text.Length && char.IsWhiteSpace(text[content])) content++;
            if (string.CompareOrdinal(text, content, Marker, 0, Marker.Length) != 0) continue;

            // Go block comments do not nest: the first "*/" closes it.
            var start = content + Marker.Length;
            var close = text.IndexOf("*/", start, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close;
            return (text.Substring(start, end - start), TextPosition.LineOf(text, start));
        }

        diagnostics.Add(SchemaDiagnostic.Warning(
            DiagnosticCodes.UndeclaredCodeMigration,
            $"goose migration {version} is Go code: the snapshot cannot know what it does to the schema, and applies nothing for it. Declare its effect in the file with a comment '/* schematasks:equivalent <the DDL it is equivalent to> */' (empty when it changes nothing tracked: data only).",
            file.RelativePath,
            1,
            1));
        return (string.Empty, 1);
    }
}
