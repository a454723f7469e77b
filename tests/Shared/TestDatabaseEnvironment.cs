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

    private static string MissingMessage(string variable) =>
        $"{variable} is not set; run build/test.sh, which starts the servers "
        + "(or run build/db.sh start and eval \"$(build/db.sh env)\" before running the tests).";
}
