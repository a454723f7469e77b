using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The default of an enum array column after <c>ALTER TYPE ... RENAME VALUE</c>. PostgreSQL keeps
/// the array constant by the labels' OIDs, so it shows the new label: <c>'{a,b}'</c> becomes
/// <c>'{aa,b}'</c> and <c>ARRAY['a'::st]</c> becomes <c>ARRAY['aa'::st]</c>, each written again as
/// the server writes it. The engine stores those two forms (<see cref="StoredDefaults"/>).
/// </summary>
internal static class EnumArrayDefaults
{
    /// <summary>What a rename makes of a default.</summary>
    /// <param name="Default">The default after the rename.</param>
    /// <param name="Unread">Whether the default is in neither form, yet mentions the label, so it may hold it.</param>
    internal readonly record struct Renamed(string Default, bool Unread);

    public static Renamed RenameLabel(string stored, string elementType, string from, string to, IdentifierRules rules)
    {
        if (Unquoted(stored) is { } arrayText)
        {
            if (PostgresArrayLiteral.TryRead(arrayText) is { } items)
            {
                var (renamed, changed) = PostgresArrayLiteral.Replace(items, from, to);
                return new Renamed(changed ? rules.QuoteString(PostgresArrayLiteral.Write(renamed)) : stored, false);
            }
        }
        else if (ArrayConstructor(stored, elementType) is { } labels)
        {
            if (!labels.Contains(from)) return new Renamed(stored, false);
            var elements = labels.Select(label => rules.QuoteString(label == from ? to : label) + "::" + elementType);
            return new Renamed(stored[..("array[".Length)] + string.Join(", ", elements) + "]", false);
        }

        return new Renamed(stored, stored.Contains(from, StringComparison.Ordinal));
    }

    /// <summary>
    /// The labels a stored default of an enum array column holds, NULLs left out, when it is in
    /// one of the two forms the engine stores; <see langword="null"/> for any other default.
    /// </summary>
    public static IReadOnlyList<string>? Labels(string stored, string elementType)
    {
        if (Unquoted(stored) is { } arrayText)
        {
            if (PostgresArrayLiteral.TryRead(arrayText) is not { } items) return null;
            var labels = new List<string>();
            Collect(items, labels);
            return labels;
        }

        return ArrayConstructor(stored, elementType);
    }

    private static void Collect(IReadOnlyList<PostgresArrayLiteral.Element> items, List<string> labels)
    {
        foreach (var item in items)
        {
            if (item.Items is { } nested) Collect(nested, labels);
            else if (item.Value is { } label) labels.Add(label);
        }
    }

    // The text of a default that is one plain string literal ('...' with '' for a quote).
    private static string? Unquoted(string stored)
    {
        if (stored.Length < 2 || stored[0] != '\'' || stored[^1] != '\'') return null;
        var text = new StringBuilder(stored.Length);
        for (var i = 1; i < stored.Length - 1; i++)
        {
            if (stored[i] == '\'')
            {
                if (i + 1 >= stored.Length - 1 || stored[i + 1] != '\'') return null;
                i++;
            }

            text.Append(stored[i]);
        }

        return text.ToString();
    }

    // The labels of array['a'::T, 'b'::T] with T the column's element type, as StoredDefaults writes it.
    private static List<string>? ArrayConstructor(string stored, string elementType)
    {
        const string open = "array[";
        if (!stored.StartsWith(open, StringComparison.OrdinalIgnoreCase) || !stored.EndsWith(']')) return null;
        var labels = new List<string>();
        var at = open.Length;
        var cast = "::" + elementType;
        while (true)
        {
            if (at >= stored.Length || stored[at] != '\'') return null;
            var label = new StringBuilder();
            at++;
            while (true)
            {
                if (at >= stored.Length) return null;
                if (stored[at] == '\'')
                {
                    if (at + 1 < stored.Length && stored[at + 1] == '\'')
                    {
                        label.Append('\'');
                        at += 2;
                        continue;
                    }

                    at++;
                    break;
                }

                label.Append(stored[at++]);
            }

            if (string.CompareOrdinal(stored, at, cast, 0, cast.Length) != 0) return null;
            at += cast.Length;
            labels.Add(label.ToString());
            if (at == stored.Length - 1) return labels;
            if (string.CompareOrdinal(stored, at, ", ", 0, 2) != 0) return null;
            at += 2;
        }
    }
}
