using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Finds, in a file the plain layout reads, the up/down section markers of a tool that keeps both
/// directions in one file: goose (<c>-- +goose Up</c>), dbmate (<c>-- migrate:up</c>), sql-migrate
/// (<c>-- +migrate Up</c>) and Play evolutions (<c>-- !Ups</c> / <c>-- !Downs</c> behind <c>#</c> or <c>--</c>).
/// </summary>
/// <remarks>
/// The plain layout runs a whole file, and to it those markers are comments: the down section would
/// run right after the up section and undo it, in the snapshot and in the database the migrator
/// applies it to, with no sign of it. Such a file is refused (ST1035) at its first down marker, or
/// at its up marker when it has none, naming the tool and the layout that reads it.
/// </remarks>
internal static class PlainForeignMarkers
{
    /// <summary>Reports <paramref name="file"/> when it carries another tool's section markers; whether it did.</summary>
    public static bool Report(MigrationSourceFile file, string layoutSetting, List<SchemaDiagnostic> diagnostics)
    {
        if (Find(file.Text) is not { } marker)
        {
            return false;
        }

        var (tool, fix) = marker.Tool switch
        {
            Tool.Goose => ("goose", $"Set {layoutSetting} to goose, which runs only the Up section"),
            Tool.Dbmate => ("dbmate", $"Set {layoutSetting} to dbmate, which runs only the up section"),
            Tool.SqlMigrate => ("sql-migrate", $"Set {layoutSetting} to sql-migrate, which runs only the Up sections"),
            _ => ("Play evolutions", NoLayout("Play evolutions", "'# --- !Downs'")),
        };
        var what = marker.IsDown
            ? $"this '{marker.Text}' line starts the down section of a {tool} migration, and the plain layout runs the whole file, so the down SQL would run right after the up SQL and undo it"
            : $"this '{marker.Text}' line marks a {tool} migration, whose tool runs only its up section, while the plain layout runs the whole file, markers read as comments";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.ForeignSectionMarkers,
            $"'{file.RelativePath}' is read in the plain layout, but {what}. {fix}.",
            file.RelativePath,
            marker.Line,
            marker.Column));
        return true;
    }

    private static string NoLayout(string tool, string downMarker)
        => $"SchemaTasks has no layout for {tool} yet: keep the SQL from {downMarker} on out of the files SchemaTasks reads (a copy of the folder with the up sections only, read in the plain layout), or move the folder to a layout SchemaTasks reads";

    /// <summary>The first down marker of the file, else its first up marker; <see langword="null"/> when it has neither.</summary>
    internal static Marker? Find(string text)
    {
        Marker? firstUp = null;
        var line = 0;
        for (var start = 0; start <= text.Length;)
        {
            line++;
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var content = text.AsSpan(start, end - start).TrimEnd('\r');
            if (Read(content) is var (tool, isDown, column))
            {
                var marker = new Marker(tool, isDown, line, column + 1, content.Trim().ToString());
                if (isDown) return marker;
                firstUp ??= marker;
            }

            if (newline < 0) break;
            start = newline + 1;
        }

        return firstUp;
    }

    // Each tool's own rule for a marker line, loose where the tool is loose and a little looser
    // elsewhere (any case, indentation), as a near miss still means the file is that tool's.
    private static (Tool Tool, bool IsDown, int Column)? Read(ReadOnlySpan<char> line)
    {
        var indent = line.Length - line.TrimStart().Length;
        var rest = line.Slice(indent);
        var comment = rest.StartsWith("--") ? 2 : rest.StartsWith("#") ? 1 : 0;
        if (comment == 0) return null;
        var words = rest.Slice(comment).Trim().ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var first = words[0].ToLowerInvariant();
        var second = words.Length > 1 ? words[1].ToLowerInvariant() : string.Empty;
        if (comment == 2 && first == "+goose" && second is "up" or "down") return (Tool.Goose, second == "down", indent);
        if (comment == 2 && first == "+migrate" && second is "up" or "down") return (Tool.SqlMigrate, second == "down", indent);
        if (comment == 2 && first is "migrate:up" or "migrate:down") return (Tool.Dbmate, first == "migrate:down", indent);

        // Play: '# --- !Ups', also written '-- !Ups' or '# !Downs'.
        var play = Array.FindIndex(words, w => w.Equals("!ups", StringComparison.OrdinalIgnoreCase) || w.Equals("!downs", StringComparison.OrdinalIgnoreCase));
        if (play >= 0 && words.Take(play).All(w => w.Trim('-').Length == 0))
        {
            return (Tool.Play, words[play].Equals("!downs", StringComparison.OrdinalIgnoreCase), indent);
        }

        return null;
    }

    internal enum Tool
    {
        Goose,
        Dbmate,
        SqlMigrate,
        Play,
    }

    /// <summary>A section marker: whose, which direction, where (1-based), and the line as written.</summary>
    internal sealed record Marker(Tool Tool, bool IsDown, int Line, int Column, string Text);
}
