using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Turns a parsed column or type into catalog form, resolving names of enum types and domains.</summary>
internal static class ColumnFactory
{
    // owner: the table as the statement has made it so far, whose names a serial sequence's must
    // not repeat; null while CREATE TABLE makes it.
    public static CatalogColumn Create(Catalog catalog, QualifiedName table, ColumnSpec spec, ApplyContext context, CatalogTable? owner = null)
    {
        TypeExistence.Check(catalog, spec.Type, context, spec.At, table, spec.Name);
        var (text, reference) = ResolveType(catalog, spec.Type, context.Rules);
        var defaultText = StoredDefaults.ForColumn(spec.Default, text, spec.Type.IsArray, context.Rules) is { } stored ? NamePool.Get(stored) : null;
        if (spec.Type.IsSerial && defaultText is null)
        {
            // What PostgreSQL itself records for serial columns.
            defaultText = $"nextval('{SequenceName(catalog, owner, table, spec.Name, context.Rules).Replace("'", "''", StringComparison.Ordinal)}'::regclass)";
        }

        return new CatalogColumn(spec.Name, text, !(spec.NotNull ?? false), defaultText)
        {
            TypeReference = reference,
            IsArray = spec.Type.IsArray,
            InlineValues = spec.Type.Inline,
            IsIdentity = spec.IsIdentity,
            IsAutoIncrement = AutoIncrementColumns.IsAuto(spec),
            HasOnUpdate = spec.OnUpdateAt != default,
            GeneratedFrom = spec.GeneratedFrom is { } names ? ImmutableSortedSet.CreateRange(context.Rules.ColumnComparer, names) : null,
            GeneratedExpression = spec.GeneratedExpression,
            GeneratedStored = spec.GeneratedStored,
        };
    }

    public static (string Text, QualifiedName? Reference) ResolveType(Catalog catalog, TypeSpec type, IdentifierRules rules)
    {
        if (type.UserType is not { } name) return (type.Text, null);
        if (catalog.EnumTypes.ContainsKey(name) || catalog.Domains.ContainsKey(name)) return (type.Text, name);
        return (type.Text, null);
    }

    private static string SequenceName(Catalog catalog, CatalogTable? owner, QualifiedName table, string column, IdentifierRules rules)
    {
        var sequence = PostgresGeneratedNames.Sequence(catalog, owner, table, column);
        return table.Schema == rules.ShownWithoutSchema ? rules.Quote(sequence) : $"{rules.Quote(table.Schema)}.{rules.Quote(sequence)}";
    }
}
