using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The schema as the migrations leave it: schemas, tables, enum types and domains. Immutable;
/// applying a statement yields a new catalog, so the schema after every migration is kept.
/// All listings are ordered by name with ordinal comparison.
/// </summary>
public sealed class Catalog
{
    internal Catalog(
        SqlDialect dialect,
        ImmutableSortedSet<string> schemas,
        ImmutableSortedDictionary<QualifiedName, CatalogTable> tables,
        ImmutableSortedDictionary<QualifiedName, CatalogEnumType> enumTypes,
        ImmutableSortedDictionary<QualifiedName, CatalogDomain> domains,
        ImmutableSortedSet<QualifiedName> otherTypes,
        ImmutableSortedDictionary<string, string>? extensions = null,
        RelationNames? relations = null,
        ImmutableSortedDictionary<QualifiedName, CatalogCompositeType>? composites = null)
    {
        Dialect = dialect;
        Schemas = schemas;
        Tables = tables;
        EnumTypes = enumTypes;
        Domains = domains;
        OtherTypes = otherTypes;
        Extensions = extensions ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        Relations = relations ?? RelationNames.Empty;
        Composites = composites ?? ImmutableSortedDictionary<QualifiedName, CatalogCompositeType>.Empty;
    }

    /// <summary>The dialect whose rules built this catalog.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>PostgreSQL schemas (<c>public</c> always exists at the start); empty for MySQL.</summary>
    public ImmutableSortedSet<string> Schemas { get; }

    /// <summary>The tables by name.</summary>
    public ImmutableSortedDictionary<QualifiedName, CatalogTable> Tables { get; }

    /// <summary>PostgreSQL enum types by name.</summary>
    public ImmutableSortedDictionary<QualifiedName, CatalogEnumType> EnumTypes { get; }

    /// <summary>PostgreSQL domains by name.</summary>
    public ImmutableSortedDictionary<QualifiedName, CatalogDomain> Domains { get; }

    /// <summary>Composite, range and base types created by the migrations; in the snapshot by name only.</summary>
    public ImmutableSortedSet<QualifiedName> OtherTypes { get; }

    /// <summary>
    /// The composite types among <see cref="OtherTypes"/> whose attributes the migrations wrote
    /// (one read from a snapshot is known by name only). Not part of the snapshot.
    /// </summary>
    internal ImmutableSortedDictionary<QualifiedName, CatalogCompositeType> Composites { get; }

    /// <summary>
    /// PostgreSQL extensions the migrations created, by name, with the schema their objects went
    /// into. Not part of the snapshot: only used to know which types exist.
    /// </summary>
    internal ImmutableSortedDictionary<string, string> Extensions { get; }

    /// <summary>
    /// PostgreSQL views, sequences and other relations the engine knows by name only. Not part
    /// of the snapshot: only used to answer existence tests and to keep generated names free.
    /// </summary>
    internal RelationNames Relations { get; }

    // Counted when a PostgreSQL name is first generated, then handed from catalog to catalog;
    // one index follows whichever catalog of a run asks (PostgresSchemaNames), under its lock.
    private PostgresSchemaNames? _postgresNames;

    // Counted when first asked which tables a foreign key references, then handed on the same way.
    private ForeignKeyTargets? _foreignKeyTargets;

    /// <summary>The schema of a database before any migration: PostgreSQL has the <c>public</c> schema.</summary>
    public static Catalog Empty(SqlDialect dialect) => new(
        dialect,
        dialect == SqlDialect.Postgres ? ImmutableSortedSet.Create(StringComparer.Ordinal, "public") : ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        ImmutableSortedDictionary<QualifiedName, CatalogTable>.Empty,
        ImmutableSortedDictionary<QualifiedName, CatalogEnumType>.Empty,
        ImmutableSortedDictionary<QualifiedName, CatalogDomain>.Empty,
        ImmutableSortedSet<QualifiedName>.Empty);

    /// <summary>The default schema of unqualified names: <c>public</c> for PostgreSQL, empty for MySQL.</summary>
    public string DefaultSchema => IdentifierRules.For(Dialect).DefaultSchema;

    /// <summary>The table, or <see langword="null"/>.</summary>
    public CatalogTable? FindTable(QualifiedName name) => Tables.TryGetValue(name, out var table) ? table : null;

    /// <summary>The enum type, or <see langword="null"/>.</summary>
    public CatalogEnumType? FindEnumType(QualifiedName name) => EnumTypes.TryGetValue(name, out var type) ? type : null;

