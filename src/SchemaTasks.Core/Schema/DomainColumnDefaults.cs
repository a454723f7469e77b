using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The default of a PostgreSQL column whose type is a domain, as the server stores it: the
/// constant converted to the domain's base type (through domains over domains), which keeps its
/// cast to that type in the catalog (<c>DEFAULT 'b'</c> on a column of a domain over enum
/// <c>r</c> reads back <c>'b'::r</c>). The live reader drops only a cast to the column's own type,
/// the domain, so the snapshot writes the base type's cast too. Numbers and booleans are
/// converted as for the base type and stay bare, as the live reader reads them.
/// </summary>
internal static class DomainColumnDefaults
{
    /// <summary><paramref name="column"/> with its default spelled as the server stores it, when its type is a domain.</summary>
    /// <param name="catalog">The catalog, for domains.</param>
    /// <param name="column">The column with its stored default.</param>
    /// <param name="written">The default as written.</param>
    /// <param name="rules">PostgreSQL's rules.</param>
    public static CatalogColumn Spelled(Catalog catalog, CatalogColumn column, string? written, IdentifierRules rules)
    {
        if (written is null || column.Default is null || column.IsArray || BaseOf(catalog, column.TypeReference) is not { } baseType) return column;
        var (type, isArray, _) = baseType;
        if (StoredDefaults.ForColumn(written, type, isArray, rules) is not { } stored) return column;
        var shownBare = type is "boolean" or "smallint" or "integer" or "bigint" or "real" or "double precision" || type.StartsWith("numeric", StringComparison.Ordinal);
        return column with { Default = !shownBare && StoredLiterals.PlainString(stored, rules) is not null ? stored + "::" + TypeNames.PostgresCastSpelling(type) : stored };
    }

    /// <summary>
    /// After <c>ALTER TYPE ... RENAME VALUE</c>: the defaults of columns of domains over the enum
    /// type (or an array of it) show the new label, as the server keeps the constant by the label's OID.
    /// </summary>
    public static CatalogTable RenameLabel(Catalog catalog, CatalogTable table, QualifiedName enumType, string from, string to, IdentifierRules rules)
    {
        var renamed = table;
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            if (column.IsArray || column.Default is not { } stored) continue;
            if (BaseOf(catalog, column.TypeReference) is not { } baseType || baseType.Reference != enumType) continue;
            var cast = "::" + TypeNames.PostgresCastSpelling(baseType.Type);
            if (!stored.EndsWith(cast, StringComparison.Ordinal)) continue;
            var constant = stored[..^cast.Length];
            var next = baseType.IsArray
                ? EnumArrayDefaults.RenameLabel(constant, baseType.Type[..^2], from, to, rules).Default
                : constant == rules.QuoteString(from) ? rules.QuoteString(to) : constant;
            if (!ReferenceEquals(next, constant)) renamed = renamed.WithColumnChanged(i, column with { Default = next + cast });
        }

        return renamed;
    }

    /// <summary>
    /// Before an enum type is renamed or moved to <paramref name="to"/>: the defaults of columns of
    /// domains over it name it by its new name, as the server keeps the constant's type by OID.
    /// </summary>
    public static Catalog Retarget(Catalog catalog, QualifiedName from, QualifiedName to, IdentifierRules rules)
    {
        var tables = catalog.Tables;
        foreach (var table in catalog.Tables.Values)
        {
            var retargeted = table;
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var column = table.Columns[i];
                if (column.IsArray || column.Default is not { } stored || BaseOf(catalog, column.TypeReference) is not { } baseType || baseType.Reference != from) continue;
                var cast = "::" + TypeNames.PostgresCastSpelling(baseType.Type);
                if (!stored.EndsWith(cast, StringComparison.Ordinal)) continue;
                var renamed = "::" + rules.Quote(to) + (baseType.IsArray ? "[]" : string.Empty);
                retargeted = retargeted.WithColumnChanged(i, column with { Default = stored[..^cast.Length] + renamed });
            }

            if (!ReferenceEquals(retargeted, table)) tables = tables.SetItem(table.Name, retargeted);
        }

        return catalog.With(tables: tables);
    }

    // The base type text a domain comes to through domains over domains, whether it is an array,
    // and the enum type it names; null when the name is no domain, or a domain's base is an array
    // of a domain.
    private static (string Type, bool IsArray, QualifiedName? Reference)? BaseOf(Catalog catalog, QualifiedName? reference)
    {
        if (reference is not { } name || !catalog.Domains.TryGetValue(name, out var domain)) return null;
        for (var depth = 0; depth < 32; depth++)
        {
            var isArray = domain.BaseType.EndsWith("[]", StringComparison.Ordinal);
            if (domain.BaseTypeReference is not { } next || !catalog.Domains.TryGetValue(next, out var inner)) return (domain.BaseType, isArray, domain.BaseTypeReference);
            if (isArray) return null;
            domain = inner;
        }

        return null;
    }
}
