using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Reads a sql-migrate migration the way its parser (<c>sqlparse.ParseMigration</c>) does, line
/// by line, and keeps what runs up: the lines of every <c>-- +migrate Up</c> section, where
/// sql-migrate ends each statement, and whether an Up line asks for <c>notransaction</c>.
/// </summary>
/// <remarks>
/// sql-migrate's rules, from its source: a command is a line starting with exactly
/// <c>-- +migrate </c> (no indentation, one space each side, case-sensitive words <c>Up</c>,
/// <c>Down</c>, <c>StatementBegin</c>, <c>StatementEnd</c>; any other word is passed over); any
/// other line starting with <c>-- +</c>, and every line starting with <c>-- </c>, is dropped, even
/// inside a statement; text before the first Up or Down line is dropped; a file may switch
/// between Up and Down sections any number of times. A statement ends after a line whose last word
/// before a <c>--</c> word ends with <c>;</c> (outside StatementBegin/StatementEnd), or at
/// StatementEnd. It refuses the file when a section starts, or the file ends, inside an unfinished
/// statement, when StatementBegin is never closed, when a command line has no word, and when the
/// file has no Up or Down line at all.
/// <para>
/// <see cref="Up"/> is the file from the first Up line on, every line sql-migrate does not send up
/// blanked (spaces, line breaks kept), so line and column numbers stay the file's; its command
/// lines are kept (comments to the server), so the statement ends can be found in it again.
/// </para>
/// </remarks>
internal sealed class SqlMigrateScript
{
    private const string CommandPrefix = "-- +migrate ";
    private const string NoTransactionOption = "notransaction";

    private SqlMigrateScript(string up, int upStartLine, bool noTransaction, IReadOnlyList<ToolStatementEnd> statementEnds, IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        Up = up;
        UpStartLine = upStartLine;
        NoTransaction = noTransaction;
        StatementEnds = statementEnds;
        Diagnostics = diagnostics;
    }

    /// <summary>The SQL sql-migrate runs up, from the first Up line on, the rest blanked.</summary>
    public string Up { get; }

    /// <summary>The 1-based file line <see cref="Up"/> starts on.</summary>
    public int UpStartLine { get; }

    /// <summary>Whether an Up line carries the <c>notransaction</c> option.</summary>
    public bool NoTransaction { get; }

    /// <summary>Where sql-migrate ends the statements it sends up, indexes into <see cref="Up"/>, in order.</summary>
    public IReadOnlyList<ToolStatementEnd> StatementEnds { get; }

    /// <summary>The file's refusal (<c>ST1039</c>, an error), or the lines sql-migrate passes over that look meant to run (<c>ST1039</c>, warnings).</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; }

    /// <summary>Whether sql-migrate refuses the file (and with it the whole folder: it parses every file before running any).</summary>
    public bool HasErrors => SchemaDiagnostic.AnyError(Diagnostics);

    /// <summary>Whether <paramref name="text"/> holds a <c>-- +migrate Up</c> or <c>-- +migrate Down</c> command, which claims a folder for sql-migrate.</summary>
    public static bool HasSectionCommand(string text)
    {
        if (text.IndexOf(CommandPrefix, StringComparison.Ordinal) < 0) return false;
        foreach (var (start, end, _) in GoLineScanner.Lines(text))
        {
            if (Command(text, start, end) is { Length: > 0 } words && words[0] is "Up" or "Down") return true;
        }

        return false;
    }

    /// <summary>Where sql-migrate ends the statements of <paramref name="up"/>, an <see cref="Up"/> text as <see cref="Read"/> gives it.</summary>
    public static IReadOnlyList<ToolStatementEnd> StatementEndsOf(string up) => Read(up, string.Empty).StatementEnds;

    public static SqlMigrateScript Read(string text, string relativePath)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        var direction = Direction.None;
        var inBlock = false; // sql-migrate's ignoreSemicolons.
        var blockEnded = false; // Its statementEnded: StatementEnd closed a block.
        var blockLine = 0;
        var pendingLine = 0; // The line the unsent statement's first text is on; 0 when it holds only blanks.
        var noTransaction = false;
        var upOffset = -1; // Where Up starts in the text: the first Up line.
        var upLine = 1;
        char[]? up = null;
        var ends = new List<ToolStatementEnd>();
        var reportedBeforeSections = false;

