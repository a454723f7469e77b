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
/// <param name="UnknownIn">Schemas that may hold relations of names not known; <see cref="AnySchema"/> for every schema.</param>
internal sealed record RelationNames(ImmutableSortedDictionary<QualifiedName, NamedRelation> Named, ImmutableSortedSet<string> UnknownIn)
{
    /// <summary>The schema kept for temporary relations, whose real schema (pg_temp_N) the server chooses per session.</summary>
    public const string TemporarySchema = "pg_temp";

    /// <summary>In <see cref="UnknownIn"/>: names may be unknown in any schema.</summary>
    public const string AnySchema = "*";

    public static RelationNames Empty { get; } = new(
        ImmutableSortedDictionary<QualifiedName, NamedRelation>.Empty,
        ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    public bool IsEmpty => Named.IsEmpty && UnknownIn.IsEmpty;

    /// <summary>Whether a relation of a name not known may exist in <paramref name="schema"/> (<see langword="null"/>: in any schema).</summary>
    public bool MayHoldUnknown(string? schema)
        => schema is null ? !UnknownIn.IsEmpty : UnknownIn.Contains(schema) || UnknownIn.Contains(AnySchema);

    public RelationNames WithUnknown(string? schema) => this with { UnknownIn = UnknownIn.Add(schema ?? AnySchema) };

    /// <summary>
    /// Every view and materialized view marked as perhaps dropped: a DROP ... CASCADE drops the
    /// views that depend on what it drops, which the engine does not follow.
    /// </summary>
    public RelationNames WithViewsUncertain()
    {
        var named = Named;
        foreach (var (name, relation) in Named)
        {
            if (relation.Kind is 'v' or 'm' && !relation.Uncertain) named = named.SetItem(name, relation with { Uncertain = true });
        }

        return this with { Named = named };
    }
}

/// <summary>A relation kept by name.</summary>
/// <param name="Kind">Its pg_class.relkind: <c>v</c> view, <c>m</c> materialized view, <c>S</c> sequence, <c>f</c> foreign table, <c>i</c> index (on a materialized view).</param>
/// <param name="Owner">The table a sequence is OWNED BY, or the relation an index is on; dropping it drops this one.</param>
/// <param name="OwnerColumn">The column a sequence is OWNED BY.</param>
/// <param name="Uncertain">Whether it may have been dropped (or, temporary, be in another session's schema): an existence test on it is not decided.</param>
/// <param name="Uses">The table columns a view or materialized view uses (<see cref="ViewDependencies"/>).</param>
internal sealed record NamedRelation(char Kind, QualifiedName? Owner = null, string? OwnerColumn = null, bool Uncertain = false, ViewUses? Uses = null);
