namespace SchemaTasks.Schema;

/// <summary>
/// Whether PostgreSQL can implement a foreign key between two columns: the referencing type must
/// have an equality operator with the referenced key's type in the key's operator family (the
/// integers among themselves), or cast implicitly to it (an integer to numeric or a float, numeric
/// to a float, any string type to another). Checked on PostgreSQL 15: integer and text, integer
/// and numeric (numeric referencing integer), float and numeric, uuid and text, boolean and integer
/// are refused. Only built-in scalar types are judged; for any other (an array, an enum, a
/// domain, an extension's type) the answer is <see langword="null"/>, not known.
/// </summary>
internal static class PostgresKeyTypes
{
    /// <summary>Whether a foreign key on <paramref name="referencing"/> can reference <paramref name="key"/>; <see langword="null"/> when not known.</summary>
    public static bool? Comparable(CatalogColumn referencing, CatalogColumn key)
    {
        if (Category(referencing) is not { } from || Category(key) is not { } to) return null;
        if (from == to) return true;
        return (from, to) switch
        {
            (TypeCategory.Integer, TypeCategory.Numeric or TypeCategory.Float) => true,
            (TypeCategory.Numeric, TypeCategory.Float) => true,
            _ => false,
        };
    }

    private enum TypeCategory
    {
        Integer,
        Numeric,
        Float,
        String,
        Uuid,
        Boolean,
    }

    private static TypeCategory? Category(CatalogColumn column)
    {
        if (column.IsArray || column.TypeReference is not null) return null;
        // The engine's type text is normalised (lower case, modifiers in parentheses).
        var type = column.Type;
        var open = type.IndexOf('(');
        var name = open < 0 ? type : type[..open].TrimEnd();
        return name switch
        {
            "smallint" or "integer" or "bigint" or "int2" or "int4" or "int8" or "int" => TypeCategory.Integer,
            "numeric" or "decimal" => TypeCategory.Numeric,
            "real" or "double precision" or "float4" or "float8" => TypeCategory.Float,
            "text" or "character varying" or "varchar" or "character" or "char" or "bpchar" or "name" => TypeCategory.String,
            "uuid" => TypeCategory.Uuid,
            "boolean" or "bool" => TypeCategory.Boolean,
            _ => null,
        };
    }
}
