namespace SchemaTasks.Migrations;

/// <summary>
/// The line and word rules of Go's <c>bufio.Scanner</c>, as the Go migration tools that split a
/// file by lines (goose, sql-migrate) apply them: lines end at <c>\n</c> with a <c>\r</c> before
/// it dropped, and a statement ends at a line whose last word before a <c>--</c> word ends with
/// <c>;</c>. Both tools read no quotes, so that rule is all they know of SQL.
/// </summary>
internal static class GoLineScanner
{
    /// <summary>The lines of <paramref name="text"/>: where each starts, where its content ends (before <c>\r\n</c>), its 1-based number.</summary>
    public static IEnumerable<(int Start, int End, int Line)> Lines(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            if (newline >= 0 || start < text.Length) yield return (start, contentEnd, line);
            if (newline < 0) yield break;
            start = newline + 1;
            line++;
        }
    }

    /// <summary>
    /// The index of the <c>;</c> that ends the line's last word before a word starting with
    /// <c>--</c>, or -1 when that word ends otherwise (goose's and sql-migrate's <c>endsWithSemicolon</c>).
    /// </summary>
    public static int LastWordSemicolon(string text, int start, int end)
    {
        var lastWordEnd = -1;
        var i = start;
        while (i < end)
        {
            while (i < end && IsSpace(text[i])) i++;
            if (i >= end) break;
            var wordStart = i;
            while (i < end && !IsSpace(text[i])) i++;
            if (i - wordStart >= 2 && text[wordStart] == '-' && text[wordStart + 1] == '-') break;
            lastWordEnd = i;
        }

        return lastWordEnd > 0 && text[lastWordEnd - 1] == ';' ? lastWordEnd - 1 : -1;
    }

    /// <summary>Whether the line holds only what Go's <c>strings.TrimSpace</c> removes.</summary>
    public static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsSpace(text[i])) return false;
        }

        return true;
    }

    /// <summary>The separators of Go's <c>bufio.ScanWords</c>, <c>strings.Fields</c> and <c>strings.TrimSpace</c> (<c>unicode.IsSpace</c>).</summary>
    public static bool IsSpace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => c is >= '\u2000' and <= '\u200A',
    };
}
