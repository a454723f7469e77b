using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Reads a goose SQL migration the way goose's parser does, line by line: the
/// <c>-- +goose Up</c> section is what runs (up to <c>-- +goose Down</c> or the end),
/// <c>StatementBegin</c> / <c>StatementEnd</c> must pair up inside a section,
/// <c>NO TRANSACTION</c> anywhere turns the transaction off, and <c>ENVSUB ON</c> / <c>OFF</c>
/// mark where goose replaces <c>${VAR}</c> with the environment's value. An annotation is a line
/// that starts with <c>--</c> (no indentation) followed by <c>+goose</c> and its word, in any case.
/// </summary>
/// <remarks>
/// The statements between <c>StatementBegin</c> and <c>StatementEnd</c> are one statement to
/// goose. The engine's statement reader already keeps dollar-quoted bodies and MySQL
/// <c>BEGIN ... END</c> routine bodies whole, so the Up section is handed to it as it is; the
/// annotation lines are SQL comments to it.
/// </remarks>
internal sealed class GooseScript
{
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant);
    private static readonly Regex Variable = new(@"\$\{(?<name>[^}]*)\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_$])", RegexOptions.CultureInvariant);

    private GooseScript(int upStart, int upEnd, int upStartLine, bool noTransaction, IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        UpStart = upStart;
        UpEnd = upEnd;
        UpStartLine = upStartLine;
        NoTransaction = noTransaction;
        Diagnostics = diagnostics;
    }

    /// <summary>Where the Up section starts: right after the <c>-- +goose Up</c> line's text, on that line.</summary>
    public int UpStart { get; }

    /// <summary>Where the Up section ends: the start of the <c>-- +goose Down</c> line, or the end of the text.</summary>
    public int UpEnd { get; }

    /// <summary>The 1-based line <see cref="UpStart"/> is on.</summary>
    public int UpStartLine { get; }

    /// <summary>Whether the file holds <c>-- +goose NO TRANSACTION</c>.</summary>
    public bool NoTransaction { get; }

    /// <summary>Errors (<c>ST1015</c>) and environment substitutions (<c>ST1017</c>, warnings).</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error: goose itself refuses the file.</summary>
    public bool HasErrors => SchemaDiagnostic.AnyError(Diagnostics);

    /// <summary>The text of the Up section.</summary>
    public string Up(string text) => text.Substring(UpStart, UpEnd - UpStart);

    /// <summary>Whether <paramref name="text"/> holds a <c>-- +goose Up</c> line, which claims a folder for goose.</summary>
    public static bool HasUpAnnotation(string text)
    {
        foreach (var (start, end, _) in GoLineScanner.Lines(text))
        {
            if (Annotation(text, start, end) == "up") return true;
        }

        return false;
    }

    public static GooseScript Read(string text, string relativePath)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        var state = State.Start;
        var inBlock = false;
        var envsub = false;
        var noTransaction = false;
        int upStart = -1, upEnd = text.Length, upLine = 1;
        var pendingLine = 0; // The line an unfinished statement of the Up section started on, 0 when none.
        var blockLine = 0;
        var failed = false;
        if (!HasUpAnnotation(text))
        {
            Error(1, "The file has no '-- +goose Up' annotation, so goose cannot tell which statements migrate up.");
            return new GooseScript(text.Length, text.Length, 1, noTransaction, diagnostics);
        }

        // goose stops at the first problem; so does this reader, and reports that one.
        void Error(int line, string message)
        {
            failed = true;
            diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.GooseAnnotation,
            $"{message} goose refuses this file (https://pressly.github.io/goose/documentation/annotations/).",
            relativePath,
            line,
            1));
        }

        foreach (var (start, end, line) in GoLineScanner.Lines(text))
        {
            if (failed) break;
            var annotation = Annotation(text, start, end);
            switch (annotation)
            {
                case "up":
                    if (state != State.Start)
                    {
                        Error(line, "A second '-- +goose Up' annotation: a file has one Up section.");
                        continue;
                    }

                    state = State.Up;
                    upStart = end;
                    upLine = line;
                    continue;

                case "down":
                    if (state != State.Up || inBlock)
                    {
                        Error(line, inBlock
                            ? $"'-- +goose Down' inside the StatementBegin of line {blockLine}: close it with '-- +goose StatementEnd' first."
                            : state == State.Start ? "'-- +goose Down' before '-- +goose Up': the Up section comes first." : "A second '-- +goose Down' annotation.");
                        continue;
                    }

                    ReportUnfinished();
                    state = State.Down;
                    upEnd = start;
                    continue;

                case "statementbegin":
                    if (state == State.Start || inBlock)
                    {
                        Error(line, inBlock
                            ? $"'-- +goose StatementBegin' inside the StatementBegin of line {blockLine}."
                            : "'-- +goose StatementBegin' before '-- +goose Up': it belongs inside the Up or Down section.");
                        continue;
                    }

                    if (state == State.Up) ReportUnfinished();
                    inBlock = true;
                    blockLine = line;
                    continue;

                case "statementend":
                    if (!inBlock)
                    {
                        Error(line, "'-- +goose StatementEnd' without a '-- +goose StatementBegin' before it.");
                        continue;
                    }

                    inBlock = false;
                    continue;

                case "no transaction":
                    noTransaction = true;
                    continue;

                case "envsub on":
                    envsub = true;
                    continue;

                case "envsub off":
                    envsub = false;
                    continue;
            }

            var content = text.Substring(start, end - start).Trim();
            if (content.Length == 0 || content.StartsWith("--", StringComparison.Ordinal))
            {
                continue; // goose passes over blank lines and comments between statements.
            }

            if (state == State.Start)
            {
                Error(line, "SQL before '-- +goose Up': every statement belongs to the Up or the Down section.");
                state = State.Up; // One finding is enough; read the rest as goose's Up section would be.
                upStart = start;
                upLine = line;
            }

            if (state != State.Up)
            {
                continue;
            }

            if (envsub)
            {
                foreach (Match variable in Variable.Matches(text.Substring(start, end - start)))
                {
                    diagnostics.Add(SchemaDiagnostic.Warning(
                        DiagnosticCodes.EnvironmentSubstitution,
                        $"goose replaces '{variable.Value}' with the environment variable {variable.Groups["name"].Value} when it runs this migration (-- +goose ENVSUB ON); the snapshot reads the text as written. Write the value itself in DDL that shapes tracked objects, or turn ENVSUB OFF around it.",
                        relativePath,
                        line,
                        variable.Index + 1));
                }
            }

            if (!inBlock)
            {
                if (pendingLine == 0) pendingLine = line;
                if (EndsWithSemicolon(text, start, end)) pendingLine = 0;
            }
        }

        if (failed)
        {
            return new GooseScript(Math.Max(0, upStart), Math.Max(Math.Max(0, upStart), upEnd), upLine, noTransaction, diagnostics);
        }

        if (inBlock)
        {
            Error(blockLine, "'-- +goose StatementBegin' is never closed with '-- +goose StatementEnd'.");
        }

        if (state == State.Up) ReportUnfinished();
        return new GooseScript(Math.Max(0, upStart), Math.Max(Math.Max(0, upStart), upEnd), upLine, noTransaction, diagnostics);

        void ReportUnfinished()
        {
            if (pendingLine == 0) return;
            Error(pendingLine, "This statement of the Up section does not end with ';' at the end of a line, which is where goose ends a statement outside StatementBegin/StatementEnd.");
            pendingLine = 0;
        }
    }

    /// <summary>
    /// Where goose ends the statements of an Up section (<paramref name="up"/>, as
    /// <see cref="Up(string)"/> gives it): after each line whose last word ends with <c>;</c>
    /// outside <c>StatementBegin</c>/<c>StatementEnd</c>, and before each <c>StatementEnd</c> line.
    /// goose reads no quotes, so a semicolon inside a body ends the statement too.
    /// </summary>
    /// <returns>Indexes into <paramref name="up"/>, in order: where each statement goose sends stops.</returns>
    public static IReadOnlyList<ToolStatementEnd> StatementEnds(string up)
    {
        var ends = new List<ToolStatementEnd>();
        var inBlock = false;
        foreach (var (start, end, _) in GoLineScanner.Lines(up))
        {
            switch (Annotation(up, start, end))
            {
                case "statementbegin":
                    inBlock = true;
                    continue;
                case "statementend":
                    if (inBlock) ends.Add(new ToolStatementEnd(start, start, AtBlockEnd: true));
                    inBlock = false;
                    continue;
                case null:
                    break;
                default:
                    continue;
            }

            if (inBlock) continue;
            var semicolon = GoLineScanner.LastWordSemicolon(up, start, end);
            if (semicolon >= 0) ends.Add(new ToolStatementEnd(end, semicolon, AtBlockEnd: false));
        }

        return ends;
    }

    /// <summary>The lower-case annotation word of the line, or <see langword="null"/>.</summary>
    private static string? Annotation(string text, int start, int end)
    {
        if (end - start < 2 || string.CompareOrdinal(text, start, "--", 0, 2) != 0) return null;
        var command = text.Substring(start + 2, end - start - 2).Trim();
        if (!command.StartsWith("+goose", StringComparison.OrdinalIgnoreCase)) return null;
        return Spaces.Replace(command.Substring("+goose".Length).Trim(), " ").ToLowerInvariant();
    }

    // goose's rule: the last word before a "--" comment ends with ';'.
    private static bool EndsWithSemicolon(string text, int start, int end) => GoLineScanner.LastWordSemicolon(text, start, end) >= 0;

    private enum State
    {
        Start,
        Up,
        Down,
    }
}
