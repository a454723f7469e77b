using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A ',' missing after a key, an index or a foreign key in ALTER TABLE: MariaDB refuses it (1064)
/// and the engine reports ST2010 at that statement, where it used to drop what followed. The
/// options an index and a foreign key may carry still build the server's schema. Run against
/// MariaDB only.
/// </summary>
public sealed class MariaDbMissingSeparatorTests
{
    private const string Table = "CREATE TABLE a (id int PRIMARY KEY, name varchar(10), z int);";

    [MySqlTheory]
    [InlineData("after a named unique", "ALTER TABLE a ADD CONSTRAINT u UNIQUE (name) DROP COLUMN z;")]
    [InlineData("after a unique key", "ALTER TABLE a ADD UNIQUE KEY u2 (name) ADD COLUMN w int;")]
    [InlineData("after an index", "ALTER TABLE a ADD INDEX i (name) ADD COLUMN w int;")]
    [InlineData("after a foreign key", "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES a (id) ADD COLUMN w int;")]
    [InlineData("after ORDER BY", "ALTER TABLE a ORDER BY id DROP COLUMN z;")]
    public async Task A_missing_comma_is_refused_by_the_server_and_reported(string behaviour, string refused)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + "\n" + refused, DiagnosticCodes.SyntaxError, 1064);
    }

    [MySqlTheory]
    [InlineData("an index's options", "ALTER TABLE a ADD UNIQUE KEY u (name) USING BTREE COMMENT 'x', ADD COLUMN w int;")]
    [InlineData("a foreign key's options", "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (z) REFERENCES a (id) ON DELETE SET NULL ON UPDATE CASCADE, ADD COLUMN v int;")]
    public async Task The_options_of_a_key_build_the_servers_schema(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + "\n" + statement, SqlDialect.MariaDb);
    }
}
