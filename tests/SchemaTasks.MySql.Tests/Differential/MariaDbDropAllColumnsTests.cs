using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB (and MySQL 8, by its manual) refuses an ALTER TABLE that leaves the table without a
/// column, error 1090; one that adds a column as it drops the others is accepted.
/// </summary>
public sealed class MariaDbDropAllColumnsTests
{
    [MySqlTheory]
    [InlineData("the only column", "CREATE TABLE t (a int);\nALTER TABLE t DROP COLUMN a;")]
    [InlineData("every column in one statement", "CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN a, DROP b;")]
    [InlineData("with IF EXISTS", "CREATE TABLE t (a int);\nALTER TABLE t DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS z;")]
    public async Task Dropping_every_column_is_refused(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.AllColumnsDropped, 1090);
    }

    [MySqlFact]
    public async Task Dropping_every_column_while_adding_one_is_accepted()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "drop the columns, add another",
            "CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN a, DROP COLUMN b, ADD COLUMN c int;\nCREATE TABLE u (a int);\nALTER TABLE u ADD COLUMN c int, DROP COLUMN a;",
            SqlDialect.MariaDb);
    }
}
