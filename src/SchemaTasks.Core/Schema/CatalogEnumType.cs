using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL enum type.</summary>
/// <param name="Name">The type's name.</param>
/// <param name="Labels">The labels in the type's sort order (declared order, with <c>BEFORE</c>/<c>AFTER</c> insertions).</param>
public sealed record CatalogEnumType(QualifiedName Name, ImmutableArray<string> Labels);
