using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// A MySQL or MariaDB column type and character set as the servers compare them on the two sides
/// of a foreign key (<see cref="MariaDbForeignKeyChecks"/>, <see cref="MySqlForeignKeyRetype"/>):
/// an integer's display width does not count, and <c>utf8</c> is <c>utf8mb3</c>.
/// </summary>
internal static class MySqlKeyColumnTypes
{
    // Interpreted: matched against a few short type names per foreign key.
    private static readonly Regex IntegerDisplayWidth = new(@"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)", RegexOptions.CultureInvariant);

    /// <summary>The type in lower case, without an integer's display width (<c>int(11)</c> is <c>int</c>).</summary>
    public static string Comparable(string type) => IntegerDisplayWidth.Replace(type.ToLowerInvariant(), "$1");

    /// <summary>The character set's name in lower case, <c>utf8</c> as <c>utf8mb3</c>.</summary>
    public static string Charset(string charset) => charset.ToLowerInvariant() is "utf8" ? "utf8mb3" : charset.ToLowerInvariant();
}
