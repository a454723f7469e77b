namespace SchemaTasks.Migrations;

/// <summary>
/// sql-migrate's order of migration file names (<c>Migration.Less</c>): a name starting with digits
/// comes before one that does not; two such names compare by that number, read as a 64-bit
/// integer, and, when it is the same, as Go compares strings (byte order); names without digits
/// first compare as strings.
/// </summary>
internal sealed class SqlMigrateOrder : IComparer<string>
{
    public static readonly SqlMigrateOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var left = Number(x);
        var right = Number(y);
        if (left is { } a && right is { } b && a != b) return a.CompareTo(b);
        if (left is not null && right is null) return -1;
        if (left is null && right is not null) return 1;
        return CodePointOrder.Instance.Compare(x, y);
    }

    /// <summary>The digits <paramref name="fileName"/> starts with (empty when none), and the rest without '.sql' and the '-' or '_' after the digits.</summary>
    public static (string Version, string Name) Parts(string fileName)
    {
        var digits = 0;
        while (digits < fileName.Length && char.IsAsciiDigit(fileName[digits])) digits++;
        var stem = fileName.EndsWith(".sql", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - ".sql".Length) : fileName;
        var name = digits >= stem.Length ? string.Empty : stem.Substring(digits).TrimStart('-', '_');
        return (fileName.Substring(0, digits), name);
    }

    // The file name's leading number; null when it starts with no digit. Discovery refuses a
    // number beyond 64 bits (sql-migrate panics on it), so it is not ordered here.
    private static long? Number(string fileName)
    {
        var digits = Parts(fileName).Version;
        return digits.Length > 0 && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
