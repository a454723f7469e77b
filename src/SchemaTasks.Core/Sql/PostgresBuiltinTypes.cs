namespace SchemaTasks.Sql;

/// <summary>
/// The types every PostgreSQL database has in <c>pg_catalog</c> (as of PostgreSQL 15), by the
/// name <c>pg_type</c> stores, plus the spellings the grammar turns into them
/// (<c>int</c>, <c>double precision</c>, <c>serial</c>...). An unqualified type name is looked up
/// here before <c>public</c>, as <c>search_path</c> does.
/// </summary>
internal static class PostgresBuiltinTypes
{
    // pg_type rows of pg_catalog that are not arrays or pseudo-types: base, range and
    // multirange types. A test compares this list with a real server's.
    private static readonly HashSet<string> Stored = new(StringComparer.Ordinal)
    {
        "aclitem", "bit", "bool", "box", "bpchar", "bytea", "char", "cid", "cidr", "circle", "date", "float4", "float8",
        "gtsvector", "inet", "int2", "int4", "int8", "interval", "json", "jsonb", "jsonpath", "line", "lseg", "macaddr",
        "macaddr8", "money", "name", "numeric", "oid", "path", "pg_brin_bloom_summary", "pg_brin_minmax_multi_summary",
        "pg_dependencies", "pg_lsn", "pg_mcv_list", "pg_ndistinct", "pg_node_tree", "pg_snapshot", "point", "polygon",
        "refcursor", "regclass", "regcollation", "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator",
        "regproc", "regprocedure", "regrole", "regtype", "text", "tid", "time", "timestamp", "timestamptz", "timetz",
        "tsquery", "tsvector", "txid_snapshot", "uuid", "varbit", "varchar", "xid", "xid8", "xml",
        "datemultirange", "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange",
        "daterange", "int4range", "int8range", "numrange", "tsrange", "tstzrange",
    };

    // Pseudo-types: they exist, but no column or domain can have them.
    private static readonly HashSet<string> Pseudo = new(StringComparer.Ordinal)
    {
        "any", "anyarray", "anycompatible", "anycompatiblearray", "anycompatiblemultirange", "anycompatiblenonarray",
        "anycompatiblerange", "anyelement", "anyenum", "anymultirange", "anynonarray", "anyrange", "cstring",
        "event_trigger", "fdw_handler", "index_am_handler", "internal", "language_handler", "pg_ddl_command", "record",
        "table_am_handler", "trigger", "tsm_handler", "unknown", "void",
    };

    /// <summary>The names of <c>pg_catalog</c>'s base, range and multirange types, for comparisons and suggestions.</summary>
    public static IReadOnlyCollection<string> StoredNames => Stored;

    /// <summary>Whether <paramref name="name"/> is a type name as <c>pg_type</c> stores it (<c>int4</c>, not <c>integer</c>).</summary>
    public static bool IsStoredName(string name) => Stored.Contains(name);

    /// <summary>Whether <paramref name="name"/> (as stored, or a grammar spelling such as <c>integer</c>) is a built-in type.</summary>
    public static bool Contains(string name) => Stored.Contains(name) || TypeNames.IsPostgresBuiltin(name);

    /// <summary>Whether <paramref name="name"/> is a pseudo-type such as <c>record</c> or <c>trigger</c>.</summary>
    public static bool IsPseudo(string name) => Pseudo.Contains(name);
}
