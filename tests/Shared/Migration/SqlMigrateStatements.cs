namespace SchemaTasks.Testing;

/// <summary>
/// The Up statements sql-migrate sends for a file, written for the tests from its documented
/// parser (sqlparse.ParseMigration) and its runner (applyMigrations), apart from the engine's reader,
/// so a differential test sends the server what sql-migrate would: sql-migrate is a Go binary and
/// cannot be installed here. Lines split at '\n' ('\r' dropped); a line starting with '-- ' (not
/// '-- +') is dropped; '-- +migrate Up|Down|StatementBegin|StatementEnd' switch the state; a
/// statement ends after a line whose last word before a '--' word ends with ';' (outside a block),
/// or at StatementEnd; before sending, one trailing '\n', then ' ', then ';' is removed.
/// </summary>
internal static class SqlMigrateStatements
{
    /// <summary>The statements sql-migrate runs up, each with the 1-based file line it starts on, as sent.</summary>
    public static List<(int Line, string Sql)> Up(string text)
    {
        var statements = new List<(int Line, string Sql)>();
        var buffer = new System.Text.StringBuilder();
        var bufferLine = 0;
        var up = false;
        var inDirection = false;
        var inBlock = false;
        var blockEnded = false;
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (line.StartsWith("-- ", StringComparison.Ordinal) && !line.StartsWith("-- +", StringComparison.Ordinal)) continue;
            if (line.StartsWith("-- +migrate ", StringComparison.Ordinal))
            {
                var words = line["-- +migrate ".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                switch (words.FirstOrDefault())
                {
                    case "Up": inDirection = true; up = true; break;
                    case "Down": inDirection = true; up = false; break;
                    case "StatementBegin": if (inDirection) inBlock = true; break;
                    case "StatementEnd": if (inDirection) { blockEnded = inBlock; inBlock = false; } break;
                }
            }

            if (!inDirection) continue;
            if (!line.StartsWith("-- +", StringComparison.Ordinal))
            {
                if (buffer.Length == 0) bufferLine = i + 1;
                buffer.Append(line).Append('\n');
            }

            if ((!inBlock && LastWordEndsWithSemicolon(line)) || blockEnded)
            {
                blockEnded = false;
                if (up) statements.Add((bufferLine, Trim(buffer.ToString())));
                buffer.Clear();
            }
        }

        return statements;
    }

    private static bool LastWordEndsWithSemicolon(string line)
    {
        var last = string.Empty;
        foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("--", StringComparison.Ordinal)) break;
            last = word;
        }

        return last.EndsWith(';');
    }

    private static string Trim(string statement)
    {
        if (statement.EndsWith('\n')) statement = statement[..^1];
        if (statement.EndsWith(' ')) statement = statement[..^1];
        if (statement.EndsWith(';')) statement = statement[..^1];
        return statement;
    }
}
