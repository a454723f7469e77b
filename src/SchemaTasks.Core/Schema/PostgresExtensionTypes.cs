namespace SchemaTasks.Schema;

/// <summary>
/// The types common PostgreSQL extensions create, so that a column of type <c>citext</c> is known
/// to exist once the migrations ran <c>CREATE EXTENSION citext</c>. Data only.
/// </summary>
/// <remarks>
/// The contrib rows are what PostgreSQL 15's <c>pg_depend</c> lists for each extension (a test
/// creates every one of them on a real server and compares); PostGIS and pgvector follow their
/// reference documentation. Array types come with each type and are not listed. Extensions
/// missing here create no types a column can use, or are not known: after CREATE EXTENSION of
/// an unknown one, an unknown type is only a warning.
/// </remarks>
internal static class PostgresExtensionTypes
{
    /// <summary>An extension: the types it creates, the extensions it needs, and the schema it must go in (when fixed).</summary>
    internal sealed record Extension(IReadOnlyList<string> Types, IReadOnlyList<string> Requires, string? FixedSchema = null);

    private static readonly Extension NoTypes = new([], []);

    private static readonly Dictionary<string, Extension> Known = new(StringComparer.Ordinal)
    {
        // contrib, PostgreSQL 15
        ["adminpack"] = new([], [], "pg_catalog"),
        ["amcheck"] = NoTypes,
        ["autoinc"] = NoTypes,
        ["bloom"] = NoTypes,
        ["btree_gin"] = NoTypes,
        ["btree_gist"] = new(["gbtreekey2", "gbtreekey4", "gbtreekey8", "gbtreekey16", "gbtreekey32", "gbtreekey_var"], []),
        ["citext"] = new(["citext"], []),
        ["cube"] = new(["cube"], []),
        ["dblink"] = new(["dblink_pkey_results"], []),
        ["dict_int"] = NoTypes,
        ["dict_xsyn"] = NoTypes,
        ["earthdistance"] = new(["earth"], ["cube"]),
        ["file_fdw"] = NoTypes,
        ["fuzzystrmatch"] = NoTypes,
        ["hstore"] = new(["hstore", "ghstore"], []),
        ["insert_username"] = NoTypes,
        ["intagg"] = NoTypes,
        ["intarray"] = new(["query_int", "intbig_gkey"], []),
        ["isn"] = new(["ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc"], []),
        ["lo"] = new(["lo"], []),
        ["ltree"] = new(["ltree", "lquery", "ltxtquery", "ltree_gist"], []),
        ["moddatetime"] = NoTypes,
        ["old_snapshot"] = NoTypes,
        ["pageinspect"] = NoTypes,
        ["pg_buffercache"] = NoTypes,
        ["pg_freespacemap"] = NoTypes,
        ["pg_prewarm"] = NoTypes,
        ["pg_stat_statements"] = NoTypes,
        ["pg_surgery"] = NoTypes,
        ["pg_trgm"] = new(["gtrgm"], []),
        ["pg_visibility"] = NoTypes,
        ["pg_walinspect"] = NoTypes,
        ["pgcrypto"] = NoTypes,
        ["pgrowlocks"] = NoTypes,
        ["pgstattuple"] = NoTypes,
        ["plpgsql"] = new([], [], "pg_catalog"),
        ["postgres_fdw"] = NoTypes,
        ["refint"] = NoTypes,
        ["seg"] = new(["seg"], []),
        ["sslinfo"] = NoTypes,
        ["tablefunc"] = new(["tablefunc_crosstab_2", "tablefunc_crosstab_3", "tablefunc_crosstab_4"], []),
        ["tcn"] = NoTypes,
        ["tsm_system_rows"] = NoTypes,
        ["tsm_system_time"] = NoTypes,
        ["unaccent"] = NoTypes,
        ["uuid-ossp"] = NoTypes,
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

    /// <summary>The extension, or <see langword="null"/> when SchemaTasks does not know which types it creates.</summary>
    public static Extension? Find(string name) => Known.TryGetValue(name, out var extension) ? extension : null;
}
