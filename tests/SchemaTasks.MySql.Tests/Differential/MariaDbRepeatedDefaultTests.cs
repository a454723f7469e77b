using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A column definition with more than one DEFAULT (seen in a real history as
/// <c>DEFAULT NULL DEFAULT '1'</c>): MariaDB keeps the last, whatever stands between them, and
/// judges only that one. Run against MariaDB only.
/// </summary>
public sealed class MariaDbRepeatedDefaultTests
{
    [MySqlFact]
    public async Task The_last_default_is_the_column_s()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "repeated defaults",
            """
            CREATE TABLE t (
              checked tinyint(1) DEFAULT NULL DEFAULT '1',
              n int DEFAULT 1 DEFAULT 2,
              k int DEFAULT NULL NOT NULL DEFAULT 1,
              cleared int DEFAULT 1 DEFAULT NULL,
              commented int DEFAULT 1 COMMENT 'x' DEFAULT 2,
              flipped int DEFAULT 1 NULL DEFAULT 2 NOT NULL,
              s varchar(5) DEFAULT 'abcdefg' DEFAULT 'a',
              e int DEFAULT (1+1) DEFAULT 3,
              u timestamp NOT NULL ON UPDATE CURRENT_TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
            ALTER TABLE t ADD COLUMN added int DEFAULT 5 DEFAULT 6, MODIFY n int DEFAULT 3 DEFAULT 4;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Only_the_last_default_is_judged()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(
            "a last DEFAULT NULL on a NOT NULL column", "CREATE TABLE t (c int NOT NULL DEFAULT 1 DEFAULT NULL);", DiagnosticCodes.NullDefaultOnNotNullColumn, 1067);
    }
}
