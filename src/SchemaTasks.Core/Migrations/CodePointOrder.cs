using System.Text;

namespace SchemaTasks.Migrations;

/// <summary>
/// Orders strings by Unicode code point, which is the byte order of their UTF-8 text: the
/// order Go's <c>&lt;</c> gives file names (dbmate sorts its migration files so).
/// <see cref="string.CompareOrdinal(string, string)"/> differs only for characters beyond U+FFFF.
/// </summary>
internal sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight) return hasLeft.CompareTo(hasRight);
            var byRune = left.Current.Value.CompareTo(right.Current.Value);
            if (byRune != 0) return byRune;
        }
    }
}