        foreach (var (start, end, line) in GoLineScanner.Lines(text))
        {
            var sent = false; // Whether the line goes into an Up statement.
            var words = Command(text, start, end);
            if (words is null && LooksLikeCommand(text, start, end))
            {
                var dropped = StartsWith(text, start, end, "-- ");
                Warn(line, 1, $"sql-migrate reads a command only from a line that starts with exactly '-- +migrate ' (no indentation, one space after '--' and after '+migrate'), so this line is not one: it {(dropped ? "drops the line unread" : "keeps the line as SQL text, a comment to the server")}. Write '-- +migrate Up' (or Down, StatementBegin, StatementEnd) at the start of the line.");
            }

            if (StartsWith(text, start, end, "-- ") && !StartsWith(text, start, end, "-- +"))
            {
                Blank(start, end);
                continue; // A comment line: dropped wherever it is, inside a statement too.
            }

            if (words is not null)
            {
                if (words.Length == 0)
                {
                    return Refuse(line, "This '-- +migrate ' line names no command (sql-migrate: \"incomplete migration command\"). Write '-- +migrate Up', '-- +migrate Down', '-- +migrate StatementBegin' or '-- +migrate StatementEnd', or remove the line.");
                }

                switch (words[0])
                {
                    case "Up" or "Down":
                        if (pendingLine != 0) return Unfinished(pendingLine, $"before this '-- +migrate {words[0]}' line");
                        direction = words[0] == "Up" ? Direction.Up : Direction.Down;
                        if (direction == Direction.Up && upOffset < 0)
                        {
                            upOffset = start;
                            upLine = line;
                            up = text.Substring(start).ToCharArray();
                        }

                        foreach (var option in words.Skip(1))
                        {
                            if (option == NoTransactionOption)
                            {
                                if (direction == Direction.Up) noTransaction = true;
                                continue;
                            }

                            Warn(line, text.IndexOf(option, start, end - start, StringComparison.Ordinal) - start + 1, $"sql-migrate knows one option after '-- +migrate {words[0]}', 'notransaction' (in lower case), and passes over '{option}'{(option.Equals(NoTransactionOption, StringComparison.OrdinalIgnoreCase) || option.IndexOf("transaction", StringComparison.OrdinalIgnoreCase) >= 0 ? ", so this section runs inside a transaction" : string.Empty)}. Write 'notransaction', or remove the word.");
                        }

                        break;

                    case "StatementBegin":
                        if (direction != Direction.None)
                        {
                            inBlock = true;
                            blockLine = line;
                        }

                        break;

                    case "StatementEnd":
                        if (direction != Direction.None)
                        {
                            blockEnded = inBlock;
                            inBlock = false;
                        }

                        break;

                    default:
                        var near = KnownCommandLike(words[0]);
                        Warn(line, 1, $"sql-migrate knows the commands Up, Down, StatementBegin and StatementEnd, spelled so, and passes over '-- +migrate {words[0]}'{(near is null ? string.Empty : $" (sql-migrate reads '{near}', spelled so){NearMissEffect(near)}")}. {(near is null ? "Remove the line, or write the command sql-migrate reads." : $"Write '-- +migrate {near}'.")}");
                        break;
                }
            }

            if (direction == Direction.None)
            {
                if (!reportedBeforeSections && IsStatementText(text, start, end))
                {
                    reportedBeforeSections = true;
                    Warn(line, 1, "sql-migrate runs nothing before a file's first '-- +migrate Up' or '-- +migrate Down' line, so this SQL never runs (the snapshot leaves it out as well). Move it under '-- +migrate Up', or remove it.");
                }

                continue;
            }

            if (!StartsWith(text, start, end, "-- +"))
            {
                if (pendingLine == 0 && !GoLineScanner.IsBlank(text, start, end)) pendingLine = line;
                sent = direction == Direction.Up;
            }

            var semicolon = inBlock ? -1 : GoLineScanner.LastWordSemicolon(text, start, end);
            if (semicolon >= 0 || blockEnded)
            {
                if (direction == Direction.Up && upOffset >= 0)
                {
                    ends.Add(blockEnded
                        ? new ToolStatementEnd(start - upOffset, start - upOffset, AtBlockEnd: true)
                        : new ToolStatementEnd(end - upOffset, semicolon - upOffset, AtBlockEnd: false));
                }

                blockEnded = false;
                pendingLine = 0;
            }

            // Command lines stay, comments to the server, so StatementEnds can read the Up text again.
            if (!sent && words is null) Blank(start, end);
        }

        if (inBlock)
        {
            return Refuse(blockLine, "This '-- +migrate StatementBegin' is never closed (sql-migrate: \"saw '-- +migrate StatementBegin' with no matching '-- +migrate StatementEnd'\"). Add '-- +migrate StatementEnd' after the statement's end.");
        }

