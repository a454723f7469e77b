using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL cannot check the values of a domain held in an array column, so an <c>ALTER
/// DOMAIN</c> that must check the values stored (<c>ADD CONSTRAINT</c> without <c>NOT VALID</c>,
/// <c>VALIDATE CONSTRAINT</c>, <c>SET NOT NULL</c>) is refused while any table has a column of an
/// array of the domain, of a domain over it, or of a domain over such an array (SQLSTATE 0A000,
/// cannot alter type because column uses it; checked on PostgreSQL 15, also for an empty table).
/// </summary>
internal static class DomainArrayUses
{
    /// <summary>Reports the statement when a column holds <paramref name="domain"/> in an array; <see langword="true"/> then.</summary>
    public static bool Refuses(Catalog catalog, CatalogDomain domain, string action, SqlToken at, ApplyContext context)
    {
        foreach (var table in catalog.Tables.Values)
        {
            foreach (var column in table.Columns)
            {
                if (column.TypeReference is null || HeldBy(catalog, column, domain.Name) is not { } through) continue;
                context.Error(
                    DiagnosticCodes.DomainInArrayNotAltered,
                    $"PostgreSQL refuses ALTER DOMAIN {context.Show(domain.Name)} {action}: column {context.Show(column.Name)} of {context.Show(table.Name)} holds the domain in an array, whose values the server cannot check (SQLSTATE 0A000, cannot alter type \"{through.Name}\" because column \"{table.Name.Name}.{column.Name}\" uses it). Add the constraint NOT VALID, or change the column's type first.",
                    at);
                return true;
            }
        }

        return false;
    }

    // The domain the server names (the one the array holds) when the column's type reaches the
    // domain through an array; null when it does not.
    private static QualifiedName? HeldBy(Catalog catalog, CatalogColumn column, QualifiedName domain)
    {
        var name = column.TypeReference;
        var inArray = column.IsArray;
        QualifiedName? held = inArray ? name : null;
        for (var depth = 0; depth < 32 && name is { } current; depth++)
        {
            if (current == domain) return inArray ? held : null;
            if (!catalog.Domains.TryGetValue(current, out var next)) return null;
            if (!inArray && next.BaseType.EndsWith("[]", StringComparison.Ordinal))
            {
                inArray = true;
                held = next.BaseTypeReference;
            }

            name = next.BaseTypeReference;
        }

        return null;
    }
}
