using System.Reflection;
using Xunit.Sdk;

namespace SchemaTasks.Testing;

// The skip decision is made when xUnit 2 discovers the test, the only moment it lets a test
// skip itself; the rule lives in TestDatabaseEnvironment.SkipReason.

/// <summary>A test that needs the PostgreSQL server in <c>SCHEMATASKS_TEST_POSTGRES</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() =>
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.PostgresVariable);
}

/// <summary>The data-driven form of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() =>
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.PostgresVariable);
}

/// <summary>
/// Runs a <see cref="PostgresTheoryAttribute"/> once on each server of
/// <see cref="TestDatabaseEnvironment.PostgresServers"/> (the default one, 12, 18); the test's
/// one parameter is the server's name, for <c>PostgresTestDatabase.CreateAsync(server)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class EveryPostgresServerAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestDatabaseEnvironment.PostgresServers().Select(server => new object[] { server });
}

/// <summary>A test that needs the MySQL or MariaDB server in <c>SCHEMATASKS_TEST_MYSQL</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class MySqlFactAttribute : FactAttribute
{
    public MySqlFactAttribute() =>
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.MySqlVariable);
}

/// <summary>The data-driven form of <see cref="MySqlFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class MySqlTheoryAttribute : TheoryAttribute
{
    public MySqlTheoryAttribute() =>
        TestDatabaseEnvironment.SkipUnlessAvailable(this, TestDatabaseEnvironment.MySqlVariable);
}
