using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL domain: a base type with optional default, NOT NULL and CHECK constraints.</summary>
/// <param name="Name">The domain's name.</param>
/// <param name="BaseType">The normalised base type.</param>
/// <param name="IsNotNull">Whether the domain forbids NULL.</param>
/// <param name="Default">The default expression, or <see langword="null"/>.</param>
/// <param name="Checks">The CHECK constraints, in the order added.</param>
public sealed record CatalogDomain(QualifiedName Name, string BaseType, bool IsNotNull, string? Default, ImmutableArray<CatalogCheck> Checks)
{
    /// <summary>The enum type or domain the base type names, if the migrations created it.</summary>
    public QualifiedName? BaseTypeReference { get; init; }
}
