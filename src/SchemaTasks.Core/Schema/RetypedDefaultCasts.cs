using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether PostgreSQL can carry a column's default through <c>ALTER COLUMN ... TYPE</c>. The
/// stored default has the column's old type; the server converts it to the new one with an
/// assignment cast, whatever the USING clause says (USING converts the rows, not the default),
/// and refuses the statement when there is none (42804, default for column cannot be cast
/// automatically). Judged on the types alone, through domains to their base types: any type goes
/// to a string type (the server's automatic I/O conversion), an array to an array when its
/// elements go, and the built-in pairs below as <c>pg_cast</c> lists them; any other pair of the
/// types named here has no such cast (an enum to another enum, text to an enum or integer,
/// integer to boolean, a scalar to an array). Other types are not judged.
/// </summary>
internal static class RetypedDefaultCasts
{
    /// <summary>What the server does with the default.</summary>
    internal enum Verdict
    {
        /// <summary>An assignment cast carries it to the new type.</summary>
        Cast,

        /// <summary>There is none: the server refuses the statement.</summary>
        NoCast,

        /// <summary>SchemaTasks does not know the casts of one of the types.</summary>
        Unknown,
    }

    private static readonly Regex TypeModifiers = new(@"\(\d+(,\d+)?\)");

    private static readonly HashSet<string> Strings = new(StringComparer.Ordinal) { "text", "character varying", "character" };

    // Types of the string category, which any type reaches by I/O conversion: the built-in ones,
    // and the citext extension's type (checked on PostgreSQL 15: text, integer and an enum to
    // citext keep their defaults). Only as a target: citext's own casts to other types are not listed here.
    private static readonly HashSet<string> StringTargets = new(StringComparer.Ordinal) { "text", "character varying", "character", "citext" };

    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "smallint", "integer", "bigint", "numeric", "real", "double precision" };

    // Every other built-in type judged; each has assignment or implicit casts only to the types
    // listed in Casts (and to the string types).
    private static readonly HashSet<string> Others = new(StringComparer.Ordinal)
    {
        "boolean", "json", "jsonb", "uuid", "bytea", "date", "interval",
        "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone",
    };

    // pg_cast's implicit and assignment casts between the types above, besides the numbers' and the strings'.
    private static readonly HashSet<(string From, string To)> Casts =
    [
        ("json", "jsonb"), ("jsonb", "json"),
        ("date", "timestamp without time zone"), ("date", "timestamp with time zone"),
        ("timestamp without time zone", "date"), ("timestamp without time zone", "time without time zone"), ("timestamp without time zone", "timestamp with time zone"),
        ("timestamp with time zone", "date"), ("timestamp with time zone", "time without time zone"), ("timestamp with time zone", "timestamp without time zone"), ("timestamp with time zone", "time with time zone"),
        ("time without time zone", "interval"), ("time without time zone", "time with time zone"),
        ("interval", "time without time zone"), ("time with time zone", "time without time zone"),
    ];

    /// <summary>Whether the default of a column of the old type can become one of the new type.</summary>
    /// <param name="catalog">The catalog, for enum types and domains.</param>
    /// <param name="old">The column before the change.</param>
    /// <param name="newType">The new normalised type text (an array type ends in <c>[]</c>).</param>
    /// <param name="newReference">The enum type or domain the new type names.</param>
    /// <param name="newIsArray">Whether the new type is an array.</param>
    public static Verdict Judge(Catalog catalog, CatalogColumn old, string newType, QualifiedName? newReference, bool newIsArray)
    {
        var from = Resolve(catalog, old.Type, old.TypeReference, old.IsArray);
        if (newReference is null && !newIsArray && StringTargets.Contains(TypeModifiers.Replace(newType, string.Empty))) return Verdict.Cast;
        var to = Resolve(catalog, newType, newReference, newIsArray);
        if (to is { IsArray: false } scalar && Strings.Contains(scalar.Name)) return Verdict.Cast;
        if (from is not { } source || to is not { } target) return Verdict.Unknown;
        if (source.IsArray != target.IsArray) return Verdict.NoCast;
        return Elements(source.Name, target.Name);
    }

    private static Verdict Elements(string from, string to)
        => from == to || Strings.Contains(to) || (Numbers.Contains(from) && Numbers.Contains(to)) || Casts.Contains((from, to)) ? Verdict.Cast : Verdict.NoCast;

    // The judged type a type comes to through domains (an enum by its quoted name), and whether
    // it is an array there; null for a type not judged.
    private static (string Name, bool IsArray)? Resolve(Catalog catalog, string type, QualifiedName? reference, bool isArray)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            if (reference is { } name)
            {
                if (catalog.EnumTypes.ContainsKey(name)) return ("enum " + name, isArray);
                if (!catalog.Domains.TryGetValue(name, out var domain)) return null;
                var baseIsArray = domain.BaseType.EndsWith("[]", StringComparison.Ordinal);
                if (isArray && (baseIsArray || domain.BaseTypeReference is not null)) return null; // An array of a domain: not judged.
                (type, reference, isArray) = (domain.BaseType, domain.BaseTypeReference, isArray || baseIsArray);
                continue;
            }

            var element = type.EndsWith("[]", StringComparison.Ordinal) ? type[..^2] : type;
            if (element.Contains('"', StringComparison.Ordinal) || element.EndsWith("[]", StringComparison.Ordinal)) return null;
            var bare = TypeModifiers.Replace(element, string.Empty);
            return Strings.Contains(bare) || Numbers.Contains(bare) || Others.Contains(bare) ? (bare, isArray) : null;
        }

        return null;
    }
}
