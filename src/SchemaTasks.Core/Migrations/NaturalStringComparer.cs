namespace SchemaTasks.Migrations;

/// <summary>
/// Orders strings the way people number files: runs of digits compare by value, so
/// <c>2_x.sql</c> comes before <c>10_x.sql</c>. Other characters (non-ASCII digits included)
/// compare ordinally, so the order is the same on every machine and culture.
/// </summary>
public sealed class NaturalStringComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static NaturalStringComparer Instance { get; } = new();

    private NaturalStringComparer()
    {
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var result = CompareDigitRuns(x, ref i, y, ref j);
                if (result != 0) return result;
                continue;
            }

            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++;
            j++;
        }

        var lengthOrder = (x.Length - i).CompareTo(y.Length - j);
        return lengthOrder != 0 ? lengthOrder : string.CompareOrdinal(x, y);
    }

    private static int CompareDigitRuns(string x, ref int i, string y, ref int j)
    {
        var xStart = i;
        var yStart = j;
        while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
        while (j < y.Length && char.IsAsciiDigit(y[j])) j++;

        // Compare by value without parsing, so runs longer than any integer type still work.
        var xDigits = x.Substring(xStart, i - xStart).TrimStart('0');
        var yDigits = y.Substring(yStart, j - yStart).TrimStart('0');
        if (xDigits.Length != yDigits.Length) return xDigits.Length.CompareTo(yDigits.Length);
        var byValue = string.CompareOrdinal(xDigits, yDigits);
        // Equal values: fewer leading zeros first, so the order is total.
        return byValue != 0 ? byValue : (i - xStart).CompareTo(j - yStart);
    }
}
