using System.Linq;
using Microsoft.CodeAnalysis;

namespace SchemaTasks.Analyzers;

/// <summary>The mapping attributes of one compilation, and how to read them off a symbol.</summary>
internal sealed class MappingAttributes
{
    private readonly INamedTypeSymbol? _dbEnum;
    private readonly INamedTypeSymbol? _dbValue;
    private readonly INamedTypeSymbol? _pgName;

    private MappingAttributes(INamedTypeSymbol? dbEnum, INamedTypeSymbol? dbValue, INamedTypeSymbol? pgName)
    {
        _dbEnum = dbEnum;
        _dbValue = dbValue;
        _pgName = pgName;
    }

    /// <summary>
    /// The attributes <paramref name="compilation"/> declares. Without <c>[DbEnum]</c>
    /// (<c>SchemaGenerateAttributes=false</c>) the mappings Npgsql and EF Core declare are still read.
    /// </summary>
    public static MappingAttributes Find(Compilation compilation)
        => new(
            compilation.GetTypeByMetadataName("SchemaTasks.DbEnumAttribute"),
            compilation.GetTypeByMetadataName("SchemaTasks.DbValueAttribute"),
            compilation.GetTypeByMetadataName("NpgsqlTypes.PgNameAttribute"));

    /// <summary>Whether the compilation declares <c>[DbEnum]</c> (the build generates it unless <c>SchemaGenerateAttributes=false</c>).</summary>
    public bool HasDbEnum => _dbEnum is not null;

    /// <summary>The <c>[DbEnum]</c> target and naming policy on <paramref name="symbol"/>, if it has one.</summary>
    public (string Target, int Naming, Location Location)? DbEnumOf(ISymbol symbol)
    {
        var attribute = _dbEnum is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _dbEnum));
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string target)
        {
            return null;
        }

        var naming = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Naming").Value.Value is int value ? value : 0;
        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? symbol.Locations.FirstOrDefault() ?? Location.None;
        return (target, naming, location);
    }

    /// <summary>The value a member overrides with <c>[DbValue]</c>, or Npgsql's <c>[PgName]</c>.</summary>
    public string? ExplicitValueOf(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if ((SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _dbValue) || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _pgName))
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value Npgsql maps a member to by <c>[PgName]</c>, the only override Npgsql reads.</summary>
    public string? PgNameOf(ISymbol member)
    {
        var attribute = member.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _pgName));
        return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string value ? value : null;
    }
}
