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

    private IdentifierRules(SqlDialect dialect, string defaultSchema, StringComparison columnComparison)
    {
        Dialect = dialect;
        DefaultSchema = defaultSchema;
        ColumnComparison = columnComparison;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The schema of an unqualified name.</summary>
    public string DefaultSchema { get; }

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

    /// <summary>The stored name of an unquoted identifier.</summary>
    public string FoldUnquoted(string word) => Dialect == SqlDialect.Postgres ? word.ToLowerInvariant() : word;

    /// <summary>The name an identifier token stands for: a word folded as the dialect folds it, a quoted name as written.</summary>
    public string Name(string source, SqlToken token)
        => token.Kind == SqlTokenKind.Word ? FoldUnquoted(SqlTokenText.Raw(source, token)) : SqlTokenText.Unquote(source, token);

    /// <summary>The identifier as SQL would write it, quoted only where needed.</summary>
    public string Quote(string name) => SqlQuoting.Identifier(name, QuotingStyle);

    /// <summary>A qualified name as SQL would write it; the default schema is left out.</summary>
    public string Quote(QualifiedName name)
        => SqlQuoting.QualifiedIdentifier(name.Schema, name.Name, DefaultSchema, QuotingStyle);

    /// <summary>A string literal in the dialect's syntax.</summary>
    public string QuoteString(string value) => SqlQuoting.StringLiteral(value, QuotingStyle);

    private QuotingStyle QuotingStyle => Dialect.IsMySqlFamily() ? QuotingStyle.MySql : QuotingStyle.Postgres;
}
