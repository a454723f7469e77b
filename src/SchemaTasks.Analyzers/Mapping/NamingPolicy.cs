using System.Text;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// Turns a C# member name into the database value, as <c>DbNaming</c> asks. Snake case follows
/// the rule Npgsql applies to enums, so a mapping that works with Npgsql is checked as such:
/// a word starts at an upper-case letter after a lower-case one, and at the last capital of
/// an acronym (<c>HTTPRequest</c> → <c>http_request</c>); digits join the word before them.
/// </summary>
internal static class NamingPolicy
{
    public const int SnakeCase = 0;
    public const int Exact = 1;
    public const int UpperSnakeCase = 2;
    public const int KebabCase = 3;

    /// <summary>Every policy, in the order a fix proposes them.</summary>
    public static readonly int[] All = [SnakeCase, Exact, UpperSnakeCase, KebabCase];

    /// <summary>The policy's name in the <c>DbNaming</c> enum the package adds.</summary>
    public static string NameOf(int policy) => policy switch
    {
        Exact => "Exact",
        UpperSnakeCase => "UpperSnakeCase",
        KebabCase => "KebabCase",
        _ => "SnakeCase",
    };

    public static string Apply(int policy, string name) => policy switch
    {
        Exact => name,
        UpperSnakeCase => Separate(name, '_').ToUpperInvariant(),
        KebabCase => Separate(name, '-'),
        _ => Separate(name, '_'),
    };

    private static string Separate(string name, char separator)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && StartsWord(name, i))
            {
                result.Append(separator);
            }

            result.Append(c == '_' ? separator : char.ToLowerInvariant(c));
        }

        return result.ToString();
    }

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        if (previous == '_')
        {
            return false;
        }

        var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
        return char.IsLower(previous) || (char.IsUpper(previous) && nextIsLower);
    }
}
