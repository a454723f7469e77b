using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A PostgreSQL default the server refuses because the column's type cannot hold the constant
/// (22P02, invalid input value): a label its enum type lacks (through domains, and in each element
/// of an enum array), or a string that integer or boolean input does not read. Only a default the
/// engine stores as a plain literal or an enum array (<see cref="StoredDefaults"/>) is judged; an
/// expression, or a literal cast to another type, is left as it is, as the engine cannot tell.
/// </summary>
internal static class PostgresDefaultValues
{
    // What every supported version's int2in/int4in/int8in reads once the spaces around are
    // trimmed: PostgreSQL 16 added 0x, 0o, 0b and underscores between digits, which 12 to 15
    // refuse, so only a string neither form reads is refused. The range is not checked.
    private static readonly Regex IntegerInput = new(@"^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|[0-9](_?[0-9])*)$", RegexOptions.CultureInvariant);

    private const int LabelsShown = 10;

    /// <summary>Why the server refuses the default, and how to fix it.</summary>
    internal readonly record struct Refusal(string Reason, string Fix);

    /// <summary>Why PostgreSQL refuses <paramref name="stored"/> as the default of a column of the type, or <see langword="null"/> when it takes it or SchemaTasks cannot tell.</summary>
    /// <param name="catalog">The catalog, for enum types and domains.</param>
    /// <param name="type">The column's (or domain's) normalised type text; an array type ends in <c>[]</c>.</param>
    /// <param name="reference">The enum type or domain the type names (its element type for an array).</param>
    /// <param name="isArray">Whether the type is an array.</param>
    /// <param name="stored">The default as the engine stores it.</param>
    /// <param name="context">Rules and names for the message.</param>
    public static Refusal? Of(Catalog catalog, string type, QualifiedName? reference, bool isArray, string stored, ApplyContext context)
    {
        if (Resolve(catalog, type, reference, isArray) is not { } resolved) return null;
        if (resolved.Enum is { } enumType)
        {
            var labels = resolved.IsArray
                ? (resolved.Base.EndsWith("[]", StringComparison.Ordinal) ? EnumArrayDefaults.Labels(stored, resolved.Base[..^2]) : null)
                : StoredLiterals.PlainString(stored, context.Rules) is { } label ? [label] : null;
            if (labels is null || Missing(enumType, labels) is not { } missing) return null;
            var shown = string.Join(", ", enumType.Labels.Take(LabelsShown).Select(context.ShowValue)) + (enumType.LabelCount > LabelsShown ? ", ..." : string.Empty);
            return new Refusal(
                $"enum type {context.Show(enumType.Name)} has no label {context.ShowValue(missing)} (it has {shown}; invalid input value for enum, SQLSTATE 22P02)",
                $"Use one of its labels (they are case-sensitive, spaces included), or add {context.ShowValue(missing)} first with ALTER TYPE {context.Show(enumType.Name)} ADD VALUE in an earlier migration");
        }

        if (resolved.IsArray || resolved.Base is not ("integer" or "smallint" or "bigint" or "boolean") || StoredLiterals.PlainString(stored, context.Rules) is not { } text) return null;
        return resolved.Base switch
        {
            "integer" or "smallint" or "bigint" when !IntegerInput.IsMatch(text.Trim()) => new Refusal(
                $"{context.ShowValue(text)} is not a valid {resolved.Base} (invalid input syntax for type {resolved.Base}, SQLSTATE 22P02)",
                "Write the number itself"),
            "boolean" when StoredDefaults.PostgresBoolean(text) is null => new Refusal(
                $"{context.ShowValue(text)} is not a valid boolean (invalid input syntax for type boolean, SQLSTATE 22P02)",
                "Write true or false"),
            _ => null,
        };
    }

    private static string? Missing(CatalogEnumType enumType, IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
        {
            if (!enumType.HasLabel(label)) return label;
        }

        return null;
    }

    // The enum type (or the base type) the column's type comes to through domains, and whether it
    // is an array there; null when a name is neither known enum type nor domain, or an array of arrays.
    private static (CatalogEnumType? Enum, string Base, bool IsArray)? Resolve(Catalog catalog, string type, QualifiedName? reference, bool isArray)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            if (reference is not { } name) return (null, type, isArray);
            if (catalog.EnumTypes.TryGetValue(name, out var enumType)) return (enumType, type, isArray);
            if (!catalog.Domains.TryGetValue(name, out var domain)) return null;
            var baseIsArray = domain.BaseType.EndsWith("[]", StringComparison.Ordinal);
            if (baseIsArray && isArray) return null;
            (type, reference, isArray) = (domain.BaseType, domain.BaseTypeReference, isArray || baseIsArray);
            if (isArray && !baseIsArray) return null; // An array of a domain: its stored elements are cast to the domain, not read here.
        }

        return null;
    }
}
