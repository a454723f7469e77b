namespace SchemaTasks.Npgsql.Introspection;

/// <summary>
/// The catalog queries of <see cref="PostgresSchemaReader"/>: one per object kind, each reading
/// every object of that kind at once, so the number of queries does not grow with the schema.
/// They only read pg_catalog, which every role may do. Rows come unordered where the reader can
/// order them more cheaply than the server (sorting names costs the server more than the rows).
/// </summary>
internal static class PostgresCatalogQueries
{
    // User schemas: not pg_catalog, pg_toast, pg_temp_N and friends, not information_schema.
    private const string UserSchema = "(n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema')";

    // Objects an extension created (citext, its arrays) are the extension's, not the migrations'.
    // A scalar subquery rather than NOT EXISTS: the planner turns NOT EXISTS into an anti-join
    // that scans all of pg_depend, where one index probe per row is a third of the cost.
    private const string NotFromExtension = "(SELECT dep.deptype FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = t.oid AND dep.deptype = 'e' LIMIT 1) IS NULL";

    /// <summary>
    /// Type text of <c>{type}</c>/<c>{typmod}</c>: built-in types as <c>format_type</c> shows them;
    /// user types (and arrays of them) always schema-qualified, so the answer does not depend on
    /// the search path. <c>{alias}</c> names the joins.
    /// </summary>
    private static string TypeText(string type, string typmod, string alias) => $"""
        CASE
          WHEN {alias}e.oid IS NOT NULL AND {alias}en.nspname NOT IN ('pg_catalog', 'information_schema')
            THEN pg_catalog.quote_ident({alias}en.nspname) || '.' || pg_catalog.quote_ident({alias}e.typname) || '[]'
          WHEN {alias}e.oid IS NULL AND {alias}n.nspname NOT IN ('pg_catalog', 'information_schema')
            THEN pg_catalog.quote_ident({alias}n.nspname) || '.' || pg_catalog.quote_ident({alias}t.typname)
          ELSE pg_catalog.format_type({type}, {typmod})
        END
        """;

    private static string TypeJoins(string type, string alias) => $"""
        JOIN pg_catalog.pg_type {alias}t ON {alias}t.oid = {type}
        JOIN pg_catalog.pg_namespace {alias}n ON {alias}n.oid = {alias}t.typnamespace
        LEFT JOIN pg_catalog.pg_type {alias}e ON {alias}t.typcategory = 'A' AND {alias}e.oid = {alias}t.typelem AND {alias}t.typelem <> 0
        LEFT JOIN pg_catalog.pg_namespace {alias}en ON {alias}en.oid = {alias}e.typnamespace
        """;

    /// <summary>
    /// Fixes the search path for the batch's implicit transaction, so regclass and cast texts in
    /// defaults leave out <c>public</c> as the migration texts do, whatever the session's setting.
    /// </summary>
    /// <remarks>
    /// Local to the transaction: the batch's implicit one, or the caller's open transaction, in
    /// which case <see cref="RestoreSearchPath"/> puts the caller's setting back at the end.
    /// </remarks>
    public const string SearchPath = """
        SELECT pg_catalog.set_config('schematasks.saved_search_path', pg_catalog.current_setting('search_path'), true),
               pg_catalog.set_config('search_path', 'public', true)
        """;

    /// <summary>Puts back the search path <see cref="SearchPath"/> saved.</summary>
    public const string RestoreSearchPath = "SELECT pg_catalog.set_config('search_path', pg_catalog.current_setting('schematasks.saved_search_path'), true)";

    /// <summary>nspname.</summary>
    public const string Schemas = $"SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE {UserSchema} ORDER BY 1";

    /// <summary>nspname, typname, enumlabel, enumsortorder; unordered.</summary>
    public const string EnumLabels = $"""
        SELECT n.nspname, t.typname, l.enumlabel, l.enumsortorder
        FROM pg_catalog.pg_enum l
        JOIN pg_catalog.pg_type t ON t.oid = l.enumtypid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE {UserSchema} AND {NotFromExtension}
        """;

    /// <summary>
    /// Domains and other user types: oid, nspname, typname, kind ('d' domain, 'o' other), base
    /// type text, its format_type, NOT NULL, default text; unordered.
    /// </summary>
    public static readonly string Types = $"""
        SELECT t.oid, n.nspname, t.typname, CASE WHEN t.typtype = 'd' THEN 'd' ELSE 'o' END,
               CASE WHEN t.typtype = 'd' THEN {TypeText("t.typbasetype", "t.typtypmod", "b")} END,
               CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
               t.typnotnull, t.typdefault
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
        {TypeJoins("CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END", "b")}
        WHERE {UserSchema} AND {NotFromExtension}
          AND (t.typtype IN ('d', 'r')
               OR (t.typtype = 'c' AND c.relkind = 'c')
               OR (t.typtype = 'b' AND t.typcategory <> 'A')
               OR (t.typtype = 'p' AND NOT t.typisdefined))
        """;

