using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Builds a <see cref="Catalog"/> from facts read elsewhere, typically a live database's system
/// catalog. Type texts, defaults and CHECK definitions go through the same lexer, type reader
/// and CHECK reader as migration SQL, so a catalog built here compares equal to the one
/// <see cref="SchemaEngine"/> builds from the migrations that created the same objects:
/// <c>character varying(20)</c> and <c>varchar(20)</c> agree, and the live
/// <c>CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])))</c> is the same value set as the written
/// <c>CHECK (s IN ('a','b'))</c>.
/// </summary>
/// <remarks>
/// Add objects in any order; enum type and domain references of columns and domains are
/// resolved in <see cref="Build"/>. Names are taken as stored (already folded). For MySQL, the
/// schema of objects in the connection's own database is the empty string, as in migrations.
/// Not thread-safe.
/// </remarks>
public sealed class CatalogBuilder
{
    private static readonly TypeSpec UnreadType = new(string.Empty, null, IsArray: false, Inline: null, IsSerial: false);

    private readonly IdentifierRules _rules;
    private readonly SortedSet<string> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<QualifiedName, CatalogEnumType> _enumTypes = [];
    private readonly Dictionary<QualifiedName, DomainEntry> _domains = [];
    private readonly Dictionary<QualifiedName, TableEntry> _tables = [];
    private readonly SortedSet<QualifiedName> _otherTypes = [];

    // A live schema repeats few type texts and many CHECK texts (the same list on many tables):
    // parse each text once. Parsing is a pure function of the text under one dialect's rules.
    private readonly Dictionary<string, TypeSpec> _parsedTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogCheck> _parsedChecks = new(StringComparer.Ordinal);

    // One token list for every text parsed here, instead of a new one per text.
    private readonly List<SqlToken> _tokens = [];

    /// <summary>Starts an empty catalog (no schemas, not even <c>public</c>) for <paramref name="dialect"/>.</summary>
    /// <param name="dialect">The dialect whose normalisation rules apply.</param>
    public CatalogBuilder(SqlDialect dialect)
    {
        Dialect = dialect;
        _rules = IdentifierRules.For(dialect);
    }

