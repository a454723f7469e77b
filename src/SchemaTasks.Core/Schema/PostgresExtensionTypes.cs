using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// The types common PostgreSQL extensions create, so that a column of type <c>citext</c> is known
/// to exist once the migrations ran <c>CREATE EXTENSION citext</c>, and for some the functions,
/// so that <c>DROP EXTENSION</c> knows the defaults that call them. Data only.
/// </summary>
/// <remarks>
/// The contrib rows are what PostgreSQL 15's <c>pg_depend</c> lists for each extension (a test
/// creates every one of them on a real server and compares), functions only for the extensions
/// whose functions defaults and CHECKs call, operator classes only those whose names
/// <c>pg_catalog</c> has none of (btree_gin's <c>int4_ops</c> is also a B-tree class of its own); PostGIS and pgvector follow their
/// reference documentation. Array types come with each type and are not listed. Extensions
/// missing here create no types a column can use, or are not known: after CREATE EXTENSION of
/// an unknown one, an unknown type is only a warning.
/// </remarks>
internal static class PostgresExtensionTypes
{
    /// <summary>An extension: the types it creates, the extensions it needs, and the schema it must go in (when fixed).</summary>
    internal sealed record Extension(IReadOnlyList<string> Types, IReadOnlyList<string> Requires, string? FixedSchema = null)
    {
        /// <summary>
        /// The functions it creates, where a default, generated column or CHECK may call them;
        /// <see langword="null"/> when SchemaTasks does not list them.
        /// </summary>
        public IReadOnlyList<string>? Functions { get; init; }

        /// <summary>The operator classes it creates whose names PostgreSQL's own do not have; empty when not listed.</summary>
        public IReadOnlyList<string> OperatorClasses { get; init; } = [];
    }

    /// <summary>
    /// Functions an extension creates under the name of one of PostgreSQL's own (pgcrypto's
    /// <c>gen_random_uuid</c>, citext's <c>replace</c>): the server has its own of the name and
    /// searches <c>pg_catalog</c> first, so a call of it is never missing, and only a call
    /// qualified with the extension's schema is surely the extension's.
    /// </summary>
    public static ImmutableHashSet<string> CoreNamesakes { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "gen_random_uuid",
        "max", "min", "regexp_match", "regexp_matches", "regexp_replace", "regexp_split_to_array", "regexp_split_to_table", "replace", "split_part", "strpos", // citext's
        "texticlike", "texticnlike", "texticregexeq", "texticregexne", "translate");

    private static readonly Extension NoTypes = new([], []);

