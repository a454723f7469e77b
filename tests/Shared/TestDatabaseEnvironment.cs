namespace SchemaTasks.Testing;

/// <summary>
/// Where the database tests find their servers: connection strings in environment variables
/// that <c>build/test.sh</c> sets after <c>build/db.sh start</c>. Point them at any server you
/// own to run the tests from an IDE; the user needs the right to create and drop databases.
/// </summary>
/// <remarks>
/// Without the variable a database test is skipped on a developer machine, but fails under
/// CI (<c>CI=true</c>), so a broken pipeline cannot go green by silently skipping every test.
/// </remarks>
internal static class TestDatabaseEnvironment
{
    /// <summary>Connection string of the PostgreSQL server; its database is the maintenance one (postgres).</summary>
    public const string PostgresVariable = "SCHEMATASKS_TEST_POSTGRES";

    /// <summary>Connection string of the MySQL or MariaDB server; its database is the maintenance one (mysql).</summary>
    public const string MySqlVariable = "SCHEMATASKS_TEST_MYSQL";

    /// <summary>The name of the server in <see cref="PostgresVariable"/> among <see cref="PostgresServers"/>.</summary>
    public const string DefaultPostgresServer = "default";

    /// <summary>
    /// The PostgreSQL versions every run covers besides the default server: the oldest and the
    /// newest the project supports. <c>build/db.sh</c> starts them; each has a variable of its
    /// own (<see cref="PostgresServerVariable"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> SupportedPostgresVersions = ["12", "18"];

    /// <summary>
    /// The PostgreSQL servers the tests that run per server use: <see cref="DefaultPostgresServer"/>,
    /// each of <see cref="SupportedPostgresVersions"/> whose variable is set (under CI every one,
    /// so a missing one fails its tests), and any other version a <c>SCHEMATASKS_TEST_POSTGRES_N</c>
    /// variable names (<c>SCHEMATASKS_PG_VERSIONS="13 14" build/db.sh start</c>).
    /// </summary>
    public static IReadOnlyList<string> PostgresServers()
    {
        var prefix = PostgresVariable + "_";
        var others = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && name[prefix.Length..].All(char.IsAsciiDigit) && IsSet(name))
            .Select(name => name[prefix.Length..]);
        var versions = SupportedPostgresVersions
            .Where(version => IsContinuousIntegration() || IsSet(PostgresServerVariable(version)))
            .Concat(others)
            .Distinct()
            .OrderBy(version => int.Parse(version, System.Globalization.CultureInfo.InvariantCulture));
        return [DefaultPostgresServer, .. versions];
    }

    /// <summary>The variable holding <paramref name="server"/>'s connection string: <c>SCHEMATASKS_TEST_POSTGRES</c> or <c>SCHEMATASKS_TEST_POSTGRES_12</c>.</summary>
    public static string PostgresServerVariable(string server) =>
        server == DefaultPostgresServer ? PostgresVariable : PostgresVariable + "_" + server;

    /// <summary>Why a test that needs <paramref name="variable"/> is skipped, or null when it must run.</summary>
    public static string? SkipReason(string variable) =>
        IsSet(variable) || IsContinuousIntegration() ? null : MissingMessage(variable);

    /// <summary>Marks <paramref name="test"/> skipped when <see cref="SkipReason"/> says so.</summary>
    public static void SkipUnlessAvailable(FactAttribute test, string variable)
    {
        if (SkipReason(variable) is { } reason)
        {
            test.Skip = reason;
        }
    }

    /// <summary>The server connection string in <paramref name="variable"/>; throws when it is not set.</summary>
    public static string RequireConnectionString(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(MissingMessage(variable))
            : value;
    }

    /// <summary>
    /// A database name no other test uses: parallel tests and test runs that died before
    /// cleaning up never collide. Lower case and unquoted-safe on both servers.
    /// </summary>
    public static string NewDatabaseName() => "st_" + Guid.NewGuid().ToString("N")[..12];

    private static bool IsSet(string variable) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));

    private static bool IsContinuousIntegration() =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string MissingMessage(string variable) => variable == PeerTools.Variable
        ? $"{variable} is not set; run build/test.sh, which installs the peer tools (or run build/peer-tools.sh install and eval \"$(build/peer-tools.sh env)\" before running the tests)."
        : $"{variable} is not set; run build/test.sh, which starts the servers "
          + "(or run build/db.sh start and eval \"$(build/db.sh env)\" before running the tests).";
}
