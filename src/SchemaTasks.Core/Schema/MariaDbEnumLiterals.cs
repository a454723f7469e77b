using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB in a strict sql_mode (its default) refuses an INSERT or REPLACE that writes a string an
/// ENUM column has no label for (error 1265, Data truncated for column 's' at row 1): rows of
/// VALUES and SET assignments are always written, so the refusal is certain and the migration stops
/// there, while the build would accept code using that value. A SET column alike, for a member it lacks. Checked on MariaDB 10.11: the string
/// is compared with the column's collation (case-insensitive by default) after its trailing spaces,
/// so <c>'A'</c> and <c>'a '</c> are taken for <c>'a'</c>; <c>''</c> is refused; a numeric string such
/// as <c>'2'</c> is taken as the label's index. INSERT IGNORE and a sql_mode that is not strict
/// store <c>''</c> with a warning; ON DUPLICATE KEY UPDATE assigns only for a duplicate row.
/// </summary>
/// <remarks>
/// So that nothing the server takes is reported, a value is judged only when it is a plain quoted
/// literal without a backslash (an escape depends on NO_BACKSLASH_ESCAPES), does not begin like a
/// number, and, with the labels, is ASCII (other characters compare by the collation, which the
/// engine does not follow); it differs from every label ignoring ASCII case and trailing spaces.
/// A row past the first is refused only on a transactional table, whose engine the snapshot does
/// not know (a MyISAM table keeps the rows before it): a warning then, as for DEFAULT
/// (<see cref="MariaDbOmittedColumns"/>). A SET column is judged alike, member by member
/// (<c>'a,c'</c>); an empty member or one with a trailing space, which the server refuses too, is not.
/// </remarks>
internal static class MariaDbEnumLiterals
{
    // A column may have many labels; the message shows the first few.
    private const int LabelsShown = 12;

    /// <summary>Reports the first literal of the statement that the ENUM column it is written to has no label for; returns whether one was.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="verb">The statement's first word, for the message: INSERT or REPLACE.</param>
    /// <param name="insert">The statement's head, in a strict sql_mode and without IGNORE.</param>
    /// <param name="table">The table it writes, as the migrations created it.</param>
    /// <param name="listed">The columns of its column list (or SET targets), in order.</param>
    /// <param name="context">The migration being applied.</param>
    /// <param name="diagnostics">Receives the refusal.</param>
    public static bool Check(string sql, string verb, MariaDbInsertHead insert, CatalogTable table, List<CatalogColumn> listed, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        if (insert.Literals is not { Count: > 0 } literals) return false;
        foreach (var use in literals)
        {
            if (MariaDbOmittedColumns.WrittenColumn(sql, use.Column, use.Value, insert, table, listed, context) is not { } column) return false; // A column the table lacks, or a row longer than the columns: the server's other errors come first.
            if (column.InlineValues is not { } labels) continue;
            if (Refused(sql, use.At, labels) is not { } value) continue;
            Report(verb, table, column, labels, value, use, context, diagnostics);
            return true;
        }

        return false;
    }

    // The literal's value when the column certainly has no label for it; null when the server may take it.
    private static string? Refused(string sql, SqlToken at, InlineValueList labels)
    {
        if (at.Unterminated || at.PrefixLength != 0 || sql[at.Start] != '\'') return null; // N'x', _utf8mb4'x', x'78', "x": not judged.
        var value = SqlTokenText.Unquote(sql, at);
        if (sql.AsSpan(at.Start, at.Length).IndexOf('\\') >= 0 || !MySqlClientCharset.IsAscii(value)) return null;
        if (MayBeNumber(value)) return null; // Perhaps read as an ENUM's index or a SET's bits.
        foreach (var label in labels.Values)
        {
            if (!MySqlClientCharset.IsAscii(label)) return null;
        }

        if (labels.Kind == InlineValueKind.Enum) return IsLabel(value, labels) ? null : value;

        // A SET takes members joined by ',' ('' is the empty set). The server refuses an empty member
        // and one with a trailing space ('a ,b'); only a member no label matches is judged here.
        foreach (var member in value.Split(','))
        {
            if (member.TrimEnd(' ').Length > 0 && !MayBeNumber(member) && !IsLabel(member, labels)) return value;
        }

        return null;
    }

    // Compared as the default _ci collation compares ASCII, after trailing spaces (the server ignores them).
    private static bool IsLabel(string value, InlineValueList labels)
    {
        var trimmed = value.TrimEnd(' ');
        foreach (var label in labels.Values)
        {
            if (string.Equals(label.TrimEnd(' '), trimmed, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static bool MayBeNumber(string value)
    {
        var first = value.TrimStart();
        return first.Length > 0 && (char.IsAsciiDigit(first[0]) || first[0] is '+' or '-' or '.');
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
