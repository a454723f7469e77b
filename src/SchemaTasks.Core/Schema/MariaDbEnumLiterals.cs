using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB in a strict sql_mode (its default) refuses an INSERT or REPLACE that writes a string an
/// ENUM column has no label for (error 1265, Data truncated for column 's' at row 1): rows of
/// VALUES and SET assignments are always written, so the refusal is certain and the migration stops
/// there, while the build would accept code using that value. A SET column alike, for a member it
/// lacks. Checked on MariaDB 10.11: the string is compared with the column's collation after its
/// trailing spaces, so <c>'a '</c> is taken for <c>'a'</c>, and <c>'A'</c> too unless the collation
/// is case-sensitive (<c>_bin</c>, <c>_cs</c>, <c>binary</c>: refused); <c>''</c> is refused. A string
/// no label matches is taken as the label's index when it is an unsigned integer of fewer than six
/// characters (<c>'3'</c>, <c>' +3'</c>, <c>'03'</c>) from 1 to the number of labels; any other
/// (<c>'0'</c>, index 0 being the empty error value, <c>'4'</c> of three labels, <c>'-1'</c>,
/// <c>'1.0'</c>, <c>'000003'</c>) is refused. <c>N'c'</c>, <c>_utf8mb4'c'</c>, <c>_binary'c'</c> and
/// <c>X'63'</c> are the string <c>c</c>, compared alike. INSERT IGNORE and a sql_mode that is not strict
/// store <c>''</c> with a warning; ON DUPLICATE KEY UPDATE assigns only for a duplicate row.
/// </summary>
/// <remarks>
/// So that nothing the server takes is reported, a value is judged only when it is a quoted
/// literal without a backslash (an escape depends on NO_BACKSLASH_ESCAPES), plain or after
/// <c>N</c>, <c>X</c> or an introducer of a charset that writes ASCII as itself, and, with the
/// labels, is ASCII (other characters compare by the collation, which the engine does not follow).
/// A string that matches a label only ignoring case, in a column whose collation the migrations do
/// not tell (the database's default), is reported as undecided (ST3126, a warning).
/// A row past the first is refused only on a transactional table, whose engine the snapshot does
/// not know (a MyISAM table keeps the rows before it): a warning then, as for DEFAULT
/// (<see cref="MariaDbOmittedColumns"/>). A SET column is judged alike, member by member
/// (<c>'a,c'</c>); an empty member or one with a trailing space, which the server refuses too, is
/// not. A SET value whose members are not all labels is read as a number, the members' bits
/// (<c>'3'</c> is both of two), and refused unless it is a whole integer below 2^members.
/// </remarks>
internal static class MariaDbEnumLiterals
{
    // A column may have many labels; the message shows the first few.
    private const int LabelsShown = 12;

    // MariaDB reads a string no label matches as an ENUM index only below this length (Field_enum::store).
    private const int IndexLengthLimit = 6;

    // And a SET's string as the number of its bits only below this one (Field_set::store).
    private const int SetNumberLengthLimit = 22;

    // The charsets in which an ASCII character is the same byte, so an introduced ASCII string reads as written.
    private static readonly HashSet<string> AsciiCharsets = new(StringComparer.Ordinal) { "utf8mb4", "utf8mb3", "latin1", "ascii", "binary" };

    private enum Verdict
    {
        Taken,
        Refused,
        CaseDecides,
    }

    /// <summary>Reports the first literal of the statement that the ENUM column it is written to has no label for; returns whether one was.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="verb">The statement's first word, for the message: INSERT or REPLACE.</param>
    /// <param name="insert">The statement's head, in a strict sql_mode and without IGNORE.</param>
    /// <param name="table">The table it writes, as the migrations created it.</param>
    /// <param name="listed">The columns of its column list (or SET targets), in order.</param>
    /// <param name="context">The migration being applied.</param>
    /// <param name="diagnostics">Receives the refusal, and a warning for each literal whose fate the column's unknown collation decides.</param>
    public static bool Check(string sql, string verb, MariaDbInsertHead insert, CatalogTable table, List<CatalogColumn> listed, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        if (insert.Literals is not { Count: > 0 } literals) return false;
        foreach (var use in literals)
        {
            if (MariaDbOmittedColumns.WrittenColumn(sql, use.Column, use.Value, insert, table, listed, context) is not { } column) return false; // A column the table lacks, or a row longer than the columns: the server's other errors come first.
            if (column.InlineValues is not { } labels || Content(sql, use) is not { } value) continue;
            var collation = TableCharsets.Of(table, context.Rules).CollationOf(column.Name);
            switch (Judge(value, labels, collation))
            {
                case Verdict.Refused:
                    Report(verb, table, column, labels, value, use, context, diagnostics);
                    return true;
                case Verdict.CaseDecides:
                    ReportCaseUndecided(verb, table, column, value, use, context, diagnostics);
                    break;
            }
        }

        return false;
    }

