using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Key names beside plain indexes, a column's lone KEY, and RENAME INDEX to the index's own
/// name, seen in real golang-migrate folders: run on the real server, read back, and compared
/// with the engine's catalog of the same SQL. MySQL 8 and MariaDB agree on all of them (MySQL 8's
/// manual; its make_unique_key_name numbers past every index of the table).
/// </summary>
public sealed class MySqlIndexNameTests
{
    [MySqlTheory]
    [InlineData("an unnamed unique key is numbered past plain index names", """
        CREATE TABLE v (b int, KEY (b));
        ALTER TABLE v ADD UNIQUE (b);
        CREATE TABLE u (b int, KEY b (b));
        ALTER TABLE u ADD UNIQUE KEY (b);
        CREATE TABLE w (b int);
        CREATE INDEX b ON w (b);
        ALTER TABLE w ADD UNIQUE (b);
        CREATE TABLE t (b int, c int, KEY (b), UNIQUE (b), INDEX ix (c), UNIQUE KEY (c));
        """)]
    [InlineData("dropped, renamed and emptied plain indexes free their names", """
        CREATE TABLE a (b int, KEY (b));
        ALTER TABLE a DROP INDEX b;
        ALTER TABLE a ADD UNIQUE (b);
        CREATE TABLE r (b int, KEY (b));
        ALTER TABLE r RENAME INDEX b TO ix_b;
        ALTER TABLE r ADD UNIQUE (b);
        CREATE TABLE d (b int, c int, KEY b (b), KEY c (c, b));
        ALTER TABLE d DROP COLUMN b;
        ALTER TABLE d ADD COLUMN b int, ADD UNIQUE (b);
        ALTER TABLE d ADD UNIQUE (c);
        """)]
    [InlineData("a column's KEY is its primary key, UNIQUE KEY a unique key", """
        CREATE TABLE t (k int KEY, u int UNIQUE KEY);
        CREATE TABLE n (v int);
        ALTER TABLE n ADD COLUMN k int KEY;
        """)]
    [InlineData("RENAME INDEX to the index's own name changes nothing", """
        CREATE TABLE t (a int, b int, UNIQUE KEY x (a), KEY y (b));
        ALTER TABLE t RENAME INDEX x TO x;
        ALTER TABLE t RENAME KEY y TO y;
        """)]
    public Task Engine_matches_the_server(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
