using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A PostgreSQL default the server refuses because the column's type cannot hold the constant
/// (22P02, invalid input value): a label its enum type lacks (through domains, and in each element
/// of an enum array), or a string that integer, boolean, uuid or numeric input does not read
/// (<see cref="PostgresTypeInput"/>). A default the engine stores as a plain literal or an enum
/// array (<see cref="StoredDefaults"/>) is judged, and a string literal cast to another type
/// (<see cref="OfCastLiteral"/>), which the server reads when it takes the default, whatever the
/// column's type; any other expression is left as it is, as the engine cannot tell.
/// </summary>
internal static class PostgresDefaultValues
{
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
        if (Resolve(catalog, type, reference, isArray) is not { } resolved)
        {
            return StoredLiterals.PlainString(stored, context.Rules) is { } arrayText ? DomainArrayDefaults.Of(catalog, reference, isArray, arrayText, context) : null;
        }

        if (resolved.Enum is { } enumType)
        {
            var labels = resolved.IsArray
                ? (resolved.Base.EndsWith("[]", StringComparison.Ordinal) ? EnumArrayDefaults.Labels(stored, resolved.Base[..^2]) : null)
                : StoredLiterals.PlainString(stored, context.Rules) is { } label ? [label] : null;
            return labels is null ? null : LabelRefusal(enumType, labels, context);
        }

        if (resolved.IsArray || StoredLiterals.PlainString(stored, context.Rules) is not { } text) return null;
        return InputRefusal(resolved.Base, text, context);
    }

    /// <summary>
    /// Why PostgreSQL refuses the string <paramref name="text"/> cast to <paramref name="type"/>
    /// inside a default (<c>'abc'::int</c> on a text column, 22P02), or <see langword="null"/>.
    /// </summary>
    public static Refusal? OfCastLiteral(Catalog catalog, PostgresDefaultTypes.Typed type, string text, ApplyContext context)
    {
        if (Resolve(catalog, type.Type, type.Reference, type.IsArray) is not { IsArray: false } resolved) return DomainArrayDefaults.Of(catalog, type.Reference, type.IsArray, text, context);
        return resolved.Enum is { } enumType ? LabelRefusal(enumType, [text], context) : InputRefusal(resolved.Base, text, context);
    }

    private static Refusal? LabelRefusal(CatalogEnumType enumType, IReadOnlyList<string> labels, ApplyContext context)
    {
        if (Missing(enumType, labels) is not { } missing) return null;
        var shown = string.Join(", ", enumType.Labels.Take(LabelsShown).Select(context.ShowValue)) + (enumType.LabelCount > LabelsShown ? ", ..." : string.Empty);
        return new Refusal(
            $"enum type {context.Show(enumType.Name)} has no label {context.ShowValue(missing)} (it has {shown}; invalid input value for enum, SQLSTATE 22P02)",
            $"Use one of its labels (they are case-sensitive, spaces included), or add {context.ShowValue(missing)} first with ALTER TYPE {context.Show(enumType.Name)} ADD VALUE in an earlier migration");
    }

    private static Refusal? InputRefusal(string type, string text, ApplyContext context)
    {
        if (PostgresTypeInput.Refusal(type, text) is not { } why) return null;
        var fix = type switch
        {
            "boolean" => "Write true or false",
            "uuid" => "Write the uuid as 32 hexadecimal digits (8-4-4-4-12, hyphens optional), with no spaces",
            "date" => "Write a date that exists, as YYYY-MM-DD",
            "json" or "jsonb" => "Write valid JSON: keys and strings in double quotes, no trailing comma, one value",
            _ when type.StartsWith("bit", StringComparison.Ordinal) => "Write binary digits (B'101'), or x and hexadecimal digits ('x1F')",
            _ when why.EndsWith("22003", StringComparison.Ordinal) => $"Give a value {type} holds, or widen the column's type",
            _ => "Write the number itself",
        };
        return new Refusal($"{context.ShowValue(text)} is not a valid {type} ({why})", fix);
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
