using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL relations the engine does not model but whose names an existence test on
/// pg_class, pg_type or information_schema asks for: views, materialized views, sequences created
/// with CREATE SEQUENCE, foreign tables, and indexes on those. Indexes on tables are kept on the
/// table (<see cref="Sql.ConstraintKind.Index"/>), serial sequences by the defaults that use them.
/// Where a name could not be read (an unnamed index on an expression, a statement that did not
/// parse), the schema is noted as holding relations of unknown names, so that an answer "absent"
/// there is never given.
/// </summary>
/// <param name="Named">The relations by name.</param>
/// <param name="UnknownIn">Schemas that may hold relations of names not known, of any kind; <see cref="AnySchema"/> for every schema.</param>
internal sealed record RelationNames(ImmutableSortedDictionary<QualifiedName, NamedRelation> Named, ImmutableSortedSet<string> UnknownIn)
{
    /// <summary>The schema kept for temporary relations, whose real schema (pg_temp_N) the server chooses per session.</summary>
    public const string TemporarySchema = "pg_temp";

    /// <summary>In <see cref="UnknownIn"/>: names may be unknown in any schema.</summary>
    public const string AnySchema = "*";

    public static RelationNames Empty { get; } = new(
        ImmutableSortedDictionary<QualifiedName, NamedRelation>.Empty,
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    /// <summary>
    /// The schemas of <see cref="UnknownIn"/> where a relation of a name not known may own a row
    /// type in pg_type (a view, materialized view or foreign table). Indexes and sequences own
    /// none (checked on PostgreSQL 15), so an index whose name is unknown leaves pg_type tests decided.
    /// </summary>
    public ImmutableSortedSet<string> UnknownRowTypesIn { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>
    /// Relations other than tables that a DO block step which may or may not have run could have
    /// dropped or renamed: the engine still lists them, so "exists" is not answered for them.
    /// </summary>
    public ImmutableSortedSet<QualifiedName> MayBeGone { get; init; } = ImmutableSortedSet<QualifiedName>.Empty;

    /// <summary>Whether any relation other than a table may be gone (a skipped step built its DDL from values not known).</summary>
    public bool AnyMayBeGone { get; init; }

    public bool IsEmpty => Named.IsEmpty && UnknownIn.IsEmpty && MayBeGone.IsEmpty && !AnyMayBeGone;

    /// <summary>
    /// Whether a row security policy was ever created in this history: only then do the checks of
    /// a retyped or dropped column look through every table's policies (<see cref="ViewDependencies"/>).
    /// </summary>
    public bool PoliciesMade { get; init; }

    /// <summary>Whether a relation of a name not known may exist in <paramref name="schema"/> (<see langword="null"/>: in any schema).</summary>
    public bool MayHoldUnknown(string? schema) => Holds(UnknownIn, schema);

    /// <summary>Whether a relation that owns a row type, of a name not known, may exist in <paramref name="schema"/> (<see langword="null"/>: in any schema).</summary>
    public bool MayHoldUnknownRowType(string? schema) => Holds(UnknownRowTypesIn, schema);

    /// <summary>Whether <paramref name="name"/>, a relation other than a table that the engine lists, may have been dropped or renamed since.</summary>
    public bool MayHaveGone(QualifiedName name) => AnyMayBeGone || MayBeGone.Contains(name);

    /// <summary>Relations of names not known may exist in <paramref name="schema"/> (every schema, when <see langword="null"/>).</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for any.</param>
    /// <param name="mayOwnRowType">Whether they may be views, materialized views or foreign tables; <see langword="false"/> for indexes and sequences only.</param>
    public RelationNames WithUnknown(string? schema, bool mayOwnRowType = true) => this with
    {
        UnknownIn = UnknownIn.Add(schema ?? AnySchema),
        UnknownRowTypesIn = mayOwnRowType ? UnknownRowTypesIn.Add(schema ?? AnySchema) : UnknownRowTypesIn,
    };

    private static bool Holds(ImmutableSortedSet<string> schemas, string? schema)
        => schema is null ? !schemas.IsEmpty : schemas.Contains(schema) || schemas.Contains(AnySchema);

    /// <summary>
    /// The relations <paramref name="names"/> marked as perhaps dropped: a DROP ... CASCADE may
    /// have taken them through a dependency the engine does not record (<see cref="ViewCascade"/>).
    /// </summary>
    public RelationNames WithUncertain(IEnumerable<QualifiedName> names)
    {
        var named = Named;
        foreach (var name in names)
        {
            if (named.TryGetValue(name, out var relation) && !relation.Uncertain) named = named.SetItem(name, relation with { Uncertain = true });
        }

        return ReferenceEquals(named, Named) ? this : this with { Named = named };
    }
}

/// <summary>A relation kept by name.</summary>
/// <param name="Kind">Its pg_class.relkind: <c>v</c> view, <c>m</c> materialized view, <c>S</c> sequence, <c>f</c> foreign table, <c>i</c> index (on a materialized view).</param>
/// <param name="Owner">The table a sequence is OWNED BY, or the relation an index is on; dropping it drops this one.</param>
/// <param name="OwnerColumn">The column a sequence is OWNED BY.</param>
/// <param name="Uncertain">Whether it may have been dropped (or, temporary, be in another session's schema): an existence test on it is not decided.</param>
/// <param name="Uses">The table columns a view or materialized view uses (<see cref="ViewDependencies"/>).</param>
internal sealed record NamedRelation(char Kind, QualifiedName? Owner = null, string? OwnerColumn = null, bool Uncertain = false, ViewUses? Uses = null)
{
    /// <summary>
    /// A view's or materialized view's columns, when its query's are certain (<see cref="QueryColumns"/>),
    /// for a table made from a query that reads it; <see langword="null"/> when not known.
    /// </summary>
    public ImmutableArray<CatalogColumn>? Columns { get; init; }

    /// <summary>
    /// The view's columns whose type a table made from a query that reads it may show with a
    /// length or precision (the planner inlines the function the column calls); null for none.
    /// </summary>
    public ImmutableHashSet<string>? PlannedOtherwise { get; init; }
}