    /// <summary>oid, nspname, relname of ordinary and partitioned tables; unordered.</summary>
    public const string Tables = $"""
        SELECT c.oid, n.nspname, c.relname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND {UserSchema}
        """;

    /// <summary>
    /// Columns of the tables <see cref="Tables"/> reads: table oid, attnum, attname, type text,
    /// its format_type, nullable, default; unordered. Tables by oid: names once per table, not per column.
    /// </summary>
    public static readonly string Columns = $"""
        SELECT a.attrelid, a.attnum, a.attname,
               {TypeText("a.atttypid", "a.atttypmod", "c")},
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               NOT a.attnotnull,
               CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        {TypeJoins("a.atttypid", "c")}
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND {UserSchema}
        """;

    /// <summary>
    /// Constraints of the tables <see cref="Tables"/> and the domains <see cref="Types"/> reads:
    /// table oid (0 for a domain), domain oid (0 for a table), conname, contype, definition; in
    /// creation order.
    /// </summary>
    public const string Constraints = $"""
        SELECT con.conrelid, con.contypid, con.conname, con.contype, pg_catalog.pg_get_constraintdef(con.oid)
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid AND con.conrelid <> 0
        LEFT JOIN pg_catalog.pg_type t ON t.oid = con.contypid AND con.contypid <> 0
        JOIN pg_catalog.pg_namespace n ON n.oid = COALESCE(c.relnamespace, t.typnamespace)
        WHERE {UserSchema} AND con.contype IN ('c', 'p', 'u', 'f', 'x')
          AND (c.relkind IN ('r', 'p') OR (t.typtype = 'd'))
        ORDER BY con.oid
        """;

    /// <summary>
    /// The drift check's tables: as <see cref="Tables"/>, with the names of each table's columns
    /// in order, and no other query for columns. The check compares which columns exist; it
    /// reads their types only when a failed migration needs them. One array per table costs
    /// the server about half of what a row per column does, and each table's columns come
    /// from the attnum index.
    /// </summary>
    public const string DriftTables = $"""
        SELECT c.oid, n.nspname, c.relname,
               ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND {UserSchema}
        """;

    /// <summary>
    /// The drift check's constraints: as <see cref="Constraints"/>, CHECKs only, unordered, and the
    /// bare expression (<c>pg_get_expr</c> costs the server less than <c>pg_get_constraintdef</c>).
    /// Every CHECK of a user schema, found by its own namespace: the reader keeps those of the
    /// tables and domains it read, which spares the server a join per constraint. The expression
    /// is null for a CHECK that <see cref="CannotBeValueSet"/>: deparsing is most of this query's
    /// cost, and only value sets are compared.
    /// </summary>
    public const string DriftChecks = $"""
        SELECT con.conrelid, con.contypid, con.conname, con.contype,
               CASE WHEN {CannotBeValueSet} THEN NULL ELSE pg_catalog.pg_get_expr(con.conbin, con.conrelid) END
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
        WHERE {UserSchema} AND con.contype = 'c'
        """;

    /// <summary>
    /// True for a CHECK whose stored expression tree (<c>conbin</c>, the node tree's text form)
    /// has a root that no value set has: a comparison whose operator is not named <c>=</c>
    /// (<c>amount &gt; 0</c>), or an AND or NOT. Value sets are <c>= ANY</c> (an IN list), <c>=</c>
    /// (a list of one) or an OR of those. Any root it does not recognise is deparsed and left
    /// to the CHECK reader, so a server that writes trees differently costs time, not answers.
    /// </summary>
    private const string CannotBeValueSet = """
        (con.conbin::text LIKE '{BOOLEXPR :boolop and %' OR con.conbin::text LIKE '{BOOLEXPR :boolop not %'
         OR (con.conbin::text LIKE '{OPEXPR :opno %'
             AND pg_catalog.split_part(pg_catalog.substr(con.conbin::text, 15, 11), ' ', 1)
                 NOT IN (SELECT eq.oid::text FROM pg_catalog.pg_operator eq WHERE eq.oprname = '=')))
        """;

    /// <summary>
    /// The drift check's types: as <see cref="Types"/>, domains only, without defaults, and the
    /// base type as <c>format_type</c> alone, which spares the planner four joins. Under
    /// <see cref="SearchPath"/> that names a type in <c>public</c> unqualified and any other
    /// user type qualified, which is how <see cref="Schema.CatalogBuilder"/> reads a type.
    /// </summary>
    public const string DriftDomains = $"""
        SELECT t.oid, n.nspname, t.typname, 'd', pg_catalog.format_type(t.typbasetype, t.typtypmod), '', t.typnotnull, NULL::text
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'd' AND {UserSchema} AND {NotFromExtension}
        """;
}
