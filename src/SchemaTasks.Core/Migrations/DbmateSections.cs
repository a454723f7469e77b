using System.Text.RegularExpressions;

namespace SchemaTasks.Migrations;

/// <summary>What dbmate refuses in a migration file, as its parser (dbmate 2.x, <c>pkg/dbmate/migration.go</c>) does.</summary>
internal enum DbmateRefusal
{
    /// <summary>The file is one dbmate runs.</summary>
    None,

    /// <summary>No <c>-- migrate:up</c> line (ErrParseMissingUp).</summary>
    MissingUp,

    /// <summary>A line other than a blank or <c>--</c> comment before the first <c>-- migrate:up</c> (ErrParseUnexpectedStmt).</summary>
    StatementBeforeUp,

    /// <summary>A section without a <c>-- migrate:down</c> line, such as one whose marker is indented (ErrParseMissingDown).</summary>
    MissingDown,

    /// <summary>Two <c>-- migrate:down</c> lines after one <c>-- migrate:up</c> (ErrParseMultipleDown).</summary>
    SeveralDowns,

    /// <summary>
    /// A second <c>-- migrate:up</c>: dbmate 2.29 and later run each section and record the
    /// version after each, so the second record fails on the history table's primary key
    /// (PostgreSQL 23505, checked with dbmate 2.36) once the first section is committed.
    /// </summary>
    SeveralSections,
}

/// <summary>
/// The up section of a dbmate file and what dbmate would refuse in it. A marker counts only at the
/// start of a line, followed by white space or the line's end (dbmate's
/// <c>(?m)^--\s*migrate:up(\s*$|\s+\S+)</c>, where <c>\s</c> is ASCII white space).
/// </summary>
/// <param name="BodyStart">Where the up SQL starts: the end of the first <c>-- migrate:up</c> line.</param>
/// <param name="BodyEnd">Where it ends: the section's <c>-- migrate:down</c>, or the end of the file.</param>
/// <param name="Options">The rest of the <c>-- migrate:up</c> line (<c>transaction:false</c>).</param>
/// <param name="Refusal">What dbmate refuses in the file, if anything.</param>
/// <param name="RefusalIndex">Where in the text the refusal points.</param>
internal sealed record DbmateSections(int BodyStart, int BodyEnd, string Options, DbmateRefusal Refusal, int RefusalIndex)
{
    private static Regex UpMarker => field ??= new(@"^--[\t\n\f\r ]*migrate:up(?=[\t\n\f\r ]|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static Regex DownMarker => field ??= new(@"^--[\t\n\f\r ]*migrate:down(?=[\t\n\f\r ]|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    // A down marker after white space at the start of its line: dbmate does not see it.
    private static Regex IndentedDown => field ??= new(@"^[\t\f\r ]+--[\t\f\r ]*migrate:down", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>Reads <paramref name="text"/> as dbmate would.</summary>
    public static DbmateSections Read(string text)
    {
        var up = UpMarker.Match(text);
        if (!up.Success) return new DbmateSections(0, text.Length, string.Empty, DbmateRefusal.MissingUp, 0);
        var lineEnd = text.IndexOf('\n', up.Index);
        var bodyStart = lineEnd < 0 ? text.Length : lineEnd;
        var options = text.Substring(up.Index + up.Length, bodyStart - up.Index - up.Length);
        var next = up.NextMatch();
        var sectionEnd = next.Success ? next.Index : text.Length;
        var down = DownMarker.Match(text, up.Index, sectionEnd - up.Index);
        var bodyEnd = down.Success ? down.Index : text.Length;
        var refusal = (DbmateRefusal.None, 0);
        if (StatementBefore(text, up.Index) is { } statement) refusal = (DbmateRefusal.StatementBeforeUp, statement);
        else if (!down.Success) refusal = (DbmateRefusal.MissingDown, IndentedDown.Match(text, up.Index, sectionEnd - up.Index) is { Success: true } indented ? indented.Index : up.Index);
        else if (down.NextMatch() is { Success: true } second) refusal = (DbmateRefusal.SeveralDowns, second.Index);
        else if (next.Success) refusal = (DbmateRefusal.SeveralSections, next.Index);
        return new DbmateSections(bodyStart, bodyEnd, options, refusal.Item1, refusal.Item2);
    }

    // Where the first line before the first up marker that is neither blank nor a '--' comment starts.
    private static int? StatementBefore(string text, int end)
    {
        for (var start = 0; start < end;)
        {
            var newline = text.IndexOf('\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            var i = start;
            while (i < stop && text[i] is '\t' or '\f' or '\r' or ' ') i++;
            if (i < stop && !(text[i] == '-' && i + 1 < stop && text[i + 1] == '-')) return start;
            start = stop + 1;
        }

        return null;
    }
}
