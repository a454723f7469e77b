using System.Collections.Generic;
using System.Text;

namespace SchemaTasks.Sql;

/// <summary>Whose quoting a dialect follows; MariaDB quotes as MySQL does.</summary>
internal enum QuotingStyle
{
    Postgres,
    MySql,
}

/// <summary>
/// Identifiers and string literals as PostgreSQL and MySQL read them: the one place their
/// quoting lives, compiled into the engine and into the analyzer (src/Shared/README.md).
/// </summary>
internal static class SqlQuoting
{
    private static readonly HashSet<string> PostgresReserved = new(System.StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
        "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
        "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
        "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table", "then",
        "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window", "with",
    };

    /// <summary>The style of a dialect as the value-set file names it: <c>postgres</c>, <c>mysql</c> or <c>mariadb</c>.</summary>
    public static QuotingStyle StyleOf(string dialectName)
        => dialectName is "mysql" or "mariadb" ? QuotingStyle.MySql : QuotingStyle.Postgres;

    /// <summary>The identifier as SQL would write it, quoted only where needed.</summary>
    public static string Identifier(string name, QuotingStyle style)
    {
        if (style == QuotingStyle.MySql)
        {
            foreach (var c in name)
            {
                if (!(IsAsciiLetter(c) || IsAsciiDigit(c) || c is '_' or '$'))
                {
                    return "`" + name.Replace("`", "``") + "`";
                }
            }

            return name.Length == 0 ? "``" : name;
        }

        var plain = name.Length > 0 && (IsAsciiLower(name[0]) || name[0] == '_') && !PostgresReserved.Contains(name);
        for (var i = 1; plain && i < name.Length; i++)
        {
            plain = IsAsciiLower(name[i]) || IsAsciiDigit(name[i]) || name[i] is '_' or '$';
        }

        return plain ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// A schema-qualified name as SQL would write it: each part quoted on its own, so a dot
    /// inside a part stays inside its quotes. The default schema (and an empty one) is left out.
    /// </summary>
    public static string QualifiedIdentifier(string schema, string name, string defaultSchema, QuotingStyle style)
        => schema.Length == 0 || schema == defaultSchema ? Identifier(name, style) : Identifier(schema, style) + "." + Identifier(name, style);

    /// <summary>A string literal in the dialect's syntax; MySQL also reads a backslash as an escape.</summary>
    public static string StringLiteral(string value, QuotingStyle style)
    {
        if (value.IndexOf('\'') < 0 && (style != QuotingStyle.MySql || value.IndexOf('\\') < 0)) return "'" + value + "'"; // Nothing to escape: the common case.
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c == '\'') builder.Append("''");
            else if (c == '\\' && style == QuotingStyle.MySql) builder.Append(@"\\");
            else builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }

    // char.IsAsciiLetter and friends are .NET 7+; the analyzer runs on netstandard2.0.
    private static bool IsAsciiLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}
