namespace SchemaTasks.Schema;

/// <summary>
/// Finds the <c>/* schematasks:equivalent ... */</c> comment written right before a statement
/// the engine cannot run itself (a <c>DO</c> block). Its content is the plain DDL the statement
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