    // The string a literal writes, when the engine can tell it and it and is ASCII; null otherwise.
    private static string? Content(string sql, MariaDbLiteralUse use)
    {
        var at = use.At;
        if (at.Unterminated || sql[at.Start + at.PrefixLength] != '\'') return null; // "x": not judged.
        if (use.Introducer.Length > 0 && !AsciiCharsets.Contains(MySqlCharsets.Named(sql.Substring(use.Introducer.Start + 1, use.Introducer.Length - 1)))) return null;
        var value = at.PrefixLength == 0 ? SqlTokenText.Unquote(sql, at) : sql[at.Start] switch
        {
            'N' or 'n' => SqlTokenText.Unquote(sql, at),
            'X' or 'x' => Hex(SqlTokenText.Unquote(sql, at)),
            _ => null, // B'...', bits: not judged.
        };
        if (value is null || sql.AsSpan(at.Start, at.Length).IndexOf('\\') >= 0 || !MySqlClientCharset.IsAscii(value)) return null;
        return value;
    }

    // X'63' is the bytes it spells; ASCII bytes are those characters in any charset judged here.
    private static string? Hex(string digits)
    {
        if (digits.Length % 2 != 0) return null; // The server refuses it (1064) before any value is written.
        var text = new char[digits.Length / 2];
        for (var i = 0; i < text.Length; i++)
        {
            if (!byte.TryParse(digits.AsSpan(2 * i, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b)) return null;
            text[i] = (char)b;
        }

        return new string(text);
    }

    // Whether the server takes the value for the column, refuses it, or decides by a collation the migrations do not tell.
    private static Verdict Judge(string value, InlineValueList labels, string? collation)
    {
        foreach (var label in labels.Values)
        {
            if (!MySqlClientCharset.IsAscii(label)) return Verdict.Taken;
        }

        // A case-insensitive collation ends in _ci; _bin, _cs and binary compare case.
        bool? ignoresCase = collation is null ? null : collation.EndsWith("_ci", StringComparison.Ordinal);
        if (labels.Kind == InlineValueKind.Enum)
        {
            var trimmed = value.TrimEnd(' ');
            return Match(trimmed, labels, ignoresCase) switch
            {
                Verdict.Taken => Verdict.Taken,
                Verdict.CaseDecides => Verdict.CaseDecides,
                _ => IsIndex(trimmed, labels.Values.Length),
            };
        }

        // A SET takes members joined by ',' ('' is the empty set). The server refuses an empty member
        // and one with a trailing space ('a ,b'); only a member no label matches is judged here.
        var verdict = Verdict.Taken;
        foreach (var member in value.Split(','))
        {
            if (member.TrimEnd(' ').Length == 0) continue;
            var match = Match(member.TrimEnd(' '), labels, ignoresCase);
            if (match == Verdict.Refused) return Bits(value, labels.Values.Length);
            if (match == Verdict.CaseDecides) verdict = Verdict.CaseDecides;
        }

        return verdict;
    }

    // A SET value whose members are not all labels is read as the number of the members' bits, and
    // only a whole integer (leading spaces and a sign allowed, not trailing ones) is one: '-0' is the
    // empty set, '-1', '1.0', '1e0' and '1 ' are refused (checked on MariaDB 10.11).
    private static Verdict Bits(string value, int count)
    {
        if (value.AsSpan().IndexOfAny("\t\n\r\v\f") >= 0) return Verdict.Taken; // White space the server may skip: not judged.
        var digits = value.AsSpan().TrimStart(' ');
        var negative = digits.StartsWith("-");
        if (negative || digits.StartsWith("+")) digits = digits[1..];
        if (digits.Length == 0 || digits.ContainsAnyExcept("0123456789")) return Verdict.Refused;
        if (value.Length >= SetNumberLengthLimit) return Verdict.Taken; // Read otherwise by the server: not judged.
        if (negative) return digits.ContainsAnyExcept('0') ? Verdict.Refused : Verdict.Taken;

        // Past ulong the server reads its largest value, with an error: refused too.
        if (!ulong.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)) return Verdict.Refused;
        return count >= 64 || bits < 1UL << count ? Verdict.Taken : Verdict.Refused;
    }

