using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A MySQL or MariaDB default that an ENUM or SET column does not list: the servers refuse it
/// (error 1067, Invalid default value), and store a listed one in the column's own spelling. They compare by the column's collation, which the
/// default ones make case-insensitive and blind to trailing spaces (<c>'X '</c> is <c>'x'</c>),
/// but leading spaces count; a SET default is its values joined by commas, each listed, none
/// empty, with no space around the commas (<c>''</c> is the empty set). A case-sensitive
/// collation refuses more (<c>'X'</c> under utf8mb4_bin): SchemaTasks does not follow collations
/// here, so it refuses only what every collation refuses, and leaves alone a default or value
/// list with a character outside ASCII (accent-insensitive collations match <c>'e'</c> to
/// <c>'é'</c>), a number (an index, or a bit mask for SET) and an expression.
/// </summary>
internal static class MySqlInlineValueDefaults
{
    /// <summary>What the server makes of a default: the value as it stores it, or the part it does not list.</summary>
    /// <param name="Stored">The value in the column's own spelling (a SET's in declared order, once each), quoted.</param>
    /// <param name="Unlisted">The part of the default the column does not list.</param>
    internal readonly record struct Reading(string? Stored, string? Unlisted);

    /// <summary>How the server reads <paramref name="stored"/> for the column; both <see langword="null"/> when SchemaTasks cannot tell.</summary>
    public static Reading Read(InlineValueList values, string stored, IdentifierRules rules)
    {
        // The servers refuse an unlisted value however it is written; SchemaTasks reads only a plain string literal exactly.
        if (StoredLiterals.PlainString(stored, rules) is not { } text || !MySqlClientCharset.IsAscii(text) || values.Values.Any(v => !MySqlClientCharset.IsAscii(v))) return default;
        if (values.Kind == InlineValueKind.Enum)
        {
            return Listed(values, text.TrimEnd(' ')) is { } member ? new Reading(rules.QuoteString(member), null) : new Reading(null, text);
        }

        if (text.Length == 0) return new Reading(rules.QuoteString(string.Empty), null);
        var items = text.TrimEnd(' ').Split(',');
        if (items.FirstOrDefault(item => item.Length == 0 || Listed(values, item) is null) is { } unlisted) return new Reading(null, unlisted);
        var members = values.Values.Where(v => items.Any(item => string.Equals(v, item, StringComparison.OrdinalIgnoreCase)));
        return new Reading(rules.QuoteString(string.Join(",", members)), null);
    }

    private static string? Listed(InlineValueList values, string item)
        => values.Values.FirstOrDefault(v => string.Equals(v, item, StringComparison.OrdinalIgnoreCase));
}
