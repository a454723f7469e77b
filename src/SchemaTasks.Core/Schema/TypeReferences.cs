using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Keeps columns and domains that name a type in step when the type is renamed, moved or dropped.</summary>
internal static class TypeReferences
{
    /// <summary>Whether any column or domain uses <paramref name="type"/>.</summary>
    public static List<string> Dependents(Catalog catalog, QualifiedName type, IdentifierRules rules)
    {
        var dependents = new List<string>();
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.TypeReference == type) dependents.Add($"column {rules.Quote(table.Name)}.{rules.Quote(column.Name)}");
            }
        }

        foreach (var domain in catalog.Domains.Values)
        {
            if (domain.BaseTypeReference == type) dependents.Add($"domain {rules.Quote(domain.Name)}");
        }

        return dependents;
    }

    /// <summary>Points every use of <paramref name="from"/> at <paramref name="to"/>, rewriting type texts.</summary>
    public static Catalog Retarget(Catalog catalog, QualifiedName from, QualifiedName to, IdentifierRules rules)
    {
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
                domains = domains.SetItem(domain.Name, domain with { BaseTypeReference = to, BaseType = rules.Quote(to) });
            }
        }

        return catalog.With(tables: tables, domains: domains);
    }

    /// <summary>Removes what DROP ... CASCADE removes with a type: columns of that type and domains over it (recursively).</summary>
    public static Catalog DropDependents(Catalog catalog, QualifiedName type, int depth = 0)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var kept = table.Columns.RemoveAll(c => c.TypeReference == type);
            if (kept.Length != table.Columns.Length)
            {
                var dropped = table.Columns.Where(c => c.TypeReference == type).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                tables = tables.SetItem(table.Name, table with { Columns = kept, Checks = table.Checks.RemoveAll(k => k.Column is not null && dropped.Contains(k.Column)) });
            }
        }

        catalog = catalog.With(tables: tables);
        if (depth > 16) return catalog;
        foreach (var domain in catalog.Domains.Values.Where(d => d.BaseTypeReference == type).ToList())
        {
            catalog = DropDependents(catalog, domain.Name, depth + 1);
            catalog = catalog.With(domains: catalog.Domains.Remove(domain.Name));
        }

        return catalog;
    }
}