    /// <summary>The dialect of the catalog being built.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Adds a PostgreSQL schema.</summary>
    /// <param name="name">The schema's stored name.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder AddSchema(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _schemas.Add(name);
        return this;
    }

    /// <summary>Adds a PostgreSQL enum type.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="labels">The labels in the type's sort order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The type was already added.</exception>
    public CatalogBuilder AddEnumType(QualifiedName name, IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!_enumTypes.TryAdd(name, new CatalogEnumType(name, labels.ToImmutableArray())))
        {
            throw new ArgumentException($"The enum type {name} was already added.", nameof(name));
        }

        return this;
    }

    /// <summary>Adds a composite, range or base type, tracked by name only.</summary>
    /// <param name="name">The type's name.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder AddOtherType(QualifiedName name)
    {
        _otherTypes.Add(name);
        return this;
    }

    /// <summary>Adds a PostgreSQL domain.</summary>
    /// <param name="name">The domain's name.</param>
    /// <param name="baseType">The base type as SQL or <c>format_type</c> writes it; user types schema-qualified or in <c>public</c>.</param>
    /// <param name="isNotNull">Whether the domain forbids NULL.</param>
    /// <param name="defaultExpression">The default expression text, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The domain was already added, or a text is not valid SQL.</exception>
    public CatalogBuilder AddDomain(QualifiedName name, string baseType, bool isNotNull, string? defaultExpression)
    {
        var type = ParseType(baseType, nameof(baseType));
        if (!_domains.TryAdd(name, new DomainEntry(type, isNotNull, Render(defaultExpression, nameof(defaultExpression)))))
        {
            throw new ArgumentException($"The domain {name} was already added.", nameof(name));
        }

        return this;
    }

    /// <summary>Adds a CHECK constraint to a domain added before.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="definition"><c>CHECK (...)</c> as <c>pg_get_constraintdef</c> shows it, or the bare expression.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The domain was not added, or the definition is not valid SQL.</exception>
    public CatalogBuilder AddDomainCheck(QualifiedName domain, string name, string definition)
    {
        if (!_domains.TryGetValue(domain, out var entry)) throw new ArgumentException($"The domain {domain} was not added.", nameof(domain));
        entry.Checks.Add(ParseCheck(name, definition));
        return this;
    }

    /// <summary>Adds a table without columns; adding it again is harmless.</summary>
    /// <param name="name">The table's name.</param>
    /// <returns>This builder.</returns>
    public CatalogBuilder AddTable(QualifiedName name)
    {
        if (!_tables.ContainsKey(name)) _tables.Add(name, new TableEntry());
        return this;
    }

    /// <summary>Appends a column to a table added before; call in column order.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The column's stored name.</param>
    /// <param name="type">
    /// The type as SQL, <c>format_type</c> or MySQL's <c>COLUMN_TYPE</c> writes it (<c>varchar(20)</c>,
    /// <c>enum('a','b')</c>, <c>momentum."Kind"[]</c>); normalised as the migrations' types are,
    /// and MySQL ENUM/SET value lists become <see cref="CatalogColumn.InlineValues"/>.
    /// </param>
    /// <param name="isNullable">Whether the column accepts NULL.</param>
    /// <param name="defaultExpression">The default expression text, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The table was not added, or a text is not valid SQL.</exception>
    public CatalogBuilder AddColumn(QualifiedName table, string name, string type, bool isNullable, string? defaultExpression)
    {
        ArgumentNullException.ThrowIfNull(name);
        Table(table).Columns.Add(new ColumnEntry(name, ParseType(type, nameof(type)), isNullable, Render(defaultExpression, nameof(defaultExpression))));
        return this;
    }

    /// <summary>
    /// Appends a column known by name alone, for a read that does not need the rest (the start-up
    /// check compares which columns exist, not their types): its type is empty, it is nullable,
    /// and it has no default. Call in column order.
    /// </summary>
    /// <exception cref="ArgumentException">The table was not added.</exception>
    internal CatalogBuilder AddColumnByName(QualifiedName table, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Table(table).Columns.Add(new ColumnEntry(name, UnreadType, IsNullable: true, Default: null));
        return this;
    }

    /// <summary>Adds a CHECK constraint to a table added before; call in the order the checks were added.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The constraint's name.</param>
    /// <param name="definition"><c>CHECK (...)</c> as <c>pg_get_constraintdef</c> shows it, or the bare expression (MySQL <c>CHECK_CLAUSE</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The table was not added, or the definition is not valid SQL.</exception>
    public CatalogBuilder AddCheck(QualifiedName table, string name, string definition)
    {
        Table(table).Checks.Add(ParseCheck(name, definition));
        return this;
    }

    /// <summary>Records the name of a primary key, unique, foreign key or exclusion constraint of a table added before.</summary>
    /// <param name="table">The table.</param>
    /// <param name="name">The constraint's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The table was not added.</exception>
    public CatalogBuilder AddOtherConstraint(QualifiedName table, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        (Table(table).OtherConstraints ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
        return this;
    }

    /// <summary>The catalog of everything added, with enum type and domain references resolved.</summary>
    /// <returns>A new immutable catalog; the builder can go on.</returns>
    public Catalog Build()
    {
        var enumTypes = _enumTypes.ToImmutableSortedDictionary();
        var domains = ImmutableSortedDictionary.CreateBuilder<QualifiedName, CatalogDomain>();
        foreach (var (name, entry) in _domains)
        {
            domains.Add(name, new CatalogDomain(name, TypeText(entry.Type, out var reference), entry.NotNull, entry.Default, entry.Checks.ToImmutableArray())
            {
                BaseTypeReference = reference,
            });
        }

        var tables = ImmutableSortedDictionary.CreateBuilder<QualifiedName, CatalogTable>();
        foreach (var (name, entry) in _tables)
        {
            var columns = ImmutableArray.CreateBuilder<CatalogColumn>(entry.Columns.Count);
            foreach (var c in entry.Columns)
            {
                columns.Add(new CatalogColumn(c.Name, TypeText(c.Type, out var reference), c.IsNullable, c.Default)
                {
                    TypeReference = reference,
                    IsArray = c.Type.IsArray,
                    InlineValues = c.Type.Inline,
                });
            }

            tables.Add(name, new CatalogTable(name, columns.MoveToImmutable(), entry.Checks.ToImmutableArray(), CatalogTable.NoConstraints(_rules).Union(entry.OtherConstraints ?? Enumerable.Empty<string>())));
        }

        return new Catalog(
            Dialect,
            _schemas.ToImmutableSortedSet(StringComparer.Ordinal),
            tables.ToImmutable(),
            enumTypes,
            domains.ToImmutable(),
            _otherTypes.ToImmutableSortedSet());

        // The same resolution as migrations: a user type is referenced only if it is a known enum type or domain.
        string TypeText(TypeSpec type, out QualifiedName? reference)
        {
            reference = type.UserType is { } user && (enumTypes.ContainsKey(user) || _domains.ContainsKey(user)) ? user : null;
            return type.Text;
        }
    }

    private TableEntry Table(QualifiedName name)
        => _tables.TryGetValue(name, out var entry) ? entry : throw new ArgumentException($"The table {name} was not added.", nameof(name));

    private TypeSpec ParseType(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        if (_parsedTypes.TryGetValue(text, out var known)) return known;
        try
        {
            return _parsedTypes[text] = DdlParser.ParseDataType(text, _rules, _tokens);
        }
        catch (SqlParseException error)
        {
            throw new ArgumentException($"'{text}' is not a data type: {error.Message}.", parameter, error);
        }
    }

    private CatalogCheck ParseCheck(string name, string definition)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            if (!_parsedChecks.TryGetValue(definition, out var parsed))
            {
                var check = DdlParser.ParseCheckDefinition(definition, _rules, _tokens);
                _parsedChecks[definition] = parsed = TableStatements.ToCatalogCheck(name, check);
            }

            return parsed.Name == name ? parsed : parsed with { Name = name };
        }
        catch (SqlParseException error)
        {
            throw new ArgumentException($"'{definition}' is not a CHECK definition: {error.Message}.", nameof(definition), error);
        }
    }

    private string? Render(string? expression, string parameter)
        => expression is null ? null : expression.Trim().Length == 0 ? throw new ArgumentException("A default cannot be empty.", parameter) : DdlParser.RenderExpression(expression, _rules, _tokens);

    private sealed record DomainEntry(TypeSpec Type, bool NotNull, string? Default)
    {
        public List<CatalogCheck> Checks { get; } = [];
    }

    private sealed record ColumnEntry(string Name, TypeSpec Type, bool IsNullable, string? Default);

    private sealed class TableEntry
    {
        public List<ColumnEntry> Columns { get; } = [];

        public List<CatalogCheck> Checks { get; } = [];

        // Created on the first key or foreign key: the start-up check's read adds none.
        public SortedSet<string>? OtherConstraints { get; set; }
    }
}
