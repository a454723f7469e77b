namespace SchemaTasks.Sql;

/// <summary>
/// Every data type name MySQL 8 and MariaDB accept in a column definition (lower case, words
/// joined by one space). Both have no user-defined types, so any other name is refused by the
/// server; the parser reports it with the names a few edits away.
/// </summary>
internal static class MySqlBuiltinTypes
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // Numbers
        "bit", "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "int1", "int2", "int3", "int4", "int8",
        "middleint", "serial", "bool", "boolean", "decimal", "dec", "numeric", "fixed", "float", "double",
        "double precision", "real", "float4", "float8",

        // Dates and times
        "date", "datetime", "timestamp", "time", "year",

        // Strings
        "char", "character", "nchar", "national char", "national character", "varchar", "nvarchar", "national varchar",
        "character varying", "char varying", "national character varying", "national char varying", "varcharacter",
        "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text", "mediumtext", "longtext",
        "long", "long varchar", "long varbinary", "enum", "set", "json",

        // Spatial
        "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
        "geometrycollection", "geomcollection",

        // MariaDB's own (10.5+ inet6, 10.7+ uuid, 10.10+ inet4, 11.7+ vector) and MySQL 9's vector
        "inet4", "inet6", "uuid", "vector",
    };

    public static bool Contains(string name) => Names.Contains(name);

    public static IEnumerable<string> All => Names;
}
