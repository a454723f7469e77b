using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Constraint names and value lists on the real server: MariaDB numbers an unnamed foreign key
/// past the highest table_ibfk_N the table had when the statement began, every primary key is
/// PRIMARY, and ENUM/SET lists with a repeated value or a comma in a SET value are refused. Run
/// against MariaDB only (MySQL 8's foreign key numbering is not followed).
/// </summary>
public sealed class MariaDbConstraintNamingTests
{
    [MySqlTheory]
    [InlineData("a dropped number is not reused", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id), FOREIGN KEY (c) REFERENCES p (id));
        ALTER TABLE t DROP FOREIGN KEY t_ibfk_2;
        ALTER TABLE t ADD d int, ADD e int, ADD FOREIGN KEY (d) REFERENCES p (id), ADD FOREIGN KEY (e) REFERENCES p (id);
        ALTER TABLE t DROP FOREIGN KEY t_ibfk_4;
        """, 2)]
    [InlineData("names given and numbers that do not count", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE u (id int, a int, b int, c int, CONSTRAINT u_ibfk_7 FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id), FOREIGN KEY (c) REFERENCES p (id));
        CREATE TABLE v (id int, a int, b int, c int, FOREIGN KEY (a) REFERENCES p (id));
        ALTER TABLE v ADD CONSTRAINT v_ibfk_9 FOREIGN KEY (b) REFERENCES p (id);
        ALTER TABLE v ADD FOREIGN KEY (c) REFERENCES p (id);
        CREATE TABLE x (id int, a int, b int, c int, d int, CONSTRAINT x_ibfk_05 FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT x_ibfk_3x FOREIGN KEY (b) REFERENCES p (id), CONSTRAINT x_ibfk_6 UNIQUE (c));
        ALTER TABLE x ADD FOREIGN KEY (d) REFERENCES p (id);
        """, 0)]
    [InlineData("a number dropped in the same statement counts, and a renamed table keeps counting", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, d int, FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id), FOREIGN KEY (c) REFERENCES p (id));
        ALTER TABLE t DROP FOREIGN KEY t_ibfk_3, ADD FOREIGN KEY (d) REFERENCES p (id);
        ALTER TABLE t DROP FOREIGN KEY t_ibfk_1;
        RENAME TABLE t TO w;
        ALTER TABLE w ADD e int, ADD FOREIGN KEY (e) REFERENCES p (id);
        """, 2)]
    [InlineData("a primary key is PRIMARY whatever its name", """
        CREATE TABLE s (id char(36) NOT NULL, CONSTRAINT s_pk PRIMARY KEY (id), UNIQUE KEY s_pk (id));
        CREATE TABLE s2 (id int NOT NULL, a int);
        ALTER TABLE s2 ADD CONSTRAINT s2_pk PRIMARY KEY (id);
        ALTER TABLE s2 DROP PRIMARY KEY;
        """, 0)]
    [InlineData("foreign key names free again, and other constraints of the name", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));
        CREATE TABLE f (x int, CONSTRAINT fk UNIQUE (x));
        CREATE TABLE g (x int, CONSTRAINT fk CHECK (x > 0));
        DROP TABLE a;
        CREATE TABLE h (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));
        ALTER TABLE h DROP FOREIGN KEY fk;
        CREATE TABLE i (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));
        """, 0)]
    [InlineData("value lists the server takes", """
        CREATE TABLE e (a enum('a',' a'), b enum('a','a	'), c enum('a','b,c'), d set('x','y'));
        """, 0)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql, int generatedNameDrops)
        => MySqlTestDatabase.ServerDialect == SqlDialect.MariaDb
            ? MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb, [.. Enumerable.Repeat(DiagnosticCodes.MariaDbGeneratedForeignKeyName, generatedNameDrops)])
            : Task.CompletedTask;

    [MySqlTheory]
    [InlineData("create names an unnamed key like a given one", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int, b int, CONSTRAINT t_ibfk_2 FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id), FOREIGN KEY (a) REFERENCES p (id));", DiagnosticCodes.ConstraintExists, 1005)]
    [InlineData("alter names an unnamed key like a given one", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int, b int, c int, FOREIGN KEY (a) REFERENCES p (id));\nALTER TABLE t ADD CONSTRAINT t_ibfk_2 FOREIGN KEY (b) REFERENCES p (id), ADD FOREIGN KEY (c) REFERENCES p (id);", DiagnosticCodes.ConstraintExists, 1050)]
    [InlineData("drop constraint by the primary key's written name", "CREATE TABLE s (id int NOT NULL, CONSTRAINT s_pk PRIMARY KEY (id));\nALTER TABLE s DROP CONSTRAINT s_pk;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("a foreign key named like another table's", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));\nCREATE TABLE b (x int, CONSTRAINT FK FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyNameInUse, 1005)]
    [InlineData("a foreign key named like another table's, added", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));\nCREATE TABLE b (x int);\nALTER TABLE b ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id);", DiagnosticCodes.ForeignKeyNameInUse, 1005)]
    [InlineData("a foreign key named like another table's generated one", "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE d (x int, FOREIGN KEY (x) REFERENCES p (id));\nCREATE TABLE e (x int, CONSTRAINT d_ibfk_1 FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyNameInUse, 1005)]
    [InlineData("an enum value twice", "CREATE TABLE t (a enum('a','a'));", DiagnosticCodes.RefusedValueList, 1291)]
    [InlineData("an enum value with trailing spaces", "CREATE TABLE t (a enum('a','a  ') COLLATE utf8mb4_bin);", DiagnosticCodes.RefusedValueList, 1291)]
    [InlineData("a set value twice, added", "CREATE TABLE t (a int);\nALTER TABLE t ADD b set('x','y','x');", DiagnosticCodes.RefusedValueList, 1291)]
    [InlineData("a set value twice, modified", "CREATE TABLE t (a int);\nALTER TABLE t MODIFY a set('q','q ');", DiagnosticCodes.RefusedValueList, 1291)]
    [InlineData("a comma in a set value", "CREATE TABLE t (a set('a','b,c'));", DiagnosticCodes.RefusedValueList, 1367)]
    [InlineData("a comma in a set value, changed", "CREATE TABLE t (a int);\nALTER TABLE t CHANGE a a2 set('q','r,s');", DiagnosticCodes.RefusedValueList, 1367)]
    public async Task A_statement_MariaDb_refuses_is_reported_at_its_line(string behaviour, string sql, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, code, error);
    }

    // The first drop by a generated name is reported too: MariaDB 12.1 and later generate another (ST3075).
    [MySqlFact]
    public async Task Dropping_a_dropped_number_is_reported_at_its_line()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(
            "drop a dropped number",
            "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int, b int, c int, FOREIGN KEY (a) REFERENCES p (id), FOREIGN KEY (b) REFERENCES p (id));\nALTER TABLE t DROP FOREIGN KEY t_ibfk_1;\nALTER TABLE t ADD FOREIGN KEY (c) REFERENCES p (id);\nALTER TABLE t DROP FOREIGN KEY t_ibfk_1;",
            DiagnosticCodes.ConstraintNotFound,
            1091,
            DiagnosticCodes.MariaDbGeneratedForeignKeyName);
    }
}
