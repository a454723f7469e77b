namespace SchemaTasks.Sql;

/// <summary>
/// A dotted name written inside a string, as PostgreSQL reads the argument of
/// <c>to_regclass</c>, <c>to_regnamespace</c> and a <c>'...'::regclass</c> literal. This is not
/// the SQL scanner: the parts are separated by dots with optional whitespace around them, a part
/// is either double-quoted (<c>""</c> for a quote) or a run of any characters but whitespace and
/// dots, folded to lower case and cut to 63 bytes. So <c>'a-b'</c> is one name, and a comment
/// such as <c>'/* x */t'</c> is no name at all: the server raises "invalid name syntax" (42602).
/// A list setting such as <c>search_path</c> is read by the same rules, split by commas.
/// </summary>
internal static class PostgresNameList
{
    /// <summary>
    /// The parts of <paramref name="text"/>, or <see langword="null"/> when PostgreSQL refuses it
    /// as invalid name syntax (an empty string, an empty part, an unclosed quote, or text after a
    /// part that is neither a dot nor the end).
    /// </summary>
    public static List<string>? Read(string text) => Split(text, '.') is { Count: > 0 } parts ? parts : null;

    /// <summary>
    /// The names of a list PostgreSQL reads by <paramref name="separator"/> (a dotted name, or a
    /// setting such as search_path by commas): empty for a blank text, <see langword="null"/> when
    /// the server refuses it as invalid syntax.
    /// </summary>
    public static List<string>? Split(string text, char separator)
    {
        var parts = new List<string>();
        var i = SkipSpace(text, 0);
        if (i == text.Length) return parts;
        while (true)
        {
            string part;
            if (text[i] == '"')
            {
                var quoted = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i == text.Length) return null;
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    quoted.Append(text[i++]);
                }

                part = quoted.ToString();
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] != separator && !IsSpace(text[i])) i++;
                if (i == start) return null;
                part = text[start..i].ToLowerInvariant();
            }

            parts.Add(PostgresNames.Truncate(part));
            i = SkipSpace(text, i);
            if (i == text.Length) return parts;
            if (text[i] != separator) return null;
            i = SkipSpace(text, i + 1);
            if (i == text.Length) return null;
        }
    }

    // The server's scanner_isspace: no vertical tab, no Unicode spaces.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && IsSpace(text[i])) i++;
        return i;
    }
}