    /// <summary>The domain, or <see langword="null"/>.</summary>
    public CatalogDomain? FindDomain(QualifiedName name) => Domains.TryGetValue(name, out var domain) ? domain : null;

    /// <summary>
    /// The values a column accepts, from its enum type, domain, MySQL ENUM/SET list and CHECK
    /// value sets; <see langword="null"/> when the table or column does not exist or nothing
    /// restricts the column.
    /// </summary>
    public AllowedValues? GetAllowedValues(QualifiedName table, string column)
    {
        var found = FindTable(table);
        var col = found?.FindColumn(column, Dialect);
        return found is null || col is null ? null : AllowedValuesOf(found, col, table);
    }

    /// <summary>
    /// As <see cref="GetAllowedValues(QualifiedName, string)"/>, for a column of a table of this
    /// catalog that the caller already holds: the snapshot and the value-set file ask it of every
    /// column, most of which nothing restricts, and those cost no allocation.
    /// <paramref name="shownTable"/> names the table in the sources, as the caller wrote it.
    /// </summary>
    internal AllowedValues? AllowedValuesOf(CatalogTable table, CatalogColumn column, QualifiedName shownTable)
    {
        ImmutableArray<AllowedValuesSource>.Builder? sources = null;
        if (column.TypeReference is { } reference) AddTypeSources(reference, sources = ImmutableArray.CreateBuilder<AllowedValuesSource>(), 0);
        if (column.InlineValues is { } inline)
        {
            var kind = inline.Kind == InlineValueKind.Enum ? AllowedValuesSourceKind.InlineEnum : AllowedValuesSourceKind.InlineSet;
            (sources ??= ImmutableArray.CreateBuilder<AllowedValuesSource>()).Add(new AllowedValuesSource(kind, $"{shownTable}.{column.Name}", inline.Values));
        }

        var comparison = IdentifierRules.For(Dialect).ColumnComparison;
        foreach (var check in table.Checks)
        {
            if (check.Column is { } checkColumn && string.Equals(checkColumn, column.Name, comparison))
            {
                (sources ??= ImmutableArray.CreateBuilder<AllowedValuesSource>()).Add(new AllowedValuesSource(AllowedValuesSourceKind.Check, check.Name, check.Values));
            }
        }

        return sources is null ? null : Combine(sources);
    }

    /// <summary>
    /// The values a reference accepts, as users write it in <c>[DbEnum("...")]</c>: an enum type
    /// or domain (<c>JobStatus</c>, <c>momentum.ScheduleFrequency</c>) or a column
    /// (<c>table.column</c>, <c>schema.table.column</c>). Names are matched exactly as stored;
    /// parts may be quoted. <see langword="null"/> when nothing matches or nothing restricts it.
    /// </summary>
    public AllowedValues? GetAllowedValues(string reference)
    {
        // Quoted parts keep their dots: "my.status" is one name (the same reading as the analyzer's).
        var parts = ValueSets.ObjectReference.Split(reference);
        if (parts.Any(p => p.Length == 0)) return null;
        switch (parts.Count)
        {
            case 1:
                return TypeValues(new QualifiedName(DefaultSchema, parts[0]));
            case 2:
                return TypeValues(new QualifiedName(parts[0], parts[1]))
                       ?? GetAllowedValues(new QualifiedName(DefaultSchema, parts[0]), parts[1]);
            case 3:
                return GetAllowedValues(new QualifiedName(parts[0], parts[1]), parts[2]);
            default:
                return null;
        }
    }

    /// <summary>The values an enum type or domain allows, or <see langword="null"/>.</summary>
    internal AllowedValues? TypeValues(QualifiedName name)
    {
        var sources = ImmutableArray.CreateBuilder<AllowedValuesSource>();
        AddTypeSources(name, sources, 0);
        return Combine(sources);
    }

    private void AddTypeSources(QualifiedName name, ImmutableArray<AllowedValuesSource>.Builder sources, int depth)
    {
        if (EnumTypes.TryGetValue(name, out var type))
        {
            sources.Add(new AllowedValuesSource(AllowedValuesSourceKind.EnumType, name.ToString(), type.Labels));
        }
        else if (Domains.TryGetValue(name, out var domain) && depth < 16)
        {
            if (domain.BaseTypeReference is { } baseType) AddTypeSources(baseType, sources, depth + 1);
            foreach (var check in domain.Checks)
            {
                if (check.IsValueSet)
                {
                    sources.Add(new AllowedValuesSource(AllowedValuesSourceKind.Domain, name.ToString(), check.Values));
                }
            }
        }
    }

