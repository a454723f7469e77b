namespace SchemaTasks;

/// <summary>The SQL dialect migrations are written in.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL 12 and later.</summary>
    Postgres,

    /// <summary>MySQL 8.0 and MariaDB 10.5 and later.</summary>
    MySql,
}

/// <summary>The names users write for a <see cref="SqlDialect"/> in properties and options.</summary>
public static class SqlDialectNames
{
    /// <summary>The name of <paramref name="dialect"/> as written in properties and files.</summary>
    public static string ToName(this SqlDialect dialect) => dialect switch
    {
        SqlDialect.Postgres => "postgres",
        SqlDialect.MySql => "mysql",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>
    /// Reads a dialect name. Accepts the canonical names and the spellings other tools use
    /// (<c>postgresql</c>, <c>mariadb</c>), case-insensitively.
    /// </summary>
    public static bool TryParse(string? text, out SqlDialect dialect)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "postgres" or "postgresql" or "pg":
                dialect = SqlDialect.Postgres;
                return true;
            case "mysql" or "mariadb":
                dialect = SqlDialect.MySql;
                return true;
            default:
                dialect = default;
                return false;
        }
    }
}