        if (direction == Direction.None)
        {
            return Refuse(1, "The file has no '-- +migrate Up' or '-- +migrate Down' line (sql-migrate: \"no Up/Down annotations found\"), and sql-migrate reads a command only at the very start of a line, spelled '-- +migrate Up' with one space each side, in that case. Start the SQL that migrates up with a '-- +migrate Up' line.");
        }

        if (pendingLine != 0) return Unfinished(pendingLine, "at the end of the file");

        return new SqlMigrateScript(up is null ? string.Empty : new string(up), upLine, noTransaction, ends, diagnostics);

        void Blank(int start, int end)
        {
            if (up is null || start < upOffset) return;
            for (var i = start; i < end; i++) up[i - upOffset] = ' ';
        }

        void Warn(int line, int column, string message) =>
            diagnostics.Add(SchemaDiagnostic.Warning(DiagnosticCodes.SqlMigrateAnnotation, message, relativePath, line, Math.Max(1, column)));

        SqlMigrateScript Refuse(int line, string message)
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.SqlMigrateAnnotation,
                $"{message} sql-migrate refuses this file, and with it the folder: it reads every file before it runs any (https://github.com/rubenv/sql-migrate#writing-migrations).",
                relativePath,
                line,
                1));
            return new SqlMigrateScript(string.Empty, 1, noTransaction, [], diagnostics);
        }

        SqlMigrateScript Unfinished(int line, string where) => Refuse(
            line,
            $"The statement that starts here is still open {where} (sql-migrate: \"The last statement must be ended by a semicolon or '-- +migrate StatementEnd' marker\"): sql-migrate ends a statement only at a line whose last word ends with ';' (a '--' comment after it is fine, '/* */' is not), and keeps every line except those starting with '-- ' (so an indented or '--x' comment counts as text). End the statement with ';' at the end of its line, or remove the text.");
    }

    /// <summary>The words of a sql-migrate command line, or <see langword="null"/> when the line is not one.</summary>
    private static string[]? Command(string text, int start, int end)
    {
        if (!StartsWith(text, start, end, CommandPrefix)) return null;
        var rest = text.Substring(start + CommandPrefix.Length, end - start - CommandPrefix.Length);
        var words = new List<string>();
        var i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && GoLineScanner.IsSpace(rest[i])) i++;
            var wordStart = i;
            while (i < rest.Length && !GoLineScanner.IsSpace(rest[i])) i++;
            if (i > wordStart) words.Add(rest.Substring(wordStart, i - wordStart));
        }

        return [.. words];
    }

    // '--+migrate Up', '  -- +migrate Down', '-- +Migrate Up', '-- +migrate' alone: meant as a command, read as none.
    private static bool LooksLikeCommand(string text, int start, int end)
    {
        var i = start;
        while (i < end && GoLineScanner.IsSpace(text[i])) i++;
        if (!StartsWith(text, i, end, "--")) return false;
        i += 2;
        while (i < end && GoLineScanner.IsSpace(text[i])) i++;
        return end - i >= "+migrate".Length && string.Compare(text, i, "+migrate", 0, "+migrate".Length, StringComparison.OrdinalIgnoreCase) == 0
            && (end - i == "+migrate".Length || !char.IsLetterOrDigit(text[i + "+migrate".Length]));
    }

    private static string? KnownCommandLike(string word)
    {
        foreach (var known in (string[])["Up", "Down", "StatementBegin", "StatementEnd"])
        {
            if (word.Equals(known, StringComparison.OrdinalIgnoreCase) || word.Replace("-", string.Empty).Replace("_", string.Empty).Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        }

        return null;
    }

    private static string NearMissEffect(string known) => known switch
    {
        "Up" => ": what follows stays in the section before it",
        "Down" => ": what follows stays in the section before it, and runs if that is an Up section",
        "StatementBegin" => ": the semicolons after it end statements",
        _ => string.Empty,
    };

    // A line that holds SQL rather than a blank or a comment.
    private static bool IsStatementText(string text, int start, int end)
    {
        var i = start;
        while (i < end && GoLineScanner.IsSpace(text[i])) i++;
        return i < end && !(end - i >= 2 && ((text[i] == '-' && text[i + 1] == '-') || (text[i] == '/' && text[i + 1] == '*')));
    }

    private static bool StartsWith(string text, int start, int end, string prefix) =>
        end - start >= prefix.Length && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0;

    private enum Direction
    {
        None,
        Up,
        Down,
    }
}
