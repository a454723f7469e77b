using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// The data annotations EF Core reads for table and column names (<c>[Table]</c>, <c>[Column]</c>),
/// as every EF Core mapping the analyzer reads takes them.
/// </summary>
internal static class DataAnnotations
{
    private const string Namespace = "System.ComponentModel.DataAnnotations.Schema.";
    private const string TableAttribute = "TableAttribute";
    private const string ColumnAttribute = "ColumnAttribute";

    /// <summary>The <c>[Column]</c> on <paramref name="member"/>, or null.</summary>
    public static AttributeData? ColumnOf(ISymbol member) => Find(member, ColumnAttribute);

    /// <summary>The name <c>[Column("name")]</c> gives <paramref name="member"/>, or null.</summary>
    public static string? ColumnNameOf(ISymbol member) => ColumnOf(member)?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>The table and schema <c>[Table("name", Schema = "...")]</c> gives <paramref name="entity"/>; a null name when it has none.</summary>
    public static (string? Name, string? Schema) TableOf(INamedTypeSymbol entity)
    {
        var table = Find(entity, TableAttribute);
        return (table?.ConstructorArguments.FirstOrDefault().Value as string, NamedArgument(table, "Schema"));
    }

    /// <summary>The value of the attribute's named argument <paramref name="name"/> when it is a string.</summary>
    public static string? NamedArgument(AttributeData? attribute, string name)
        => attribute?.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value as string;

    /// <summary>The column as an <see cref="ObjectReference"/>: <c>table.column</c>, or <c>schema.table.column</c>.</summary>
    public static string ColumnReference(string? schema, string table, string column)
        => schema is null ? ObjectReference.Format(table, column) : ObjectReference.Format(schema, table, column);

    // Asked for every property of the compilation: the type's own name is compared first, so
    // the full name is built only for an attribute that is called TableAttribute or ColumnAttribute.
    private static AttributeData? Find(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && type.MetadataName == attributeName && MetadataNames.Of(type) == Namespace + attributeName)
            {
                return attribute;
            }
        }

        return null;
    }
}
