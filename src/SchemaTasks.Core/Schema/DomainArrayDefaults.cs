namespace SchemaTasks.Schema;

/// <summary>
/// A string default of an array of a PostgreSQL domain (<c>d[] DEFAULT '{c}'</c>, <c>'{c}'::d[]</c>,
/// a column of a domain over <c>d[]</c>): array input reads each element with the domain's input,
/// which checks the domain's constraints when the default is taken, so the server refuses an
/// element a value-set CHECK of the domain (or of a domain under it) does not list (23514), or a
/// NULL element of a NOT NULL domain (23502). A scalar domain's default, and <c>ARRAY['c']::d[]</c>,
/// are checked only when a row is written, and taken. Only domains over <c>text</c> or an
/// unbounded <c>varchar</c> are judged, whose values compare as the strings they are.
/// </summary>
internal static class DomainArrayDefaults
{
    /// <summary>Why the server refuses <paramref name="arrayText"/> as a value of the array type, or <see langword="null"/> when it takes it or SchemaTasks cannot tell.</summary>
    /// <param name="catalog">The catalog, for domains.</param>
    /// <param name="reference">The domain the type names (its element type for an array).</param>
    /// <param name="isArray">Whether the type is an array of <paramref name="reference"/>.</param>
    /// <param name="arrayText">The string's value.</param>
    /// <param name="context">Rules and names for the message.</param>
    public static PostgresDefaultValues.Refusal? Of(Catalog catalog, QualifiedName? reference, bool isArray, string arrayText, ApplyContext context)
    {
        if (reference is not { } name || !catalog.Domains.TryGetValue(name, out var element)) return null;
        if (!isArray)
        {
            if (!element.BaseType.EndsWith("[]", StringComparison.Ordinal) || element.BaseTypeReference is not { } inner || !catalog.Domains.TryGetValue(inner, out element)) return null;
        }

        if (Rules(catalog, element) is not { } rules || PostgresArrayLiteral.TryRead(arrayText) is not { } items) return null;
        return Refused(items, element, rules, context);
    }

    // The domain and those under it: NOT NULL anywhere, and their value-set CHECKs; null when the
    // base type is not a plain string type.
    private static (bool NotNull, List<(CatalogDomain Domain, CatalogCheck Check)> Checks)? Rules(Catalog catalog, CatalogDomain domain)
    {
        var notNull = false;
        var checks = new List<(CatalogDomain, CatalogCheck)>();
        for (var depth = 0; depth < 32; depth++)
        {
            notNull |= domain.IsNotNull;
            foreach (var check in domain.Checks)
            {
                if (check.IsValueSet) checks.Add((domain, check));
            }

            if (domain.BaseTypeReference is { } next && catalog.Domains.TryGetValue(next, out var under) && !domain.BaseType.EndsWith("[]", StringComparison.Ordinal))
            {
                domain = under;
                continue;
            }

            return domain.BaseTypeReference is null && domain.BaseType is "text" or "character varying" ? (notNull, checks) : null;
        }

        return null;
    }

    private static PostgresDefaultValues.Refusal? Refused(IReadOnlyList<PostgresArrayLiteral.Element> items, CatalogDomain element, (bool NotNull, List<(CatalogDomain Domain, CatalogCheck Check)> Checks) rules, ApplyContext context)
    {
        foreach (var item in items)
        {
            if (item.Items is { } nested)
            {
                if (Refused(nested, element, rules, context) is { } refusal) return refusal;
                continue;
            }

            if (item.Value is not { } value)
            {
                if (!rules.NotNull) continue;
                return new PostgresDefaultValues.Refusal(
                    $"domain {context.Show(element.Name)} does not allow null values, and the array holds NULL (SQLSTATE 23502)",
                    "Leave the NULL out of the array, or drop NOT NULL from the domain");
            }

            foreach (var (domain, check) in rules.Checks)
            {
                if (check.Values.Contains(value, StringComparer.Ordinal)) continue;
                return new PostgresDefaultValues.Refusal(
                    $"the element {context.ShowValue(value)} violates check constraint {context.Show(check.Name)} of domain {context.Show(domain.Name)}, which allows {string.Join(", ", check.Values.Select(context.ShowValue))} (SQLSTATE 23514)",
                    "Use one of the values the domain allows");
            }
        }

        return null;
    }
}
