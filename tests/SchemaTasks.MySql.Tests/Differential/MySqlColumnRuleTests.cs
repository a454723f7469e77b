using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Column rules seen in real migration folders (a goose history's MODIFY of a primary key column,
/// a Prisma history's <c>DATETIME(0)</c>, SERIAL, a golang-migrate history's doubled keys): run on
/// the real server, read back, and compared with the engine's catalog of the same SQL. The
/// shared cases are SQL MySQL 8 and MariaDB give the same outcome; the MariaDB cases are where
/// MariaDB parts from MySQL 8 (docs/dialects.md), and run only against MariaDB.
/// </summary>
public sealed class MySqlColumnRuleTests
{
    [MySqlTheory]
    [InlineData("modify and change of a primary key column keep it NOT NULL", """
        CREATE TABLE a (object_id varchar(100) NOT NULL, v int, PRIMARY KEY (object_id));
        ALTER TABLE a MODIFY object_id VARCHAR(255) COLLATE utf8mb4_bin;
        CREATE TABLE b (k int NOT NULL PRIMARY KEY, v int);
        ALTER TABLE b CHANGE k k2 bigint, MODIFY v bigint;
        """)]
    [InlineData("fractional-seconds precision 0 and the current time defaults", """
        CREATE TABLE t (
          id int NOT NULL PRIMARY KEY,
          a timestamp(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0) ON UPDATE CURRENT_TIMESTAMP(0),
          b DATETIME(0) NULL,
          c time(0) NULL,
          d datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
          e datetime DEFAULT NOW(),
          f datetime DEFAULT LOCALTIMESTAMP,
          g datetime(6) DEFAULT NOW(6));
        ALTER TABLE t MODIFY b datetime(0) NULL DEFAULT CURRENT_TIMESTAMP(0);
        """)]
    [InlineData("serial and serial default value", """
        CREATE TABLE s (g SERIAL, v int);
        CREATE TABLE u (v int);
        ALTER TABLE u ADD COLUMN id int SERIAL DEFAULT VALUE;
        CREATE TABLE w (k int UNIQUE, UNIQUE (k), UNIQUE KEY (k));
        """)]
    public Task Shared_rules_match_the_server(string behaviour, string sql) => AssertEngineMatchesServer(behaviour, sql);

    [MySqlTheory]
    [InlineData("explicit NULL on a primary key column is made NOT NULL", """
        CREATE TABLE a (k int NULL PRIMARY KEY);
        CREATE TABLE b (k int NULL, v int, PRIMARY KEY (k));
        ALTER TABLE b MODIFY k bigint NULL;
        ALTER TABLE b ADD COLUMN z int NULL;
        """)]
    [InlineData("a column's key attributes fold into one key", """
        CREATE TABLE a (k int PRIMARY KEY UNIQUE);
        CREATE TABLE b (k int UNIQUE UNIQUE);
        CREATE TABLE c (k int UNIQUE, UNIQUE (k));
        CREATE TABLE d (id SERIAL PRIMARY KEY);
        CREATE TABLE e (id SERIAL UNIQUE, k int CHECK (k > 0));
        ALTER TABLE e ADD UNIQUE (k);
        """)]
    public Task MariaDb_rules_match_the_server(string behaviour, string sql)
        => MySqlTestDatabase.ServerDialect == SqlDialect.MariaDb ? AssertEngineMatchesServer(behaviour, sql) : Task.CompletedTask;

    private static Task AssertEngineMatchesServer(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