    // Compared as the column's collation compares ASCII, after trailing spaces (the server ignores them even under a NO PAD collation).
    private static Verdict Match(string trimmed, InlineValueList labels, bool? ignoresCase)
    {
        var caseOnly = false;
        foreach (var label in labels.Values)
        {
            var name = label.TrimEnd(' ');
            if (string.Equals(name, trimmed, StringComparison.Ordinal)) return Verdict.Taken;
            caseOnly |= string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase);
        }

        return !caseOnly ? Verdict.Refused : ignoresCase switch
        {
            true => Verdict.Taken,
            false => Verdict.Refused,
            null => Verdict.CaseDecides,
        };
    }

    // A string no label matches is an index when the whole of it (leading spaces and a '+' allowed)
    // is an integer from 1 to the number of labels, written in fewer than six characters. Other
    // leading white space the server skips too; such a value is left unjudged.
    private static Verdict IsIndex(string trimmed, int count)
    {
        if (trimmed.AsSpan().IndexOfAny("\t\n\r\v\f") >= 0) return Verdict.Taken;
        if (trimmed.Length >= IndexLengthLimit) return Verdict.Refused;
        var digits = trimmed.AsSpan().TrimStart(' ');
        if (digits.StartsWith("+")) digits = digits[1..];
        if (digits.Length == 0) return Verdict.Refused;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return Verdict.Refused;
        }

        var index = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return index >= 1 && index <= count ? Verdict.Taken : Verdict.Refused;
    }

    private static void ReportCaseUndecided(string verb, CatalogTable table, CatalogColumn column, string value, MariaDbLiteralUse use, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var kind = column.InlineValues!.Kind == InlineValueKind.Enum ? "an ENUM label" : "a SET member";
        diagnostics.Add(SchemaDiagnostic.Warning(
            DiagnosticCodes.EnumLabelCaseUndecided,
            $"This {verb} writes {context.ShowValue(value)} to column {context.Show(column.Name)} of {context.Show(table.Name)}, which matches {kind} only ignoring case, and the migrations do not tell the column's collation (it is the database's default): a case-insensitive one (_ci) takes it, a case-sensitive one (_bin, _cs) refuses the {verb} in a strict sql_mode (MariaDB error 1265, Data truncated for column '{column.Name}'). Write the label as the column declares it, or give the column or its table a COLLATE.",
            context.File,
            use.At.Line,
            use.At.Column));
    }

    private static void Report(string verb, CatalogTable table, CatalogColumn column, InlineValueList labels, string value, MariaDbLiteralUse use, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var laterRow = use.Row > 0;
        var row = use.Row < 0 ? 1 : use.Row + 1;
        var shown = string.Join(", ", labels.Values.Take(LabelsShown).Select(context.ShowValue)) + (labels.Values.Length > LabelsShown ? $" and {labels.Values.Length - LabelsShown} more" : string.Empty);
        var when = laterRow
            ? $"in a strict sql_mode, the default, for row {row} of a transactional table such as InnoDB, the default engine (a MyISAM table keeps the rows before it and stores '' with a warning; SchemaTasks does not know the table's engine)"
            : "in a strict sql_mode, the default; INSERT IGNORE and other modes store '' with a warning";
        var kind = labels.Kind == InlineValueKind.Enum ? "an ENUM without that label" : "a SET without a member of it";
        var message = $"The server refuses this {verb}: it writes {context.ShowValue(value)} to column {context.Show(column.Name)} of {context.Show(table.Name)}, {kind} (it has {shown}) (MariaDB error 1265, Data truncated for column '{column.Name}' at row {row}, {when}), and the migration stops here. Write the column's labels only, or add the missing one to the column's {(labels.Kind == InlineValueKind.Enum ? "ENUM" : "SET")} with ALTER TABLE ... MODIFY in an earlier migration.";
        diagnostics.Add(laterRow
            ? SchemaDiagnostic.Warning(DiagnosticCodes.EnumLabelUnknown, message, context.File, use.At.Line, use.At.Column)
            : SchemaDiagnostic.Error(DiagnosticCodes.EnumLabelUnknown, message, context.File, use.At.Line, use.At.Column));
    }
}
