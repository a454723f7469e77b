using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaTasks.ValueSets;

/// <summary>
/// How a <c>[DbEnum]</c> target names an object: <c>Type</c>, <c>schema.Type</c>,
/// <c>table.column</c> or <c>schema.table.column</c>. A part may be quoted with <c>"</c> or
/// <c>`</c> (a doubled quote stands for itself), and a dot inside quotes belongs to the part:
/// <c>"my.status"</c> is one name.
/// </summary>
internal static class ObjectReference
{
    /// <summary>The parts of <paramref name="reference"/>, unquoted; spaces outside quotes around a part are trimmed.</summary>
    public static IReadOnlyList<string> Split(string reference)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        var kept = (Start: -1, End: -1); // The span of quoted text in part, which trimming must not touch.
        for (var i = 0; i < reference.Length; i++)
        {
            var c = reference[i];
            if (c is '"' or '`')
            {
                kept.Start = kept.Start < 0 ? part.Length : kept.Start;
                i = AppendQuoted(reference, i + 1, c, part);
                kept.End = part.Length;
            }
            else if (c == '.')
            {
                parts.Add(Finish(part, kept));
                kept = (-1, -1);
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(Finish(part, kept));
        return parts;
    }

    /// <summary>The reference that names <paramref name="parts"/>; a part is quoted only where a plain one would split or lose characters.</summary>
    public static string Format(params string[] parts)
        => string.Join(".", parts.Select(p => NeedsQuotes(p) ? "\"" + p.Replace("\"", "\"\"") + "\"" : p));

    // Appends the quoted text that starts at start; a doubled quote stands for itself. Returns
    // the index of the closing quote (the end of the text when it is unclosed).
    private static int AppendQuoted(string text, int start, char quote, StringBuilder part)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] != quote)
            {
                part.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == quote)
            {
                part.Append(quote);
                i++;
            }
            else
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string Finish(StringBuilder part, (int Start, int End) kept)
    {
        var text = part.ToString();
        part.Clear();
        if (kept.Start < 0)
        {
            return text.Trim();
        }

        return text.Substring(0, kept.Start).TrimStart() + text.Substring(kept.Start, kept.End - kept.Start) + text.Substring(kept.End).TrimEnd();
    }

    private static bool NeedsQuotes(string part)
        => part.Length == 0 || part.IndexOf('.') >= 0 || part.IndexOf('"') >= 0 || part.IndexOf('`') >= 0 || part.Trim().Length != part.Length;
}