    private static AllowedValues? Combine(ImmutableArray<AllowedValuesSource>.Builder sources)
    {
        if (sources.Count == 0) return null;
        IEnumerable<string> values = sources[0].Values;
        for (var i = 1; i < sources.Count; i++)
        {
            var other = sources[i].Values;
            values = values.Where(v => other.Contains(v, StringComparer.Ordinal));
        }

        return new AllowedValues(values.ToImmutableArray(), sources.ToImmutable());
    }

    internal Catalog With(
        ImmutableSortedSet<string>? schemas = null,
        ImmutableSortedDictionary<QualifiedName, CatalogTable>? tables = null,
        ImmutableSortedDictionary<QualifiedName, CatalogEnumType>? enumTypes = null,
        ImmutableSortedDictionary<QualifiedName, CatalogDomain>? domains = null,
        ImmutableSortedSet<QualifiedName>? otherTypes = null,
        ImmutableSortedDictionary<QualifiedName, CatalogCompositeType>? composites = null)
        => KeepingNames(new(Dialect, schemas ?? Schemas, tables ?? Tables, enumTypes ?? EnumTypes, domains ?? Domains, otherTypes ?? OtherTypes, Extensions, Relations, composites ?? Composites));

    /// <summary>
    /// The catalog with <paramref name="table"/> set under <paramref name="name"/>, or the table
    /// dropped when that is <see langword="null"/>, with the schema-wide names PostgreSQL's
    /// generated names are checked against brought up to date at once, for this table only,
    /// when they were up to date before (<see cref="With"/> leaves that to the next name).
    /// </summary>
    internal Catalog WithTable(QualifiedName name, CatalogTable? table)
    {
        var next = With(tables: table is null ? Tables.Remove(name) : Tables.SetItem(name, table));
        if (_postgresNames is { } names)
        {
            lock (names)
            {
                if (names.Counts(Tables, Domains)) names.FollowOne(name, FindTable(name), table, next.Tables);
            }
        }

        if (_foreignKeyTargets is { } targets)
        {
            lock (targets)
            {
                if (targets.Counts(Tables)) targets.FollowOne(name, Tables.TryGetValue(name, out var old) ? old : null, table, next.Tables);
            }
        }

        return next;
    }

    /// <summary>The catalog with <paramref name="domain"/> set; as <see cref="WithTable"/>, for a domain's CHECK names.</summary>
    internal Catalog WithDomain(CatalogDomain domain)
    {
        var next = With(domains: Domains.SetItem(domain.Name, domain));
        if (_postgresNames is { } names)
        {
            lock (names)
            {
                if (names.Counts(Tables, Domains)) names.FollowOne(FindDomain(domain.Name), domain, next.Domains);
            }
        }

        return next;
    }

    // The index travels on; the catalog that asks brings it to its own tables.
    private Catalog KeepingNames(Catalog next)
    {
        next._postgresNames = _postgresNames;
        next._foreignKeyTargets = _foreignKeyTargets;
        return next;
    }

    /// <summary>The tables of this catalog with a foreign key that references <paramref name="table"/> (one read from a snapshot, whose target is not known, never does), in no particular order.</summary>
    internal QualifiedName[] TablesReferencing(QualifiedName table)
    {
        var targets = _foreignKeyTargets ??= new ForeignKeyTargets(Tables);
        lock (targets)
        {
            targets.Follow(Tables);
            return targets.HoldersOf(table);
        }
    }

    /// <summary>How many tables, domains and relations known by name of this catalog take <paramref name="name"/> in <paramref name="space"/> (one of the spaces).</summary>
    internal int PostgresNameCount(QualifiedName name, PostgresNameSpaces space)
    {
        var names = _postgresNames ??= new PostgresSchemaNames(this);
        lock (names)
        {
            names.Follow(Tables, Domains);
            var named = space == PostgresNameSpaces.Relation && Relations.Named.ContainsKey(name) ? 1 : 0;
            return names.Count(name, space, IdentifierRules.For(Dialect)) + named;
        }
    }

    internal Catalog WithExtensions(ImmutableSortedDictionary<string, string> extensions)
        => KeepingNames(new(Dialect, Schemas, Tables, EnumTypes, Domains, OtherTypes, extensions, Relations, Composites));

    internal Catalog WithRelations(RelationNames relations)
        => ReferenceEquals(relations, Relations) ? this : KeepingNames(new(Dialect, Schemas, Tables, EnumTypes, Domains, OtherTypes, Extensions, relations, Composites));
}
