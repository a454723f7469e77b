using System.Text;
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

    private static readonly HashSet<string> PostgresReserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
        "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
        "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
        "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table", "then",
        "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with",
    };

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

    public static IdentifierRules For(SqlDialect dialect) => dialect switch
    {
        SqlDialect.MySql => MySql,
        SqlDialect.MariaDb => MariaDb,
        _ => Postgres,
    };

    /// <summary>The stored name of an unquoted identifier.</summary>
    public string FoldUnquoted(string word) => Dialect == SqlDialect.Postgres ? word.ToLowerInvariant() : word;

    /// <summary>The identifier as SQL would write it, quoted only where needed.</summary>
    public string Quote(string name)
    {
        if (Dialect.IsMySqlFamily())
        {
            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
                {
                    return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
                }
            }

            return name.Length == 0 ? "``" : name;
        }

        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && !PostgresReserved.Contains(name);
        for (var i = 1; plain && i < name.Length; i++)
        {
            plain = char.IsAsciiLetterLower(name[i]) || char.IsAsciiDigit(name[i]) || name[i] is '_' or '$';
        }

        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A qualified name as SQL would write it; the default schema is left out.</summary>
    public string Quote(QualifiedName name)
        => name.Schema.Length == 0 || name.Schema == DefaultSchema ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);

    /// <summary>A string literal in the dialect's syntax.</summary>
    public string QuoteString(string value)
    {
        if (value.IndexOf('\'') < 0 && (value.IndexOf('\\') < 0 || !Dialect.IsMySqlFamily())) return string.Concat("'", value, "'");
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c == '\'') builder.Append("''");
            else if (c == '\\' && Dialect.IsMySqlFamily()) builder.Append(@"\\");
            else builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }
}
