namespace SchemaTasks.Sql;

/// <summary>
/// Searches of SQL text for a keyword written in any case, as the servers' scanners fold it:
/// ASCII letters only (PostgreSQL and MySQL fold no other letter of an unquoted word), so
/// <c>'ſearch_path'</c> is not <c>search_path</c>. Used to pass over statements and bodies that
/// cannot hold a construct before reading them; a vectorised search for the first letter keeps
/// it cheap on long bodies, where a comparison ignoring case character by character is not.
/// </summary>
internal static class AsciiWords
{
    /// <summary>Whether <paramref name="text"/> holds <paramref name="word"/> (ASCII letters, digits and underscores) in any case of its letters.</summary>
    public static bool Contains(ReadOnlySpan<char> text, string word)
    {
        var first = word[0];
        var lower = (char)(first | 0x20);
        var upper = IsLetter(first) ? (char)(first & ~0x20) : first;
        var i = 0;
        while (i <= text.Length - word.Length)
        {
            var at = text[i..].IndexOfAny(lower, upper);
            if (at < 0) return false;
            i += at;
            if (i > text.Length - word.Length) return false;
            if (Matches(text.Slice(i, word.Length), word)) return true;
            i++;
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<char> text, string word)
    {
        for (var j = 1; j < word.Length; j++)
        {
            var c = text[j];
            var w = word[j];
            if (c != w && !(IsLetter(w) && (c | 0x20) == (w | 0x20))) return false;
        }

        return true;
    }

    private static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
}
