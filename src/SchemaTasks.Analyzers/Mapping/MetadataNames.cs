using Microsoft.CodeAnalysis;

namespace SchemaTasks.Analyzers.Mapping;

/// <summary>
/// Types of libraries the analyzer does not reference (Npgsql, EF Core) are recognised by their
/// full metadata names, so the check works whichever version the project uses.
/// </summary>
internal static class MetadataNames
{
    /// <summary><c>Namespace.Type</c>, with <c>`1</c> for a generic type's arity; empty for null.</summary>
    public static string Of(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return "";
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + type.MetadataName;
    }
}
