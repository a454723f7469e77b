using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// PostgreSQL's name length limit: a name keeps at most 63 bytes of UTF-8 (NAMEDATALEN - 1),
/// cut on a character boundary. The scanner truncates longer identifiers (with a NOTICE), and
/// generated names (<c>table_column_check</c>, <c>table_column_seq</c>) are shortened by taking
/// characters from the longer of the two parts first.
/// </summary>
internal static class PostgresNames
{
    /// <summary>The most bytes a name keeps.</summary>
    public const int MaxBytes = 63;

    /// <summary>The name as the dialect stores it: PostgreSQL cuts it to 63 bytes; others keep it.</summary>
    public static string Stored(IdentifierRules rules, string name)
        => rules.Dialect == SqlDialect.Postgres ? Truncate(name) : name;

    /// <summary>The longest prefix of <paramref name="name"/> of at most 63 bytes that ends on a character boundary.</summary>
    public static string Truncate(string name) => Clip(name, MaxBytes);

    /// <summary>
    /// The name PostgreSQL makes from <c>name1</c>, an optional <c>name2</c> and an optional
    /// label, joined by underscores: while the parts are too long, the longer one loses a byte
    /// (<c>name2</c> on a tie), then each is cut back to a character boundary.
    /// </summary>
    public static string MakeObjectName(string name1, string? name2, string? label)
    {
        var overhead = (name2 is null ? 0 : 1) + (label is null ? 0 : Encoding.UTF8.GetByteCount(label) + 1);
        var available = MaxBytes - overhead;
        var name1Bytes = Encoding.UTF8.GetByteCount(name1);
        var name2Bytes = name2 is null ? 0 : Encoding.UTF8.GetByteCount(name2);
        while (name1Bytes + name2Bytes > available)
        {
            if (name1Bytes > name2Bytes) name1Bytes--;
            else name2Bytes--;
        }

        var first = Clip(name1, name1Bytes);
        return (name2, label) switch
        {
            (null, null) => first,
            (null, { } l) => string.Concat(first, "_", l),
            ({ } n, null) => string.Concat(first, "_", Clip(n, name2Bytes)),
            ({ } n, { } l) => first + "_" + Clip(n, name2Bytes) + "_" + l,
        };
    }

    private static string Clip(string text, int maxBytes)
    {
        if (text.Length * 3 <= maxBytes || Encoding.UTF8.GetByteCount(text) <= maxBytes) return text;
        var bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(i, length));
            if (bytes + size > maxBytes) break;
            bytes += size;
            i += length;
        }

        return text[..i];
    }
}
