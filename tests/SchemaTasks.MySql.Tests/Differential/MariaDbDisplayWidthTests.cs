using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Integer display widths and BIT widths as MariaDB's COLUMN_TYPE shows them: width 0 is no width
/// (<c>int(0)</c> is <c>int(11)</c>, <c>bit(0)</c> is <c>bit(1)</c>) and leading zeros go
/// (<c>int(011)</c> is <c>int(11)</c>). Run against MariaDB only.
/// </summary>
public sealed class MariaDbDisplayWidthTests
{
    [MySqlFact]
    public async Task Written_widths_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "display widths",
            """
            CREATE TABLE t (
              a tinyint(0), b smallint(0), c mediumint(0), d int(0), e bigint(0), f int(0) unsigned,
              g bigint(0) unsigned, h int(0) zerofill, i tinyint(0) unsigned, j smallint(00) zerofill,
              k int(011), l tinyint(1), m int(255), n bit(0), o bit(01), p bit(007));
            ALTER TABLE t MODIFY COLUMN a bigint(0) NOT NULL, ADD COLUMN q mediumint(0) unsigned;
            """,
            SqlDialect.MariaDb);
    }
}
