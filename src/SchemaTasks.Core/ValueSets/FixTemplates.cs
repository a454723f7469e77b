using SchemaTasks.Scaffolding;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.ValueSets;

/// <summary>
/// The migration that adds a value to what a column or enum type allows, in the dialect's
/// exact syntax, with <c>{value}</c> where the new, quoted value goes. One statement per
/// source that restricts the value, so the fix works whatever imposes the set.
/// </summary>
internal static class FixTemplates
{
    public const string ValuePlaceholder = "{value}";

    /// <summary>Between the statements of a template: one per line.</summary>
    public const string StatementSeparator = "\n";

    public static string ForEnumType(Catalog catalog, QualifiedName type)
        => $"ALTER TYPE {Rules(catalog).Quote(type)} ADD VALUE {ValuePlaceholder};";

    public static string ForColumn(Catalog catalog, CatalogTable table, CatalogColumn column, AllowedValues allowed)
    {
        var rules = Rules(catalog);
        var statements = new List<string>();
        foreach (var source in allowed.Sources)
        {
            switch (source.Kind)
            {
                case AllowedValuesSourceKind.EnumType:
                    statements.Add(ForEnumType(catalog, column.TypeReference ?? ParseName(catalog, source.Name)));
                    break;
                case AllowedValuesSourceKind.InlineEnum or AllowedValuesSourceKind.InlineSet:
                    statements.Add(ModifyInlineList(rules, table, column, source));
                    break;
                case AllowedValuesSourceKind.Check:
                    statements.Add(ReplaceCheck(rules, table, column, source));
                    break;
                case AllowedValuesSourceKind.Domain:
                    statements.Add(ReplaceDomainCheck(catalog, rules, source));
                    break;
            }
        }

        return string.Join(StatementSeparator, statements);
    }

    // MODIFY COLUMN restates the whole column, so the nullability and default are restated too.
    private static string ModifyInlineList(IdentifierRules rules, CatalogTable table, CatalogColumn column, AllowedValuesSource source)
    {
        var keyword = source.Kind == AllowedValuesSourceKind.InlineSet ? "SET" : "ENUM";
        return $"ALTER TABLE {rules.Quote(table.Name)} MODIFY COLUMN {rules.Quote(column.Name)} {keyword}({ValueList(rules, source)}){SchemaChangeSql.NullabilityAndDefault(column)};";
    }

    private static string ReplaceCheck(IdentifierRules rules, CatalogTable table, CatalogColumn column, AllowedValuesSource source)
    {
        var name = rules.Quote(source.Name);
        return $"ALTER TABLE {rules.Quote(table.Name)} DROP CONSTRAINT {name}, ADD CONSTRAINT {name} CHECK ({rules.Quote(column.Name)} IN ({ValueList(rules, source)}));";
    }

    // ALTER DOMAIN takes one action per statement.
    private static string ReplaceDomainCheck(Catalog catalog, IdentifierRules rules, AllowedValuesSource source)
    {
        var domainName = ParseName(catalog, source.Name);
        var domain = catalog.FindDomain(domainName);
        var check = domain?.Checks.FirstOrDefault(c => c.IsValueSet && c.Values.SequenceEqual(source.Values));
        var domainSql = rules.Quote(domainName);
        if (check is null)
        {
            return $"ALTER DOMAIN {domainSql} ADD CHECK (VALUE IN ({ValueList(rules, source)}));";
        }

        var name = rules.Quote(check.Name);
        return $"ALTER DOMAIN {domainSql} DROP CONSTRAINT {name};{StatementSeparator}ALTER DOMAIN {domainSql} ADD CONSTRAINT {name} CHECK (VALUE IN ({ValueList(rules, source)}));";
    }

    private static string ValueList(IdentifierRules rules, AllowedValuesSource source)
        => string.Join(", ", source.Values.Select(rules.QuoteString).Append(ValuePlaceholder));

    /// <summary>Reads back a name that <see cref="QualifiedName.ToString"/> wrote.</summary>
    internal static QualifiedName ParseName(Catalog catalog, string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new QualifiedName(catalog.DefaultSchema, text) : new QualifiedName(text[..dot], text[(dot + 1)..]);
    }

    private static IdentifierRules Rules(Catalog catalog) => IdentifierRules.For(catalog.Dialect);
}
