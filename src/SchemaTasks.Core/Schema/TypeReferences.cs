using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Keeps columns and domains that name a type in step when the type is renamed, moved or dropped.</summary>
internal static class TypeReferences
{
    /// <summary>What uses <paramref name="type"/>: columns, composite attributes and domains of it, and defaults and CHECKs that cast to it.</summary>
    public static List<string> Dependents(Catalog catalog, QualifiedName type, IdentifierRules rules)
    {
        var dependents = new List<string>();
        var byText = catalog.OtherTypes.Contains(type);
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (Names(column.Type, column.TypeReference, type, byText, rules)) dependents.Add($"column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
                else if (CastTypes.Names(column.Default, type, rules)) dependents.Add($"the default of column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
            }

            foreach (var check in table.Checks.Where(c => CastTypes.Names(c, type, rules)))
            {
                dependents.Add($"constraint {rules.Quote(check.Name)} of {rules.Quote(table.Name)}");
            }
        }

        foreach (var composite in catalog.Composites.Values)
        {
            foreach (var attribute in composite.Attributes.Where(a => a.TypeReference == type))
            {
                dependents.Add($"column {rules.Quote(attribute.Name)} of composite type {rules.Quote(composite.Name)}");
            }
        }

        foreach (var domain in catalog.Domains.Values)
        {
            if (Names(domain.BaseType, domain.BaseTypeReference, type, byText, rules)) dependents.Add($"domain {rules.Quote(domain.Name)}");
            else if (CastTypes.Names(domain.Default, type, rules)) dependents.Add($"domain {rules.Quote(domain.Name)} (its default)");
            foreach (var check in domain.Checks.Where(c => CastTypes.Names(c, type, rules)))
            {
                dependents.Add($"constraint {rules.Quote(check.Name)} of domain {rules.Quote(domain.Name)}");
            }
        }

        return dependents;
    }

    // A column or domain keeps a reference to an enum type or domain; one of a composite, range or
    // base type (byText) is known by its type text only.
    private static bool Names(string text, QualifiedName? reference, QualifiedName type, bool byText, IdentifierRules rules)
        => reference == type || (byText && reference is null && CompositeTypeUses.NamesByText(text, type, rules));

    /// <summary>Points every use of <paramref name="from"/> at <paramref name="to"/>, rewriting type texts.</summary>
    public static Catalog Retarget(Catalog catalog, QualifiedName from, QualifiedName to, IdentifierRules rules)
    {
        catalog = DomainColumnDefaults.Retarget(catalog, from, to, rules);
        var byText = catalog.OtherTypes.Contains(from) || catalog.OtherTypes.Contains(to);
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var columns = table.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (Names(column.Type, column.TypeReference, from, byText, rules))
                {
                    var text = rules.Quote(to);
                    var isArray = column.IsArray || column.Type.EndsWith("[]", StringComparison.Ordinal);
                    columns = columns.SetItem(i, column with { TypeReference = column.TypeReference is null ? null : to, Type = isArray ? text + "[]" : text });
                }
            }

            var ofType = table.OfType == from ? to : table.OfType;
            if (columns != table.Columns || ofType != table.OfType) tables = tables.SetItem(table.Name, table with { Columns = columns, OfType = ofType });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values)
        {
            if (Names(domain.BaseType, domain.BaseTypeReference, from, byText, rules))
            {
                var text = rules.Quote(to) + (domain.BaseType.EndsWith("[]", StringComparison.Ordinal) ? "[]" : string.Empty);
                domains = domains.SetItem(domain.Name, domain with { BaseTypeReference = domain.BaseTypeReference is null ? null : to, BaseType = text });
            }
        }

        return catalog.With(tables: tables, domains: domains, composites: RetargetAttributes(catalog, from, to, rules));
    }

    private static ImmutableSortedDictionary<QualifiedName, CatalogCompositeType> RetargetAttributes(Catalog catalog, QualifiedName from, QualifiedName to, IdentifierRules rules)
    {
        var composites = catalog.Composites;
        foreach (var composite in catalog.Composites.Values)
        {
            if (!composite.Attributes.Any(a => a.TypeReference == from)) continue;
            var text = rules.Quote(to);
            var attributes = composite.Attributes.Select(a => a.TypeReference == from ? a with { TypeReference = to, Type = a.Type.EndsWith("[]", StringComparison.Ordinal) ? text + "[]" : text } : a);
            composites = composites.SetItem(composite.Name, composite with { Attributes = attributes.ToImmutableArray() });
        }

        return composites;
    }

    /// <summary>
    /// Removes what DROP ... CASCADE removes with a type: columns of that type, domains over it or
    /// with a default that casts to it (recursively), and the column defaults and CHECKs that cast to it.
    /// </summary>
    public static Catalog DropDependents(Catalog catalog, QualifiedName type, IdentifierRules rules, int depth = 0)
    {
        var byText = catalog.OtherTypes.Contains(type);
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var kept = table.Columns.RemoveAll(c => Names(c.Type, c.TypeReference, type, byText, rules));
            var checks = table.Checks.RemoveAll(k => CastTypes.Names(k, type, rules));
            if (kept.Length != table.Columns.Length)
            {
                var dropped = table.Columns.Where(c => Names(c.Type, c.TypeReference, type, byText, rules)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                checks = checks.RemoveAll(k => k.Column is not null && dropped.Contains(k.Column));
            }

            var columns = kept.Select(c => CastTypes.Names(c.Default, type, rules) ? c with { Default = null } : c).ToImmutableArray();
            if (kept.Length != table.Columns.Length || checks.Length != table.Checks.Length || !columns.SequenceEqual(kept))
            {
                tables = tables.SetItem(table.Name, table with { Columns = columns, Checks = checks });
            }
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values)
        {
            var checks = domain.Checks.RemoveAll(k => CastTypes.Names(k, type, rules));
            if (checks.Length != domain.Checks.Length) domains = domains.SetItem(domain.Name, domain with { Checks = checks });
        }

        var composites = catalog.Composites;
        foreach (var composite in catalog.Composites.Values)
        {
            var attributes = composite.Attributes.RemoveAll(a => a.TypeReference == type);
            if (attributes.Length != composite.Attributes.Length) composites = composites.SetItem(composite.Name, composite with { Attributes = attributes });
        }

        catalog = catalog.With(tables: tables, domains: domains, composites: composites);
        if (depth > 16) return catalog;

        // The server records a domain's default as the domain's own dependency, so the domain goes too.
        foreach (var domain in catalog.Domains.Values.Where(d => Names(d.BaseType, d.BaseTypeReference, type, byText, rules) || CastTypes.Names(d.Default, type, rules)).ToList())
        {
            catalog = DropDependents(catalog, domain.Name, rules, depth + 1);
            catalog = catalog.With(domains: catalog.Domains.Remove(domain.Name));
        }

        return catalog;
    }
}
