using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Statements MariaDB refuses, some seen in a Flyway MySQL folder read as MariaDB: a NOT NULL
/// after a generation clause, an attribute after a column's CHECK, DEFAULT NULL on a column its
/// own PRIMARY KEY makes NOT NULL, a table CHECK named like a key, a second primary key. The
/// server refuses the last statement with the error number, and the engine reports its code at
/// that statement's line; the forms it accepts build the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbRefusedStatementTests
{
    [MySqlTheory]
    [InlineData("not null after the generation clause", "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED NOT NULL);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("null after a persistent column", "CREATE TABLE t (a int, b int AS (a + 1) PERSISTENT NULL);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("not null after a virtual column", "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) VIRTUAL NOT NULL);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("not null before the generation clause", "CREATE TABLE t (a int, b int NOT NULL GENERATED ALWAYS AS (a + 1) STORED);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("unique after the check", "CREATE TABLE t (k int CHECK (k > 0) UNIQUE);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("not null after the check", "CREATE TABLE t (k int CHECK (k > 0) NOT NULL);", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("add column with not null after the check", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN k int CHECK (k > 0) NOT NULL AFTER a;", DiagnosticCodes.MariaDbColumnAttributeOrder, 1064)]
    [InlineData("default null primary key", "CREATE TABLE t (k int DEFAULT NULL PRIMARY KEY);", DiagnosticCodes.NullDefaultOnNotNullColumn, 1067)]
    [InlineData("primary key default null", "CREATE TABLE t (k int PRIMARY KEY DEFAULT NULL);", DiagnosticCodes.NullDefaultOnNotNullColumn, 1067)]
    [InlineData("not null default null", "CREATE TABLE t (k int NOT NULL DEFAULT NULL);", DiagnosticCodes.NullDefaultOnNotNullColumn, 1067)]
    [InlineData("set default null on a key column", "CREATE TABLE t (k int PRIMARY KEY);\nALTER TABLE t ALTER COLUMN k SET DEFAULT NULL;", DiagnosticCodes.NullDefaultOnNotNullColumn, 1067)]
    [InlineData("table check named like a unique key", "CREATE TABLE t (k int UNIQUE, CONSTRAINT k CHECK (k > 0));", DiagnosticCodes.ConstraintExists, 1826)]
    [InlineData("unique key named like a table check", "CREATE TABLE t (k int, CONSTRAINT c CHECK (k > 0));\nALTER TABLE t ADD UNIQUE KEY c (k);", DiagnosticCodes.ConstraintExists, 1826)]
    [InlineData("a second primary key", "CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD PRIMARY KEY (b);", DiagnosticCodes.MultiplePrimaryKeys, 1068)]
    [InlineData("modify adds the key again", "CREATE TABLE t (a int PRIMARY KEY);\nALTER TABLE t MODIFY a int PRIMARY KEY;", DiagnosticCodes.MultiplePrimaryKeys, 1068)]
    [InlineData("a generated column cast to JSON", "CREATE TABLE t (a varchar(10), j text AS (CAST(a AS JSON)) VIRTUAL);", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("a generated column with MySQL's ->>", "CREATE TABLE t (id int PRIMARY KEY, j json);\nALTER TABLE t ADD COLUMN a varchar(20) GENERATED ALWAYS AS (j->>\"$.a\");", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("a check with MySQL's ->", "CREATE TABLE t (id int PRIMARY KEY, j json);\nALTER TABLE t ADD CONSTRAINT ck CHECK (j->'$.a' > 0);", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("an index on ->>", "CREATE TABLE t (id int PRIMARY KEY, j json);\nCREATE INDEX ia ON t ((j->>'$.a'));", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("after a column the statement drops", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t DROP COLUMN b, ADD z int AFTER b;", DiagnosticCodes.ColumnNotFound, 1054)]
    [InlineData("after a column that does not exist", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t ADD x int AFTER missing;", DiagnosticCodes.ColumnNotFound, 1054)]
    [InlineData("modify after itself", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t MODIFY b bigint AFTER b;", DiagnosticCodes.ColumnNotFound, 1054)]
    [InlineData("change of a name the statement made", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t CHANGE a a2 int, CHANGE a2 a3 int;", DiagnosticCodes.ColumnNotFound, 1054)]
    [InlineData("one column modified twice", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t MODIFY a bigint, MODIFY a smallint;", DiagnosticCodes.ColumnNotFound, 1054)]
    [InlineData("drop of a column the statement adds", "CREATE TABLE t (a int, b int, c int);\nALTER TABLE t ADD x int, DROP COLUMN x;", DiagnosticCodes.ColumnNotFound, 1091)]
    [InlineData("drop of an index the table lacks", "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ia (a));\nALTER TABLE t DROP INDEX nope;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("drop index on of an index the table lacks", "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ia (a));\nDROP INDEX nope ON t;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("drop constraint of a column's check", "CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0), b int, CHECK (b > 0));\nALTER TABLE t DROP CONSTRAINT a;", DiagnosticCodes.ConstraintNotFound, 1091)]
    [InlineData("rename of an index the table lacks", "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ia (a));\nALTER TABLE t RENAME INDEX nope TO x;", DiagnosticCodes.ConstraintNotFound, 1176)]
    [InlineData("a view with ->", "CREATE TABLE t (id int PRIMARY KEY, j json);\nCREATE VIEW v AS SELECT j->'$.b' AS b FROM t;", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("drop index with a lock option", "CREATE TABLE t (a int, KEY ia (a));\nDROP INDEX ia ON t LOCK = NONE;", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("an AUTO_INCREMENT column in no key", "CREATE TABLE t (a int AUTO_INCREMENT);", DiagnosticCodes.AutoIncrementColumn, 1075)]
    [InlineData("two AUTO_INCREMENT columns", "CREATE TABLE t (a int AUTO_INCREMENT PRIMARY KEY, b int AUTO_INCREMENT, KEY (b));", DiagnosticCodes.AutoIncrementColumn, 1075)]
    [InlineData("a second one added", "CREATE TABLE t (a int AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE t ADD COLUMN b int AUTO_INCREMENT UNIQUE;", DiagnosticCodes.AutoIncrementColumn, 1075)]
    [InlineData("its only key dropped", "CREATE TABLE t (a int AUTO_INCREMENT PRIMARY KEY);\nALTER TABLE t DROP PRIMARY KEY;", DiagnosticCodes.AutoIncrementColumn, 1075)]
    [InlineData("drop a column a generated column uses", "CREATE TABLE t (a int, b int AS (a * 2) STORED, c int AS (a + 1) VIRTUAL);\nALTER TABLE t DROP COLUMN a;", DiagnosticCodes.GeneratedColumnDependsOnColumn, 1054)]
    [InlineData("drop it with only one of its users", "CREATE TABLE t (a int, b int AS (a * 2) STORED, c int AS (a + 1) VIRTUAL);\nALTER TABLE t DROP COLUMN b, DROP COLUMN a;", DiagnosticCodes.GeneratedColumnDependsOnColumn, 1054)]
    public async Task A_statement_MariaDb_refuses_is_reported_at_its_line(string behaviour, string sql, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, code, error);
    }

    [MySqlTheory]
    [InlineData("a generated column's attributes in MariaDB's order", """
        CREATE TABLE t (a varchar(5), b varchar(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin GENERATED ALWAYS AS (a) STORED UNIQUE KEY COMMENT 'x' CHECK (b <> ''));
        """)]
    [InlineData("references after a column's check", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE t (k int NOT NULL DEFAULT 1 COMMENT 'k' CHECK (k > 0) CONSTRAINT fk REFERENCES p (id));
        """)]
    [InlineData("default null with the key after the columns, or auto_increment", """
        CREATE TABLE t (k int DEFAULT NULL, PRIMARY KEY (k));
        ALTER TABLE t MODIFY k int DEFAULT NULL;
        CREATE TABLE u (k int NOT NULL AUTO_INCREMENT DEFAULT NULL PRIMARY KEY);
        """)]
    [InlineData("a column's check named like a key", """
        CREATE TABLE t (k int CHECK (k > 0), UNIQUE KEY k (k));
        """)]
    [InlineData("the primary key dropped first", """
        CREATE TABLE t (a int PRIMARY KEY, b int NOT NULL);
        ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (b);
        """)]
    [InlineData("an AUTO_INCREMENT column kept in a key", """
        CREATE TABLE t (a int AUTO_INCREMENT, b int, UNIQUE KEY ua (a));
        ALTER TABLE t DROP INDEX ua, ADD PRIMARY KEY (a);
        CREATE TABLE u (a int AUTO_INCREMENT, b int, KEY (a, b));
        ALTER TABLE u MODIFY a int AUTO_INCREMENT;
        """)]
    [InlineData("a generated column's base column retyped, renamed, and dropped with every user", """
        CREATE TABLE t (id int, a int, b int AS (a * 2) STORED, c int AS (a + 1) VIRTUAL);
        ALTER TABLE t MODIFY a bigint;
        ALTER TABLE t CHANGE a a3 int;
        ALTER TABLE t RENAME COLUMN a3 TO a4;
        ALTER TABLE t ADD COLUMN d int;
        ALTER TABLE t DROP COLUMN b, DROP COLUMN a4, DROP COLUMN c;
        """)]
    [InlineData("arrows in strings, quoted names and comments, and the functions MariaDB takes instead", """
        CREATE TABLE t (id int PRIMARY KEY, j json);
        ALTER TABLE t ADD COLUMN s varchar(9) DEFAULT 'a->b';
        ALTER TABLE t ADD COLUMN `x->y` int /* j->>'$.a' */ COMMENT 'j->$.z';
        ALTER TABLE t ADD COLUMN a varchar(20) AS (JSON_VALUE(j, '$.a')) VIRTUAL;
        ALTER TABLE t ADD COLUMN b varchar(20) AS (JSON_UNQUOTE(JSON_EXTRACT(j, '$.b'))) VIRTUAL;
        """)]
    public async Task Accepted_forms_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
