namespace SchemaTasks.Sql;

/// <summary>
/// The character sets of MySQL 8 and MariaDB, by the most bytes one character takes
/// (<c>information_schema.CHARACTER_SETS.MAXLEN</c>): what decides how many characters a TEXT
/// type holds, and so what <c>CONVERT TO CHARACTER SET</c> widens it to.
/// </summary>
internal static class MySqlCharsets
{
    /// <summary>A charset clause that names no charset the migrations can tell (<c>DEFAULT</c>, an unknown name or collation).</summary>
    public const string Unknown = "";

    /// <summary>The pseudo charset of binary strings: <c>CONVERT TO CHARACTER SET binary</c> makes text columns binary.</summary>
    public const string Binary = "binary";

    private static readonly Dictionary<string, int> MaxBytesPerCharacter = new(StringComparer.Ordinal)
    {
        ["armscii8"] = 1, ["ascii"] = 1, ["big5"] = 2, ["binary"] = 1, ["cp1250"] = 1, ["cp1251"] = 1, ["cp1256"] = 1,
        ["cp1257"] = 1, ["cp850"] = 1, ["cp852"] = 1, ["cp866"] = 1, ["cp932"] = 2, ["dec8"] = 1, ["eucjpms"] = 3,
        ["euckr"] = 2, ["gb18030"] = 4, ["gb2312"] = 2, ["gbk"] = 2, ["geostd8"] = 1, ["greek"] = 1, ["hebrew"] = 1,
        ["hp8"] = 1, ["keybcs2"] = 1, ["koi8r"] = 1, ["koi8u"] = 1, ["latin1"] = 1, ["latin2"] = 1, ["latin5"] = 1,
        ["latin7"] = 1, ["macce"] = 1, ["macroman"] = 1, ["sjis"] = 2, ["swe7"] = 1, ["tis620"] = 1, ["ucs2"] = 2,
        ["ujis"] = 3, ["utf16"] = 4, ["utf16le"] = 4, ["utf32"] = 4, ["utf8mb3"] = 3, ["utf8mb4"] = 4,
    };

    /// <summary>
    /// The charset a written name stands for, in lower case; <c>utf8</c> is <c>utf8mb3</c> (MySQL 8,
    /// and MariaDB under its default <c>old_mode=UTF8_IS_UTF8MB3</c>). <see cref="Unknown"/> for
    /// <c>DEFAULT</c> (the database's charset) and names neither server has.
    /// </summary>
    public static string Named(string written)
    {
        var name = written.ToLowerInvariant();
        if (name == "utf8") return "utf8mb3";
        return MaxBytesPerCharacter.ContainsKey(name) ? name : Unknown;
    }

    /// <summary>
    /// The charset of a collation: the part of its name before the first <c>_</c>
    /// (<c>utf8mb4_unicode_ci</c>), and <c>binary</c> for <c>binary</c>. <see cref="Unknown"/> for
    /// collations without one (MariaDB's <c>uca1400_ai_ci</c> takes the charset around it).
    /// </summary>
    public static string OfCollation(string written)
    {
        var name = written.ToLowerInvariant();
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return Named(underscore < 0 ? name : name.Substring(0, underscore));
    }

    /// <summary>Whether MariaDB 10.11 has the charset a written name stands for (it lacks MySQL 8's gb18030).</summary>
    public static bool MariaDbHas(string written) => Named(written) is var name && name != Unknown && name != "gb18030";

    /// <summary>The most bytes a character of <paramref name="charset"/> takes, or <see langword="null"/> when it is not known.</summary>
    public static int? MaxBytes(string? charset)
        => charset is not null && MaxBytesPerCharacter.TryGetValue(charset, out var bytes) ? bytes : null;
}
