namespace SchemaTasks.Schema;

/// <summary>
/// A MySQL or MariaDB column type as the engine keeps it, in lower case as the server shows it
/// (<c>varchar(255)</c>, <c>decimal(10,2) unsigned</c>, <c>bit(8)</c>), read without allocating:
/// its name, the numbers in its parentheses and what follows them. The one reading of a type's
/// text for the checks that need its length, precision, scale or width.
/// </summary>
internal readonly ref struct MySqlTypeText
{
    /// <summary>Reads <paramref name="type"/>.</summary>
    public MySqlTypeText(string type)
    {
        var span = type.AsSpan();
        var end = 0;
        while (end < span.Length && span[end] is >= 'a' and <= 'z') end++;
        Name = span[..end];
        M = -1;
        if (end < span.Length && span[end] == '(' && span.IndexOf(')') is var close and > 0)
        {
            HasArguments = true;
            var arguments = span[(end + 1)..close];
            var comma = arguments.IndexOf(',');
            M = Number(comma < 0 ? arguments : arguments[..comma]);
            D = comma < 0 ? null : Number(arguments[(comma + 1)..]);
            end = close + 1;
        }

        Rest = span[end..];
    }

    /// <summary>The type's name: the letters it starts with (<c>varchar</c>, <c>int</c>).</summary>
    public ReadOnlySpan<char> Name { get; }

    /// <summary>Whether parentheses follow the name.</summary>
    public bool HasArguments { get; }

    /// <summary>
    /// The first number in the parentheses (a length, precision or display width): -1 when none is
    /// written or it is not plain digits; <see cref="long.MaxValue"/> past ten digits, beyond every limit.
    /// </summary>
    public long M { get; }

    /// <summary>The second number (a scale), as <see cref="M"/>; <see langword="null"/> when only one is written.</summary>
    public long? D { get; }

    /// <summary>What follows the parentheses, or the name when there are none (<c> unsigned zerofill</c>).</summary>
    public ReadOnlySpan<char> Rest { get; }

    /// <summary>Whether the type is UNSIGNED.</summary>
    public bool Unsigned => Rest.StartsWith(" unsigned".AsSpan(), StringComparison.Ordinal);

    /// <summary>The n of a type written exactly <c>name(n)</c>; <see langword="null"/> for any other shape.</summary>
    public long? Length => HasArguments && D is null && M >= 0 && Rest.IsEmpty ? M : null;

    private static long Number(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0) return -1;
        long value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return -1;
            if (value < 10_000_000_000) value = (value * 10) + (c - '0');
        }

        return value >= 10_000_000_000 ? long.MaxValue : value;
    }
}
