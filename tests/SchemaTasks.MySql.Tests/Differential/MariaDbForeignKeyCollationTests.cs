using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A change of collation alone on a column a foreign key uses: MariaDB refuses it on the
/// referencing side (1832) and the referenced one (1833), even with foreign key checks off
/// (dolphinscheduler's "ALTER TABLE ... COLLATE utf8_bin, MODIFY COLUMN ..."), and the engine
/// reports ST3018 at that statement. Restating the same collation builds the server's schema.
/// Run against MariaDB only.
/// </summary>
public sealed class MariaDbForeignKeyCollationTests
{
    private const string Tables = """
        CREATE TABLE p (a varchar(10) NOT NULL, PRIMARY KEY (a)) DEFAULT CHARSET=utf8;
        CREATE TABLE c (a varchar(10) NOT NULL, KEY k (a), CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (a)) DEFAULT CHARSET=utf8;
        SET FOREIGN_KEY_CHECKS = 0;
        """;

    [MySqlTheory]
    [InlineData("the table's collation taken by a MODIFY", "ALTER TABLE c COLLATE utf8_bin, MODIFY COLUMN a varchar(10) NOT NULL;", 1832)]
    [InlineData("the column's own collation", "ALTER TABLE c MODIFY COLUMN a varchar(10) COLLATE utf8_bin NOT NULL;", 1832)]
    [InlineData("the BINARY attribute", "ALTER TABLE c MODIFY COLUMN a varchar(10) BINARY NOT NULL;", 1832)]
    [InlineData("the referenced column", "ALTER TABLE p MODIFY COLUMN a varchar(10) COLLATE utf8mb3_bin NOT NULL;", 1833)]
    [InlineData("the referenced table converted", "ALTER TABLE p CONVERT TO CHARACTER SET utf8 COLLATE utf8_bin;", 1833)]
    public async Task A_collation_change_is_refused_and_reported(string behaviour, string change, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Tables + "\n" + change, DiagnosticCodes.KeyNeededByForeignKey, error);
    }

    [MySqlTheory]
    [InlineData("the same collation restated", "ALTER TABLE c MODIFY COLUMN a varchar(10) COLLATE utf8_general_ci NOT NULL;")]
    [InlineData("the table's collation alone", "ALTER TABLE c COLLATE utf8_bin;")]
    [InlineData("the foreign key dropped in the same statement", "ALTER TABLE c DROP FOREIGN KEY fk, MODIFY COLUMN a varchar(10) COLLATE utf8_bin NOT NULL;")]
    public async Task Accepted_changes_match_the_server(string behaviour, string change)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + change, SqlDialect.MariaDb);
    }
}
