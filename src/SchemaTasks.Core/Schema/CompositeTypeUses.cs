using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Where a PostgreSQL composite type's values are held: in domains over it, in other composites'
/// attributes and in table columns, arrays of them included. Columns and domains name a composite
/// by their type text only (their <c>TypeReference</c> is kept for enum types and domains, as the
/// snapshot shows), so those are matched by the text the parser gives the type.
/// </summary>
internal static class CompositeTypeUses
{
    /// <summary>Whether <paramref name="text"/> is the type <paramref name="type"/> or an array of it, as the parser writes a user type.</summary>
    public static bool NamesByText(string text, QualifiedName type, IdentifierRules rules)
    {
        var quoted = rules.Quote(type);
        return text.StartsWith(quoted, StringComparison.Ordinal) && (text.Length == quoted.Length || (text.Length == quoted.Length + 2 && text.EndsWith("[]", StringComparison.Ordinal)));
    }

    /// <summary>The types whose values hold a value of <paramref name="type"/>: itself, and the domains and composites over it, repeatedly.</summary>
    public static HashSet<QualifiedName> Holders(Catalog catalog, QualifiedName type, IdentifierRules rules)
    {
        var holders = new HashSet<QualifiedName> { type };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var domain in catalog.Domains.Values)
            {
                if (!holders.Contains(domain.Name) && Holds(domain.BaseType, domain.BaseTypeReference, holders, rules)) grew |= holders.Add(domain.Name);
            }

            foreach (var composite in catalog.Composites.Values)
            {
                if (!holders.Contains(composite.Name) && composite.Attributes.Any(a => a.TypeReference is { } r && holders.Contains(r))) grew |= holders.Add(composite.Name);
            }
        }

        return holders;
    }

    /// <summary>The first table column whose rows hold a value of one of <paramref name="holders"/>, or <see langword="null"/>.</summary>
    public static (QualifiedName Table, string Column)? StoringColumn(Catalog catalog, HashSet<QualifiedName> holders, IdentifierRules rules)
    {
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (Holds(column.Type, column.TypeReference, holders, rules)) return (table.Name, column.Name);
            }
        }

        return null;
    }

    private static bool Holds(string text, QualifiedName? reference, HashSet<QualifiedName> holders, IdentifierRules rules)
        => reference is { } named ? holders.Contains(named) : holders.Any(h => NamesByText(text, h, rules));
}
