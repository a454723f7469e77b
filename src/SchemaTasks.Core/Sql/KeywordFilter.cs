namespace SchemaTasks.Sql;

/// <summary>
/// A quick test of whether a word token may be one of a fixed list of keywords, by its length
/// and first letter: a pass that asks a dozen keywords of every word of a statement (most of
/// them names) compares only the few words that could be one. A <see langword="true"/> answer
/// still needs the words compared; a <see langword="false"/> one is certain.
/// </summary>
internal sealed class KeywordFilter
{
    // Bit (letter - 'a') of entry n: a keyword of n letters starts with that letter. Keywords are
    // ASCII letters and at most MaxLength long.
    private const int MaxLength = 15;
    private readonly uint[] _firstLetters = new uint[MaxLength + 1];

    public KeywordFilter(params string[][] lists)
    {
        foreach (var list in lists)
        {
            foreach (var word in list)
            {
                if (word.Length is 0 or > MaxLength || !char.IsAsciiLetter(word[0])) throw new ArgumentException($"Not a keyword the filter takes: {word}", nameof(lists));
                _firstLetters[word.Length] |= LetterBit(word[0]);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="token"/> is a word that may be one of the keywords. A word that
    /// starts with a letter outside ASCII may be too: the comparison ignoring case that decides
    /// takes some of those for ASCII ones (long s for s, dotless i for i).
    /// </summary>
    public bool MayBe(string sql, SqlToken token)
    {
        if (token.Kind != SqlTokenKind.Word || token.Length > MaxLength) return false;
        var first = sql[token.Start];
        return !char.IsAscii(first) || (char.IsAsciiLetter(first) && (_firstLetters[token.Length] & LetterBit(first)) != 0);
    }

    private static uint LetterBit(char letter) => 1u << ((letter | 0x20) - 'a');
}
