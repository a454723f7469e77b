using System.Text;

namespace SchemaTasks.Schema;

/// <summary>
/// The text form of a PostgreSQL array (<c>{a,"c d",NULL}</c>, nested <c>{{a},{b}}</c>), read and
/// written as <c>array_in</c> and <c>array_out</c> do for the comma delimiter. Only what can be
/// read exactly is read: an element with a backslash outside double quotes, or a dimension
/// prefix (<c>[1:2]={...}</c>), is left to the caller as unreadable.
/// </summary>
internal static class PostgresArrayLiteral
{
    /// <summary>An element: a string (<see langword="null"/> for NULL), or the elements of a nested array.</summary>
    internal sealed record Element(string? Value, IReadOnlyList<Element>? Items);

    /// <summary>Reads <paramref name="text"/> as an array; <see langword="null"/> when it is not one that can be read exactly.</summary>
    public static IReadOnlyList<Element>? TryRead(string text)
    {
        var at = SkipSpace(text, 0);
        var items = ReadArray(text, ref at);
        return items is not null && SkipSpace(text, at) == text.Length ? items : null;
    }

    /// <summary>Writes the elements as <c>array_out</c> shows them.</summary>
    public static string Write(IReadOnlyList<Element> items)
    {
        var builder = new StringBuilder();
        Write(items, builder);
        return builder.ToString();
    }

    /// <summary>The elements with every string equal to <paramref name="from"/> made <paramref name="to"/>, and whether any was.</summary>
    public static (IReadOnlyList<Element> Items, bool Changed) Replace(IReadOnlyList<Element> items, string from, string to)
    {
        var changed = false;
        var result = new List<Element>(items.Count);
        foreach (var item in items)
        {
            if (item.Items is { } nested)
            {
                var (inner, innerChanged) = Replace(nested, from, to);
                changed |= innerChanged;
                result.Add(item with { Items = inner });
            }
            else if (item.Value == from)
            {
                changed = true;
                result.Add(item with { Value = to });
            }
            else
            {
                result.Add(item);
            }
        }

        return (result, changed);
    }

    private static List<Element>? ReadArray(string text, ref int at)
    {
        if (at >= text.Length || text[at] != '{') return null;
        at = SkipSpace(text, at + 1);
        var items = new List<Element>();
        if (at < text.Length && text[at] == '}')
        {
            at++;
            return items;
        }

        while (true)
        {
            var item = ReadElement(text, ref at);
            if (item is null) return null;
            items.Add(item);
            at = SkipSpace(text, at);
            if (at >= text.Length) return null;
            if (text[at] == '}')
            {
                at++;
                break;
            }

            if (text[at] != ',') return null;
            at = SkipSpace(text, at + 1);
        }

        // array_in refuses a level that mixes nested arrays with strings.
        var nestedCount = items.Count(i => i.Items is not null);
        return nestedCount == 0 || nestedCount == items.Count ? items : null;
    }

    private static Element? ReadElement(string text, ref int at)
    {
        if (at >= text.Length) return null;
        if (text[at] == '{') return ReadArray(text, ref at) is { } nested ? new Element(null, nested) : null;
        if (text[at] == '"') return ReadQuoted(text, ref at);

        var start = at;
        while (at < text.Length && text[at] is not (',' or '}'))
        {
            if (text[at] is '\\' or '"' or '{') return null;
            at++;
        }

        var value = text[start..at].TrimEnd(SpaceCharacters);
        if (value.Length == 0) return null;
        return new Element(value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : value, null);
    }

    private static Element? ReadQuoted(string text, ref int at)
    {
        var value = new StringBuilder();
        at++;
        while (at < text.Length && text[at] != '"')
        {
            if (text[at] == '\\') at++;
            if (at >= text.Length) return null;
            value.Append(text[at++]);
        }

        if (at >= text.Length) return null;
        at++;
        return new Element(value.ToString(), null);
    }

    private static void Write(IReadOnlyList<Element> items, StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) builder.Append(',');
            var item = items[i];
            if (item.Items is { } nested) Write(nested, builder);
            else if (item.Value is not { } value) builder.Append("NULL");
            else if (!NeedsQuotes(value)) builder.Append(value);
            else
            {
                builder.Append('"');
                foreach (var c in value)
                {
                    if (c is '"' or '\\') builder.Append('\\');
                    builder.Append(c);
                }

                builder.Append('"');
            }
        }

        builder.Append('}');
    }

    // What array_out quotes: an empty string, one that reads as NULL, and one with a brace, the
    // delimiter, a double quote, a backslash or white space in it.
    private static bool NeedsQuotes(string value)
        => value.Length == 0 || value.Equals("NULL", StringComparison.OrdinalIgnoreCase)
           || value.Any(c => c is '{' or '}' or ',' or '"' or '\\' || SpaceCharacters.Contains(c));

    // The white space array_in skips around elements (array_isspace).
    private static readonly char[] SpaceCharacters = [' ', '\t', '\n', '\r', '\v', '\f'];

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && SpaceCharacters.Contains(text[at])) at++;
        return at;
    }
}
