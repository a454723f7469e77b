using SchemaTasks.Schema;
using SchemaTasks.Scaffolding;
using SchemaTasks.Sql;

namespace SchemaTasks.ValueSets;

/// <summary>
/// The migration that adds a value to what a column or enum type allows, in the dialect's
/// exact syntax, with <see cref="FixSql.ValuePlaceholder"/> where the new, quoted value goes.
/// One statement per source that restricts the value, so the fix works whatever imposes the set.
/// </summary>
internal static class FixTemplates
{
    public static string ForEnumType(Catalog catalog, QualifiedName type)
        => $"ALTER TYPE {Quote(catalog, type)} ADD VALUE {FixSql.ValuePlaceholder};";

    public static string ForColumn(Catalog catalog, CatalogTable table, CatalogColumn column, AllowedValues allowed)
    {
        var statements = new List<string>();
        foreach (var source in allowed.Sources)
        {
            switch (source.Kind)
            {
                case AllowedValuesSourceKind.EnumType:
                    statements.Add(ForEnumType(catalog, TypeSourceNames.Of(catalog, column, source)));
                    break;
                case AllowedValuesSourceKind.InlineEnum or AllowedValuesSourceKind.InlineSet:
                    statements.Add(ModifyInlineList(catalog, table, column, source));
                    break;
                case AllowedValuesSourceKind.Check:
                    statements.Add(ReplaceCheck(catalog, table, column, source));
                    break;
                case AllowedValuesSourceKind.Domain:
                    statements.Add(ReplaceDomainCheck(catalog, TypeSourceNames.Of(catalog, column, source), source));
                    break;
            }
        }

        return string.Join(FixSql.StatementSeparator.ToString(), statements);
    }

    /// <summary>A name as the fixes and value-set descriptions write it.</summary>
    public static string Quote(Catalog catalog, QualifiedName name)
        => SqlQuoting.QualifiedIdentifier(name.Schema, name.Name, catalog.DefaultSchema, Style(catalog));

    /// <summary>An unqualified name (table-local: a column or constraint) as the fixes write it.</summary>
    public static string Quote(Catalog catalog, string name) => SqlQuoting.Identifier(name, Style(catalog));

    // MODIFY COLUMN restates the whole column, so the nullability and default are restated too.
    private static string ModifyInlineList(Catalog catalog, CatalogTable table, CatalogColumn column, AllowedValuesSource source)
    {
        var keyword = source.Kind == AllowedValuesSourceKind.InlineSet ? "SET" : "ENUM";
        return $"ALTER TABLE {Quote(catalog, table.Name)} MODIFY COLUMN {Quote(catalog, column.Name)} {keyword}({ValueList(catalog, source)}){SchemaChangeSql.NullabilityAndDefault(column)};";
    }

    private static string ReplaceCheck(Catalog catalog, CatalogTable table, CatalogColumn column, AllowedValuesSource source)
    {
        var name = Quote(catalog, source.Name);
        return $"ALTER TABLE {Quote(catalog, table.Name)} DROP CONSTRAINT {name}, ADD CONSTRAINT {name} CHECK ({Quote(catalog, column.Name)} IN ({ValueList(catalog, source)}));";
    }

    // ALTER DOMAIN takes one action per statement.
    private static string ReplaceDomainCheck(Catalog catalog, QualifiedName domainName, AllowedValuesSource source)
    {
        var domain = catalog.FindDomain(domainName);
        var check = domain?.Checks.FirstOrDefault(c => c.IsValueSet && c.Values.SequenceEqual(source.Values));
        var domainSql = Quote(catalog, domainName);
        if (check is null)
        {
            return $"ALTER DOMAIN {domainSql} ADD CHECK (VALUE IN ({ValueList(catalog, source)}));";
        }

        var name = Quote(catalog, check.Name);
        return $"ALTER DOMAIN {domainSql} DROP CONSTRAINT {name};{FixSql.StatementSeparator}ALTER DOMAIN {domainSql} ADD CONSTRAINT {name} CHECK (VALUE IN ({ValueList(catalog, source)}));";
    }

    private static string ValueList(Catalog catalog, AllowedValuesSource source)
        => string.Join(", ", source.Values.Select(v => SqlQuoting.StringLiteral(v, Style(catalog))).Append(FixSql.ValuePlaceholder));

    private static QuotingStyle Style(Catalog catalog) => catalog.Dialect.IsMySqlFamily() ? QuotingStyle.MySql : QuotingStyle.Postgres;
}
