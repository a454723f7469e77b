using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Finds the <c>/* schematasks:equivalent ... */</c> comment written right before a statement
/// the engine cannot run itself (a <c>DO</c> block, a procedure call, dynamic SQL). Its content is the plain DDL the statement
/// is equivalent to; the engine applies that instead, so the outcome is declared in the
/// migration, where a reviewer reads it next to the code it describes.
/// </summary>
internal static class EquivalentAnnotation
{
    /// <summary>The word that opens the comment.</summary>
    public const string Marker = "schematasks:equivalent";

    /// <summary>
    /// The content of the last annotation comment in <c>sql[from..to)</c>, the text between the
    /// previous statement and this one (only whitespace, comments and a terminator).
    /// </summary>
    /// <returns>The content's offsets, or <see langword="null"/> when there is no annotation.</returns>
    public static (int Start, int End)? Find(string sql, int from, int to)
    {
        if (to <= from || sql.AsSpan(from, to - from).IndexOf(Marker, StringComparison.Ordinal) < 0) return null;
        (int, int)? found = null;
        var i = from;
        while (i < to)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < to && sql[i + 1] == '-')
            {
                var end = sql.AsSpan(i, to - i).IndexOfAny('\n', '\r');
                i = end < 0 ? to : i + end;
                continue;
            }

            if (c == '/' && i + 1 < to && sql[i + 1] == '*')
            {
                var close = CommentEnd(sql, i, to);
                var content = i + 2;
                while (content < close && char.IsWhiteSpace(sql[content])) content++;
                if (string.CompareOrdinal(sql, content, Marker, 0, Marker.Length) == 0)
                {
                    var start = content + Marker.Length;
                    found = (start, Math.Max(start, close - 2));
                }

                i = close;
                continue;
            }

            i++;
        }

        return found;
    }

    /// <summary>
    /// The annotation before the statement that starts with <paramref name="first"/>, as SQL
    /// located in the file; <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="gapStart">Where the text after the previous statement starts.</param>
    /// <param name="first">The statement's first token.</param>
    /// <param name="dialect">Whose SQL the annotation holds.</param>
    /// <param name="diagnostics">Receives lexing problems inside it, located in the file.</param>
    public static EmbeddedSql? Read(string sql, int gapStart, SqlToken first, SqlDialect dialect, List<SqlLexDiagnostic> diagnostics)
    {
        if (Find(sql, gapStart, first.Start) is not { } annotation) return null;
        var (line, column) = PositionBefore(sql, annotation.Start, first);
        return EmbeddedSql.FromRegion(sql, annotation.Start, annotation.End, line, column, diagnostics, dialect);
    }

    /// <summary>The file position of <paramref name="offset"/>, which lies before <paramref name="anchor"/> in <paramref name="sql"/>.</summary>
    private static (int Line, int Column) PositionBefore(string sql, int offset, SqlToken anchor)
    {
        var breaks = 0;
        for (var i = offset; i < anchor.Start; i++)
        {
            if (sql[i] == '\n' || (sql[i] == '\r' && (i + 1 >= sql.Length || sql[i + 1] != '\n'))) breaks++;
        }

        var lineStart = offset;
        while (lineStart > 0 && sql[lineStart - 1] is not ('\n' or '\r')) lineStart--;
        return (anchor.Line - breaks, offset - lineStart + 1);
    }

    // PostgreSQL block comments nest.
    private static int CommentEnd(string sql, int start, int to)
    {
        var depth = 0;
        var i = start;
        while (i + 1 < to)
        {
            if (sql[i] == '/' && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0) return i;
            }
            else
            {
                i++;
            }
        }

        return to;
    }
}
