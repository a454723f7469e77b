using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Names of indexes, keys, foreign keys and CHECKs compare without case on MariaDB (and MySQL 8,
/// by its manual), on every platform: the engine runs the same SQL as the real server and ends
/// with the same catalog, or refuses what the server refuses, with the server's error number.
/// Seen in apache/streampark's MySQL upgrade scripts (<c>drop index un_username</c> over a key
/// created <c>UN_USERNAME</c>).
/// </summary>
public sealed class MariaDbKeyNameCaseTests
{
    [MySqlTheory]
    [InlineData("index statements find a key in another case", """
        CREATE TABLE t_user (id int, username varchar(20), state int, UNIQUE KEY UN_USERNAME (username), KEY INX_STATE (state));
        ALTER TABLE t_user DROP INDEX un_username, ADD UNIQUE KEY un_username (username, id);
        ALTER TABLE t_user DROP INDEX inx_state;
        CREATE TABLE t (a int, b int, c int, UNIQUE KEY UK_A (a), UNIQUE KEY UQ_B (b), UNIQUE KEY UK_C (c));
        DROP INDEX uk_a ON t;
        ALTER TABLE t DROP KEY uq_b;
        ALTER TABLE t RENAME INDEX uk_c TO uk_c2;
        """)]
    [InlineData("constraints dropped in another case", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (a int, p int, CONSTRAINT FK_P FOREIGN KEY (p) REFERENCES p (id), CONSTRAINT CK_A CHECK (a > 0), CONSTRAINT UQ_A UNIQUE (a));
        ALTER TABLE c DROP FOREIGN KEY fk_p;
        ALTER TABLE c DROP CONSTRAINT ck_a;
        ALTER TABLE c DROP CONSTRAINT uq_a;
        """)]
    [InlineData("a rename to the own name in another case respells it", """
        CREATE TABLE t (a int, b int, UNIQUE KEY UK_A (a), KEY IX_B (b));
        ALTER TABLE t RENAME INDEX UK_A TO uk_a;
        ALTER TABLE t RENAME INDEX ix_b TO Ix_B;
        ALTER TABLE t ADD UNIQUE (b);
        """)]
    [InlineData("dropped and added again in another case, the new spelling stays", """
        CREATE TABLE t (a int, UNIQUE KEY UK_A (a), CONSTRAINT CK_A CHECK (a > 0));
        ALTER TABLE t DROP INDEX UK_a, ADD UNIQUE KEY Uk_A (a);
        ALTER TABLE t DROP CONSTRAINT ck_a, ADD CONSTRAINT Ck_a CHECK (a > 1);
        """)]
    [InlineData("an unnamed key is numbered past an index name in another case", """
        CREATE TABLE t (a int, KEY A (a));
        ALTER TABLE t ADD UNIQUE (a);
        CREATE TABLE u (a int, b int, KEY b (b), UNIQUE (B));
        """)]
    [InlineData("a foreign key takes over a plain index named so in another case", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE t (a int, KEY Fk (a), CONSTRAINT fK FOREIGN KEY (a) REFERENCES p (id));
        """)]
    public async Task Engine_matches_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("two unique keys in one CREATE TABLE", "CREATE TABLE t (a int, b int, UNIQUE KEY UK (a), UNIQUE KEY uk (b));", 1061)]
    [InlineData("a unique key added beside one", "CREATE TABLE t (a int, b int, UNIQUE KEY UK (a));\nALTER TABLE t ADD UNIQUE KEY uk (b);", 1061)]
    [InlineData("a plain index added beside one", "CREATE TABLE t (a int, b int, KEY IX (a));\nALTER TABLE t ADD KEY ix (b);", 1061)]
    [InlineData("two CHECKs", "CREATE TABLE t (a int, CONSTRAINT CK_A CHECK (a > 0), CONSTRAINT ck_a CHECK (a < 9));", 1826)]
    [InlineData("two foreign keys", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int, b int, CONSTRAINT FK_P FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT fk_p FOREIGN KEY (b) REFERENCES p (id));", 1061)]
    [InlineData("RENAME INDEX onto another index's name", "CREATE TABLE t (a int, b int, UNIQUE KEY u1 (a), KEY K2 (b));\nALTER TABLE t RENAME INDEX u1 TO k2;", 1061)]
    public Task A_second_name_differing_only_in_case_is_refused(string behaviour, string sql, int error)
        => MariaDbOnly(() => MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.ConstraintExists, error));

    private static Task MariaDbOnly(Func<Task> test) => MySqlTestDatabase.ServerDialect == SqlDialect.MariaDb ? test() : Task.CompletedTask;
}