    private static readonly Dictionary<string, Extension> Known = new(StringComparer.Ordinal)
    {
        // contrib, PostgreSQL 15
        ["adminpack"] = new([], [], "pg_catalog"),
        ["amcheck"] = NoTypes,
        ["autoinc"] = NoTypes,
        ["bloom"] = NoTypes,
        ["btree_gin"] = NoTypes,
        ["btree_gist"] = new(["gbtreekey2", "gbtreekey4", "gbtreekey8", "gbtreekey16", "gbtreekey32", "gbtreekey_var"], [])
        {
            OperatorClasses =
            [
                "gist_bit_ops", "gist_bool_ops", "gist_bpchar_ops", "gist_bytea_ops", "gist_cash_ops", "gist_cidr_ops", "gist_date_ops", "gist_enum_ops",
                "gist_float4_ops", "gist_float8_ops", "gist_inet_ops", "gist_int2_ops", "gist_int4_ops", "gist_int8_ops", "gist_interval_ops",
                "gist_macaddr8_ops", "gist_macaddr_ops", "gist_numeric_ops", "gist_oid_ops", "gist_text_ops", "gist_time_ops", "gist_timestamp_ops",
                "gist_timestamptz_ops", "gist_timetz_ops", "gist_uuid_ops", "gist_vbit_ops",
            ],
        },
        ["citext"] = new(["citext"], [])
        {
            OperatorClasses = ["citext_ops", "citext_pattern_ops"],
            Functions =
            [
                "citext", "citext_cmp", "citext_eq", "citext_ge", "citext_gt", "citext_hash", "citext_hash_extended", "citext_larger", "citext_le", "citext_lt",
                "citext_ne", "citext_pattern_cmp", "citext_pattern_ge", "citext_pattern_gt", "citext_pattern_le", "citext_pattern_lt", "citext_smaller",
                "citextin", "citextout", "citextrecv", "citextsend", "max", "min", "regexp_match", "regexp_matches", "regexp_replace", "regexp_split_to_array",
                "regexp_split_to_table", "replace", "split_part", "strpos", "texticlike", "texticnlike", "texticregexeq", "texticregexne", "translate",
            ],
        },
        ["cube"] = new(["cube"], []) { OperatorClasses = ["cube_ops", "gist_cube_ops"] },
        ["dblink"] = new(["dblink_pkey_results"], []),
        ["dict_int"] = NoTypes,
        ["dict_xsyn"] = NoTypes,
        ["earthdistance"] = new(["earth"], ["cube"]),
        ["file_fdw"] = NoTypes,
        ["fuzzystrmatch"] = NoTypes with { Functions = ["difference", "dmetaphone", "dmetaphone_alt", "levenshtein", "levenshtein_less_equal", "metaphone", "soundex", "text_soundex"] },
        ["hstore"] = new(["hstore", "ghstore"], []) { OperatorClasses = ["btree_hstore_ops", "gin_hstore_ops", "gist_hstore_ops", "hash_hstore_ops"] },
        ["insert_username"] = NoTypes,
        ["intagg"] = NoTypes,
        ["intarray"] = new(["query_int", "intbig_gkey"], []) { OperatorClasses = ["gin__int_ops", "gist__int_ops", "gist__intbig_ops"] },
        ["isn"] = new(["ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc"], []) { OperatorClasses = ["ean13_ops", "isbn13_ops", "isbn_ops", "ismn13_ops", "ismn_ops", "issn13_ops", "issn_ops", "upc_ops"] },
        ["lo"] = new(["lo"], []),
        ["ltree"] = new(["ltree", "lquery", "ltxtquery", "ltree_gist"], []) { OperatorClasses = ["gist__ltree_ops", "gist_ltree_ops", "ltree_ops"] },
        ["moddatetime"] = NoTypes,
        ["old_snapshot"] = NoTypes,
        ["pageinspect"] = NoTypes,
        ["pg_buffercache"] = NoTypes,
        ["pg_freespacemap"] = NoTypes,
        ["pg_prewarm"] = NoTypes,
        ["pg_stat_statements"] = NoTypes,
        ["pg_surgery"] = NoTypes,
        ["pg_trgm"] = new(["gtrgm"], []) { OperatorClasses = ["gin_trgm_ops", "gist_trgm_ops"] },
        ["pg_visibility"] = NoTypes,
        ["pg_walinspect"] = NoTypes,
        ["pgcrypto"] = NoTypes with
        {
            Functions =
            [
                "armor", "crypt", "dearmor", "decrypt", "decrypt_iv", "digest", "encrypt", "encrypt_iv", "gen_random_bytes", "gen_random_uuid", "gen_salt", "hmac",
                "pgp_armor_headers", "pgp_key_id", "pgp_pub_decrypt", "pgp_pub_decrypt_bytea", "pgp_pub_encrypt", "pgp_pub_encrypt_bytea",
                "pgp_sym_decrypt", "pgp_sym_decrypt_bytea", "pgp_sym_encrypt", "pgp_sym_encrypt_bytea",
            ],
        },
        ["pgrowlocks"] = NoTypes,
        ["pgstattuple"] = NoTypes,
        ["plpgsql"] = new([], [], "pg_catalog"),
        ["postgres_fdw"] = NoTypes,
        ["refint"] = NoTypes,
        ["seg"] = new(["seg"], []) { OperatorClasses = ["gist_seg_ops", "seg_ops"] },
        ["sslinfo"] = NoTypes,
        ["tablefunc"] = new(["tablefunc_crosstab_2", "tablefunc_crosstab_3", "tablefunc_crosstab_4"], []),
        ["tcn"] = NoTypes,
        ["tsm_system_rows"] = NoTypes,
        ["tsm_system_time"] = NoTypes,
        ["unaccent"] = NoTypes with { Functions = ["unaccent", "unaccent_init", "unaccent_lexize"] },
        ["uuid-ossp"] = NoTypes with { Functions = ["uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v3", "uuid_generate_v4", "uuid_generate_v5", "uuid_nil", "uuid_ns_dns", "uuid_ns_oid", "uuid_ns_url", "uuid_ns_x500"] },
        ["xml2"] = NoTypes,

        // pgvector
        ["vector"] = new(["vector", "halfvec", "sparsevec"], []),

        // PostGIS
        ["postgis"] = new(["geometry", "geography", "box2d", "box3d", "box2df", "gidx", "spheroid", "geometry_dump", "valid_detail"], []),
        ["postgis_raster"] = new(["raster", "rastbandarg", "geomval", "addbandarg", "summarystats", "unionarg", "reclassarg"], ["postgis"]),
        ["postgis_topology"] = new(["topogeometry", "getfaceedges_returntype", "validatetopology_returntype"], ["postgis"], "topology"),
        ["postgis_sfcgal"] = new([], ["postgis"]),
        ["postgis_tiger_geocoder"] = new(["norm_addy"], ["postgis", "fuzzystrmatch"], "tiger"),
        ["address_standardizer"] = new(["stdaddr"], []),
    };

    /// <summary>The known extension that creates a type of this name, or <see langword="null"/>.</summary>
    public static string? ExtensionOf(string type)
        => Known.Where(e => e.Value.Types.Contains(type, StringComparer.Ordinal)).Select(e => e.Key).OrderBy(e => e, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The known extension that creates a function of this name, or <see langword="null"/> (also for <see cref="CoreNamesakes"/>).</summary>
    public static string? ExtensionOfFunction(string function)
        => !CoreNamesakes.Contains(function) && FunctionOwners.Value.TryGetValue(function, out var extension) ? extension : null;

    /// <summary>The known extension that creates an operator class of this name, or <see langword="null"/>.</summary>
    public static string? ExtensionOfOperatorClass(string operatorClass)
        => OperatorClassOwners.Value.TryGetValue(operatorClass, out var extension) ? extension : null;

    // Asked for every call in every default and every index's operator class: looked up by name,
    // the first extension listed that has it, as the lists read in order would find it.
    private static readonly Lazy<Dictionary<string, string>> FunctionOwners = new(() => Owners(e => e.Functions ?? []));

    private static readonly Lazy<Dictionary<string, string>> OperatorClassOwners = new(() => Owners(e => e.OperatorClasses));

    private static Dictionary<string, string> Owners(Func<Extension, IReadOnlyList<string>> names)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (extension, known) in Known)
        {
            foreach (var name in names(known))
            {
                if (!owners.ContainsKey(name)) owners.Add(name, extension);
            }
        }

        return owners;
    }

    /// <summary>The extension, or <see langword="null"/> when SchemaTasks does not know which types it creates.</summary>
    public static Extension? Find(string name) => Known.TryGetValue(name, out var extension) ? extension : null;
}
