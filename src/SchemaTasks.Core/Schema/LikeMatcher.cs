namespace SchemaTasks.Schema;

/// <summary>SQL's <c>LIKE</c> with the default escape character: <c>%</c> any run, <c>_</c> one character, <c>\</c> the next as written.</summary>
internal static class LikeMatcher
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>, letters compared in any case when <paramref name="ignoreCase"/>.</summary>
    public static bool Matches(string text, string pattern, bool ignoreCase) => Matches(text, 0, pattern, 0, ignoreCase);

    // Backtracks only at %, once per position of the text: patterns in migrations are short.
    private static bool Matches(string text, int t, string pattern, int p, bool ignoreCase)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '%')
            {
                while (p < pattern.Length && pattern[p] == '%') p++;
                if (p == pattern.Length) return true;
                for (var from = t; from <= text.Length; from++)
                {
                    if (Matches(text, from, pattern, p, ignoreCase)) return true;
                }

                return false;
            }

            if (t >= text.Length) return false;
            if (c == '_')
            {
                t++;
                p++;
                continue;
            }

            if (c == '\\' && p + 1 < pattern.Length) c = pattern[++p];
            if (!Same(text[t], c, ignoreCase)) return false;
            t++;
            p++;
        }

        return t == text.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
