using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether PostgreSQL has an assignment (or implicit) cast from one type to another, as it needs
/// one to store a default in its column: a stored default follows <c>ALTER COLUMN ... TYPE</c>
/// only through such a cast (42804, default for column cannot be cast automatically), and a new
/// default whose expression has another type than its column is taken only through one (42804,
/// column is of type X but default expression is of type Y). Judged on the types alone, through
/// domains to their base types: any type goes to a string type (the server's automatic I/O
/// conversion), an array to an array when its elements go, and the built-in pairs below as
/// <c>pg_cast</c> lists them; any other pair of the types named here has no such cast (an enum to
/// another enum, text to an enum or integer, integer to boolean, a scalar to an array). Other
/// types are not judged.
/// </summary>
internal static class PostgresAssignmentCasts
{
    /// <summary>Whether the server finds a cast.</summary>
    internal enum Verdict
    {
        /// <summary>An assignment or implicit cast carries the value to the type.</summary>
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

    /// <summary>Whether <paramref name="type"/> is one of the numeric types, with or without a modifier, and not an array of one.</summary>
    public static bool IsNumber(string type)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal)) return false;
        var modifier = type.IndexOf('(');
        return Numbers.Contains(modifier < 0 ? type : type.Substring(0, modifier));
    }

    /// <summary>Whether a value of one type can be stored in a column (or domain) of another.</summary>
    /// <param name="catalog">The catalog, for enum types and domains.</param>
    /// <param name="from">The value's normalised type text (an array type ends in <c>[]</c>), the enum type or domain it names, and whether it is an array.</param>
    /// <param name="to">The column's type, in the same form.</param>
    public static Verdict Judge(Catalog catalog, (string Type, QualifiedName? Reference, bool IsArray) from, (string Type, QualifiedName? Reference, bool IsArray) to)
    {
        var source = Resolve(catalog, from.Type, from.Reference, from.IsArray);
        if (to.Reference is null && !to.IsArray && StringTargets.Contains(TypeModifiers.Replace(to.Type, string.Empty))) return Verdict.Cast;
        var target = Resolve(catalog, to.Type, to.Reference, to.IsArray);
        if (target is { IsArray: false } scalar && Strings.Contains(scalar.Name)) return Verdict.Cast;
        if (source is not { } known || target is not { } wanted) return Verdict.Unknown;
        if (known.IsArray != wanted.IsArray) return Verdict.NoCast;
        return Elements(known.Name, wanted.Name);
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
