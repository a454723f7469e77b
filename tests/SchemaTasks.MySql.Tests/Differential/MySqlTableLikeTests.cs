using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// CREATE TABLE b LIKE a on the real server and in the engine, whose catalogs must agree: the
/// copy's columns, keys, indexes and CHECKs, the index kept for a foreign key that is not copied,
/// and later changes to the copy and the source.
/// </summary>
public sealed class MySqlTableLikeTests
{
    public static TheoryData<string, string> Histories() => new()
    {
        {
            "a copy of a table with an enum, keys, CHECKs, a generated column and a foreign key",
            """
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY, st enum('x','y') NOT NULL DEFAULT 'x', n varchar(10) CHARACTER SET latin1 DEFAULT 'q',
              pid int, g int AS (id * 2) VIRTUAL, c2 int CHECK (c2 > 1), CONSTRAINT a_chk CHECK (n <> 'z'), CHECK (pid > 0),
              UNIQUE KEY uq (n), KEY kk (st), CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)) DEFAULT CHARSET=utf8mb4;
            CREATE TABLE b LIKE a;
            CREATE TABLE IF NOT EXISTS b LIKE p;
            CREATE TABLE c (LIKE a);
            ALTER TABLE b MODIFY st enum('x','y','z') NOT NULL DEFAULT 'z', ADD CHECK (c2 < 100);
            ALTER TABLE a DROP FOREIGN KEY fk;
            ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id);
            """
        },
        {
            "a copy of a table whose foreign key is served by another index, then a rename",
            """
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE a (id int PRIMARY KEY, pid int, KEY by_pid (pid, id), FOREIGN KEY (pid) REFERENCES p (id));
            CREATE TABLE b LIKE a;
            RENAME TABLE b TO b2;
            ALTER TABLE b2 DROP INDEX by_pid;
            """
        },
    };

    [MySqlTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_copies_as_the_server_does(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
