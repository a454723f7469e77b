using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// The values a column (or enum type) accepts and where that rule comes from. When several
/// rules restrict one column (an enum type and a CHECK, say), <see cref="Values"/> holds the
/// values every one of them allows, in the order of the first.
/// </summary>
/// <param name="Values">The values allowed by every source.</param>
/// <param name="Sources">Each rule that restricts the column, in the order: type, domain, inline list, CHECKs.</param>
public sealed record AllowedValues(ImmutableArray<string> Values, ImmutableArray<AllowedValuesSource> Sources);

/// <summary>One rule that restricts a column's values.</summary>
/// <param name="Kind">What kind of rule.</param>
/// <param name="Name">The enum type or domain (<c>schema.name</c>), the column for inline lists, or the CHECK constraint's name.</param>
/// <param name="Values">The values this rule allows, in its own order.</param>
public sealed record AllowedValuesSource(AllowedValuesSourceKind Kind, string Name, ImmutableArray<string> Values);

/// <summary>Where a column's allowed values come from.</summary>
public enum AllowedValuesSourceKind
{
    /// <summary>A PostgreSQL enum type.</summary>
    EnumType,

    /// <summary>A MySQL <c>ENUM(...)</c> column type.</summary>
    InlineEnum,

    /// <summary>A MySQL <c>SET(...)</c> column type; any combination of the values is allowed.</summary>
    InlineSet,

    /// <summary>A PostgreSQL domain's CHECK (<c>VALUE IN (...)</c>).</summary>
    Domain,

    /// <summary>A CHECK constraint on the column.</summary>
    Check,
}
