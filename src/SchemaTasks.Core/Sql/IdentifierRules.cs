using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// How a dialect treats names: folding of unquoted identifiers, comparison of column names,
/// the default schema, and quoting for display. The one place these differences live.
/// </summary>
internal sealed class IdentifierRules
{
    public static readonly IdentifierRules Postgres = new(SqlDialect.Postgres, "public", StringComparison.Ordinal);

    // On Linux (lower_case_table_names=0) MySQL table names are case-sensitive; column names never are.
    public static readonly IdentifierRules MySql = new(SqlDialect.MySql, string.Empty, StringComparison.OrdinalIgnoreCase);

    /// <summary>MariaDB names things as MySQL does; <see cref="Dialect"/> tells the catalog which server's rules to follow.</summary>
    public static readonly IdentifierRules MariaDb = new(SqlDialect.MariaDb, string.Empty, StringComparison.OrdinalIgnoreCase);

    // Whether reading DefaultSchema is noted in DefaultSchemaRead (NoticingUnqualifiedNames).
    private readonly bool _noticing;

    private readonly string _defaultSchema;

    private IdentifierRules(SqlDialect dialect, string defaultSchema, StringComparison columnComparison, string? shownWithoutSchema = null, bool noticing = false)
    {
        Dialect = dialect;
        _defaultSchema = defaultSchema;
        _noticing = noticing;
        ShownWithoutSchema = shownWithoutSchema ?? defaultSchema;
        ColumnComparison = columnComparison;
    }

    public SqlDialect Dialect { get; }

    /// <summary>
    /// The schema of an unqualified name: <c>public</c>, or for a PostgreSQL statement under a
    /// search_path the engine follows, the schema its unqualified names resolve to
    /// (<see cref="ResolvingIn"/>).
    /// </summary>
    public string DefaultSchema
    {
        get
        {
            if (_noticing) DefaultSchemaRead = true;
            return _defaultSchema;
        }
    }

    /// <summary>
    /// For rules from <see cref="NoticingUnqualifiedNames"/>: whether anything read
    /// <see cref="DefaultSchema"/>, which the parser and the appliers do to place an unqualified name.
    /// </summary>
    public bool DefaultSchemaRead { get; private set; }

    /// <summary>
    /// The schema a name is shown without: always the dialect's own default (<c>public</c>), as
    /// the server shows stored names (type names, nextval's sequence) on the path a read uses,
    /// whatever path the statement that stored them ran under.
    /// </summary>
    public string ShownWithoutSchema { get; }

    /// <summary>How column names compare.</summary>
    public StringComparison ColumnComparison { get; }

    /// <summary><see cref="ColumnComparison"/> as a comparer, for sets of column names.</summary>
    public StringComparer ColumnComparer => ColumnComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// How names of indexes, keys, foreign keys and CHECK constraints compare, the one rule for
    /// them: MySQL and MariaDB ignore case on every platform (<c>DROP INDEX uk</c> drops <c>UK</c>,
    /// and a second key <c>uk</c> beside it is refused), unlike table names, which follow
    /// <c>lower_case_table_names</c>. PostgreSQL's parser has already folded them: as written.
    /// </summary>
    public StringComparer KeyNameComparer => Dialect.IsMySqlFamily() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static IdentifierRules For(SqlDialect dialect) => dialect switch
    {
        SqlDialect.MySql => MySql,
        SqlDialect.MariaDb => MariaDb,
        _ => Postgres,
    };

    /// <summary>These rules with unqualified names read as names in <paramref name="schema"/>; shown as before.</summary>
    public IdentifierRules ResolvingIn(string schema)
        => schema == _defaultSchema ? this : new(Dialect, schema, ColumnComparison, ShownWithoutSchema);

    /// <summary>A copy of these rules that notes whether a statement read as them had an unqualified name (<see cref="DefaultSchemaRead"/>).</summary>
    public IdentifierRules NoticingUnqualifiedNames() => new(Dialect, _defaultSchema, ColumnComparison, ShownWithoutSchema, noticing: true);

    /// <summary>The stored name of an unquoted identifier.</summary>
    public string FoldUnquoted(string word) => Dialect == SqlDialect.Postgres ? word.ToLowerInvariant() : word;

    /// <summary>The name an identifier token stands for: a word folded as the dialect folds it, a quoted name as written.</summary>
    public string Name(string source, SqlToken token)
        => token.Kind == SqlTokenKind.Word ? FoldUnquoted(SqlTokenText.Raw(source, token)) : SqlTokenText.Unquote(source, token);

    /// <summary>The identifier as SQL would write it, quoted only where needed.</summary>
    public string Quote(string name) => SqlQuoting.Identifier(name, QuotingStyle);

    /// <summary>A qualified name as SQL would write it; the default schema is left out.</summary>
    public string Quote(QualifiedName name)
        => SqlQuoting.QualifiedIdentifier(name.Schema, name.Name, ShownWithoutSchema, QuotingStyle);

    /// <summary>A string literal in the dialect's syntax.</summary>
    public string QuoteString(string value) => SqlQuoting.StringLiteral(value, QuotingStyle);

    private QuotingStyle QuotingStyle => Dialect.IsMySqlFamily() ? QuotingStyle.MySql : QuotingStyle.Postgres;
}
