namespace SchemaTasks.Sql;

/// <summary>Where an index of a file's text is, as a diagnostic names it: lines and columns from 1.</summary>
internal static class TextPosition
{
    /// <summary>The line, from 1, of <paramref name="index"/> in <paramref name="text"/> (an index past the end is on the last line).</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n') line++;
        }

        return line;
    }

    /// <summary>The line and column, from 1, of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, int index)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < index; i++)
        {
            (line, column) = text[i] == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return (line, column);
    }
}
