namespace SchemaTasks;

/// <summary>The SQL dialect migrations are written in, and the server whose rules the schema follows.</summary>
/// <remarks>
/// MySQL 8 and MariaDB share a grammar but not their rules for CHECK constraints, JSON and
/// integer display widths; <see cref="SqlDialectNames.IsMySqlFamily"/> is the one test for what
/// they share. docs/dialects.md lists every difference.
/// </remarks>
public enum SqlDialect
{
    /// <summary>PostgreSQL 12 and later.</summary>
    Postgres,

    /// <summary>MySQL 8.0 and later (and snapshots written before MariaDB had its own dialect).</summary>
    MySql,

    /// <summary>MariaDB 10.5 and later.</summary>
    MariaDb,
}

/// <summary>The names users write for a <see cref="SqlDialect"/> in properties and options.</summary>
public static class SqlDialectNames
{
    /// <summary>The name of <paramref name="dialect"/> as written in properties and files.</summary>
    public static string ToName(this SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres => "postgres",
        SqlDialect.MySql => "mysql",
        SqlDialect.MariaDb => "mariadb",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>The server's name as people write it (<c>PostgreSQL</c>, <c>MySQL 8</c>, <c>MariaDB</c>), for messages.</summary>
    public static string ServerName(this SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres => "PostgreSQL",
        SqlDialect.MySql => "MySQL 8",
        SqlDialect.MariaDb => "MariaDB",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>
    /// Whether the dialect is MySQL 8 or MariaDB: the same lexing, quoting, statement splitting,
    /// type names and drivers. The one place that groups them.
    /// </summary>
    public static bool IsMySqlFamily(this SqlDialect dialect) => dialect is SqlDialect.MySql or SqlDialect.MariaDb;

    /// <summary>
    /// Reads a dialect name. Accepts the canonical names and the spellings other tools use
    /// (<c>postgresql</c>, <c>pg</c>, <c>mysql8</c>), case-insensitively.
    /// </summary>
    public static bool TryParse(string? text, out SqlDialect dialect)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "postgres" or "postgresql" or "pg":
                dialect = SqlDialect.Postgres;
                return true;
            case "mysql" or "mysql8":
                dialect = SqlDialect.MySql;
                return true;
            case "mariadb":
                dialect = SqlDialect.MariaDb;
                return true;
            default:
                dialect = default;
                return false;
        }
    }
}
