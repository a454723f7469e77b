using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// One ALTER TABLE that adds and drops an index of one name: MariaDB looks the drop up in the
/// table before the statement (error 1091 when it had none) and drops before it adds, whatever
/// the written order. Run against MariaDB only.
/// </summary>
public sealed class MariaDbIndexDropOrderTests
{
    private const string Tables = "CREATE TABLE t (a int NOT NULL, b int, UNIQUE KEY u (a), KEY k (b));";

    [MySqlTheory]
    [InlineData("a unique key added, then dropped", "ALTER TABLE t ADD UNIQUE KEY n (a), DROP INDEX n;")]
    [InlineData("a plain index added, then dropped", "ALTER TABLE t ADD INDEX n (b), DROP INDEX n;")]
    [InlineData("a primary key added, then dropped", "ALTER TABLE t ADD PRIMARY KEY (a), DROP PRIMARY KEY;")]
    public async Task A_drop_of_an_index_only_the_statement_adds_is_reported_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Tables + "\n" + sql, DiagnosticCodes.ConstraintNotFound, 1091);
    }

    [MySqlTheory]
    [InlineData("add then drop replaces a unique key", "ALTER TABLE t ADD UNIQUE KEY u (b), DROP INDEX u;")]
    [InlineData("drop then add replaces a unique key", "ALTER TABLE t DROP INDEX u, ADD UNIQUE KEY u (b);")]
    [InlineData("add then drop replaces a plain index", "ALTER TABLE t ADD INDEX k (a), DROP INDEX k;")]
    [InlineData("a plain index made unique", "ALTER TABLE t ADD UNIQUE KEY k (b), DROP INDEX k;")]
    [InlineData("DROP INDEX IF EXISTS keeps the new index", "ALTER TABLE t ADD UNIQUE KEY n (b), DROP INDEX IF EXISTS n;")]
    public async Task Accepted_neighbours_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + sql, SqlDialect.MariaDb);
    }
}
