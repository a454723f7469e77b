using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Statements whose effect on constraints the engine must reproduce (DROP COLUMN, unique indexes,
/// RENAME TABLE, temporary tables): run on the real server, read back, and compared with the
/// engine's catalog of the same SQL. Runs against MariaDB in CI, so every case is SQL both
/// MySQL 8 and MariaDB accept with the same outcome.
/// </summary>
public sealed class MySqlConstraintFollowingTests
{
    [MySqlTheory]
    [InlineData("drop column takes checks and keys whose columns all go", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (id int PRIMARY KEY, a int, status varchar(10), pid int, CONSTRAINT c_status CHECK (status IN ('a', 'b')),
          CONSTRAINT c_a_status CHECK (a > 0 OR status = 'a'), CONSTRAINT c_pid_fk FOREIGN KEY (pid) REFERENCES p (id),
          CONSTRAINT c_a_uq UNIQUE (a), CONSTRAINT c_ab UNIQUE (a, status));
        ALTER TABLE c DROP FOREIGN KEY c_pid_fk;
        ALTER TABLE c DROP COLUMN status, DROP COLUMN a;
        """)]
    [InlineData("unique indexes are unique constraints", """
        CREATE TABLE t (a int, b int, c int, d int, CONSTRAINT uq_a UNIQUE (a), UNIQUE INDEX ix_b (b), KEY ix_c (c));
        CREATE UNIQUE INDEX uk_d ON t (d);
        CREATE UNIQUE INDEX uk_cd ON t (c, d);
        CREATE INDEX ix_d ON t (d);
        ALTER TABLE t DROP INDEX uq_a;
        ALTER TABLE t RENAME INDEX ix_b TO uq_b, RENAME KEY ix_c TO ix_c2;
        ALTER TABLE t ADD UNIQUE INDEX uq_c (c);
        DROP INDEX uk_cd ON t;
        """)]
    [InlineData("primary key dropped", """
        CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
        ALTER TABLE t DROP PRIMARY KEY;
        """)]
    [InlineData("rename table renames foreign keys named after it", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (id int PRIMARY KEY, pid int, qid int, FOREIGN KEY (pid) REFERENCES p (id),
          CONSTRAINT c_ibfk_7 FOREIGN KEY (qid) REFERENCES p (id), CONSTRAINT other_fk FOREIGN KEY (qid) REFERENCES p (id));
        RENAME TABLE c TO d;
        ALTER TABLE d RENAME TO e;
        """)]
    [InlineData("temporary tables shadow and vanish", """
        CREATE TABLE t (a int);
        CREATE TEMPORARY TABLE t (a int);
        ALTER TABLE t ADD COLUMN only_temp int;
        DROP TEMPORARY TABLE t;
        CREATE TEMPORARY TABLE s SELECT 1 AS x;
        DROP TABLE s;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
