using System.Text.RegularExpressions;

namespace SchemaTasks.Migrations;

/// <summary>
/// One file of a pop migrations folder, named as gobuffalo/pop and ory's popx name them:
/// <c>&lt;version&gt;_&lt;name&gt;[.&lt;dialect&gt;][.autocommit].(up|down).sql</c>.
/// </summary>
/// <param name="Version">The digits before the first <c>_</c>, kept as text: pop compares and records versions as strings.</param>
/// <param name="Name">The name between the version and the first <c>.</c>.</param>
/// <param name="Dialect">pop's canonical name of the dialect part (<c>postgres</c>, <c>mysql</c>, ...), or <see langword="null"/> for a file every dialect runs.</param>
/// <param name="Autocommit">Whether popx runs the file outside a transaction.</param>
/// <param name="IsDown">Whether the file reverts its version; such files are no schema history.</param>
internal sealed record PopMigrationFile(string Version, string Name, string? Dialect, bool Autocommit, bool IsDown)
{
    /// <summary>The end of a fizz migration's name: pop's own language for schema changes, which SchemaTasks does not read.</summary>
    public const string FizzUpSuffix = ".up.fizz";

    // The name holds no '.', so what follows it is at most a dialect and the autocommit flag.
    // popx reads '<name>.autocommit.up.sql' as an autocommit file for every dialect, never as a
    // dialect named "autocommit".
    private static Regex Pattern => field ??= new(
        @"^(?<version>\d+)_(?<name>[^.]+)(?:\.(?!autocommit\.)(?<dialect>[a-z0-9]+))?(?<autocommit>\.autocommit)?\.(?<direction>up|down)\.sql$",
        RegexOptions.CultureInvariant);

    /// <summary>The file named <paramref name="fileName"/>, or <see langword="null"/> when pop would not read it as a migration.</summary>
    public static PopMigrationFile? Parse(string fileName)
    {
        var match = Pattern.Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        var dialect = match.Groups["dialect"];
        return new PopMigrationFile(
            match.Groups["version"].Value,
            match.Groups["name"].Value,
            dialect.Success ? CanonicalDialect(dialect.Value) : null,
            match.Groups["autocommit"].Success,
            match.Groups["direction"].Value == "down");
    }

    /// <summary>Whether the dialect part names a database pop connects to; popx passes over files of any other.</summary>
    public bool IsKnownDialect => Dialect is "postgres" or "cockroach" or "mysql" or "sqlite3";

    /// <summary>Whether the name shows pop wrote it: a dialect part pop knows, or popx's autocommit flag.</summary>
    public bool IsPopOnly => IsKnownDialect || Autocommit;

    /// <summary>pop's name for the files written for <paramref name="dialect"/>: MySQL and MariaDB both run <c>.mysql.</c> files.</summary>
    public static string DialectPart(SqlDialect dialect) => dialect == SqlDialect.Postgres ? "postgres" : "mysql";

    /// <summary>Whether a file at <paramref name="relativePath"/> carries popx's autocommit flag.</summary>
    public static bool IsAutocommit(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return Parse(slash < 0 ? relativePath : relativePath.Substring(slash + 1)) is { Autocommit: true };
    }

    // pop's synonyms for its dialects (its CanonicalDialect); any other name stays as written.
    private static string CanonicalDialect(string name) => name switch
    {
        "postgresql" or "pg" or "pgx" => "postgres",
        "cockroachdb" or "crdb" => "cockroach",
        "sqlite" => "sqlite3",
        _ => name,
    };
}
