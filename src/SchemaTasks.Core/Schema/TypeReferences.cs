using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Keeps columns and domains that name a type in step when the type is renamed, moved or dropped.</summary>
internal static class TypeReferences
{
    /// <summary>What uses <paramref name="type"/>: columns and domains of it, and defaults and CHECKs that cast to it.</summary>
    public static List<string> Dependents(Catalog catalog, QualifiedName type, IdentifierRules rules)
    {
        var dependents = new List<string>();
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.TypeReference == type) dependents.Add($"column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
                else if (CastTypes.Names(column.Default, type, rules)) dependents.Add($"the default of column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
            }

            foreach (var check in table.Checks.Where(c => CastTypes.Names(c, type, rules)))
            {
                dependents.Add($"constraint {rules.Quote(check.Name)} of {rules.Quote(table.Name)}");
            }
        }

        foreach (var domain in catalog.Domains.Values)
        {
            if (domain.BaseTypeReference == type) dependents.Add($"domain {rules.Quote(domain.Name)}");
            else if (CastTypes.Names(domain.Default, type, rules)) dependents.Add($"domain {rules.Quote(domain.Name)} (its default)");
            foreach (var check in domain.Checks.Where(c => CastTypes.Names(c, type, rules)))
            {
                dependents.Add($"constraint {rules.Quote(check.Name)} of domain {rules.Quote(domain.Name)}");
            }
        }

        return dependents;
    }

    /// <summary>Points every use of <paramref name="from"/> at <paramref name="to"/>, rewriting type texts.</summary>
    public static Catalog Retarget(Catalog catalog, QualifiedName from, QualifiedName to, IdentifierRules rules)
    {
        catalog = DomainColumnDefaults.Retarget(catalog, from, to, rules);
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var columns = table.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                if (column.TypeReference == from)
                {
                    var text = rules.Quote(to);
                    columns = columns.SetItem(i, column with { TypeReference = to, Type = column.IsArray ? text + "[]" : text });
                }
            }

            if (columns != table.Columns) tables = tables.SetItem(table.Name, table with { Columns = columns });
        }

        var domains = catalog.Domains;
        foreach (var domain in catalog.Domains.Values)
        {
            if (domain.BaseTypeReference == from)
            {
                var text = rules.Quote(to) + (domain.BaseType.EndsWith("[]", StringComparison.Ordinal) ? "[]" : string.Empty);
                domains = domains.SetItem(domain.Name, domain with { BaseTypeReference = to, BaseType = text });
            }
        }

        return catalog.With(tables: tables, domains: domains);
    }

    /// <summary>
    /// Removes what DROP ... CASCADE removes with a type: columns of that type, domains over it or
    /// with a default that casts to it (recursively), and the column defaults and CHECKs that cast to it.
    /// </summary>
    public static Catalog DropDependents(Catalog catalog, QualifiedName type, IdentifierRules rules, int depth = 0)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var kept = table.Columns.RemoveAll(c => c.TypeReference == type);
            var checks = table.Checks.RemoveAll(k => CastTypes.Names(k, type, rules));
            if (kept.Length != table.Columns.Length)
            {
                var dropped = table.Columns.Where(c => c.TypeReference == type).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
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

        catalog = catalog.With(tables: tables, domains: domains);
        if (depth > 16) return catalog;

        // The server records a domain's default as the domain's own dependency, so the domain goes too.
        foreach (var domain in catalog.Domains.Values.Where(d => d.BaseTypeReference == type || CastTypes.Names(d.Default, type, rules)).ToList())
        {
            catalog = DropDependents(catalog, domain.Name, rules, depth + 1);
            catalog = catalog.With(domains: catalog.Domains.Remove(domain.Name));
        }

        return catalog;
    }
}
