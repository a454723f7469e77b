using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// DDL run from a string through PREPARE/EXECUTE (and MariaDB's EXECUTE IMMEDIATE), as Flyway
/// MySQL folders write it: constant, or chosen by IF over information_schema, also inside
/// procedures the migrations call. The engine follows the string and builds the server's schema.
/// </summary>
public sealed class MySqlDynamicSqlTests
{
    [MySqlTheory]
    [InlineData("a variable, prepared and executed", """
        CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(5));
        SET @q = 'ALTER TABLE t DROP COLUMN a, MODIFY b varchar(5) NOT NULL DEFAULT \'x\'';
        PREPARE s FROM @q;
        EXECUTE s;
        DEALLOCATE PREPARE s;
        """)]
    [InlineData("a constant prepared and executed twice over", """
        CREATE TABLE t (id int PRIMARY KEY);
        PREPARE s FROM 'ALTER TABLE t ADD COLUMN status enum(''new'',''done'') NOT NULL DEFAULT ''new''';
        EXECUTE s;
        PREPARE s FROM 'CREATE TABLE u (k int)';
        EXECUTE s;
        """)]
    [InlineData("a column added when information_schema says it is missing", """
        CREATE TABLE queue (id int PRIMARY KEY);
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'queue' AND table_schema = DATABASE() AND column_name = 'priority') > 0,
          "SELECT 1", CONCAT("ALTER TABLE ", 'queue', " ADD ", 'priority', " TINYINT DEFAULT 0")));
        PREPARE p FROM @s;
        EXECUTE p;
        """)]
    [InlineData("a column kept when information_schema says it is there", """
        CREATE TABLE queue (id int PRIMARY KEY, priority int NOT NULL);
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'queue' AND table_schema = DATABASE() AND column_name = 'priority') > 0,
          "SELECT 1", CONCAT("ALTER TABLE ", 'queue', " ADD ", 'priority', " TINYINT DEFAULT 0")));
        PREPARE p FROM @s;
        EXECUTE p;
        """)]
    [InlineData("an index dropped when it exists, then made again", """
        CREATE TABLE ev (a int, b int, UNIQUE KEY unique_ev (a));
        SET @exist := (SELECT COUNT(INDEX_NAME) FROM information_schema.STATISTICS WHERE `TABLE_NAME` = 'ev' AND `INDEX_NAME` = 'unique_ev' AND TABLE_SCHEMA = database());
        SET @sqlstmt := IF(@exist > 0, 'ALTER TABLE `ev` DROP INDEX `unique_ev`', 'SELECT ''INFO: Index already exists.''');
        PREPARE stmt FROM @sqlstmt;
        EXECUTE stmt;
        ALTER TABLE ev ADD CONSTRAINT unique_ev UNIQUE (a, b);
        """)]
    [InlineData("procedures that fix a primary key and drop a foreign key when they exist", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE q (id int AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL, pid int, CONSTRAINT q_pid_fkey FOREIGN KEY (pid) REFERENCES p (id));
        CREATE PROCEDURE fix_pk(IN tableName VARCHAR(64), IN columns VARCHAR(64))
        BEGIN
            DECLARE col_exists INT DEFAULT 0;
            SELECT COUNT(1) INTO col_exists FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = tableName AND COLUMN_NAME = 'id' AND TABLE_SCHEMA = database();
            IF col_exists > 0 THEN
                SET @stmt = CONCAT('ALTER TABLE ', tableName, ' MODIFY id INT');
                PREPARE st FROM @stmt;
                EXECUTE st;
                SET @stmt = CONCAT('ALTER TABLE ', tableName, ' DROP PRIMARY KEY, ADD PRIMARY KEY (', columns, ')');
                PREPARE st FROM @stmt;
                EXECUTE st;
                SET @stmt = CONCAT('ALTER TABLE ', tableName, ' DROP COLUMN id');
                PREPARE st FROM @stmt;
                EXECUTE st;
                DEALLOCATE PREPARE st;
            END IF;
        END;
        CREATE PROCEDURE drop_fk(IN tableName VARCHAR(64), IN constraintName VARCHAR(64))
        BEGIN
            IF EXISTS (SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = tableName AND CONSTRAINT_NAME = constraintName AND CONSTRAINT_TYPE = 'FOREIGN KEY') THEN
                SET @query = CONCAT('ALTER TABLE ', tableName, ' DROP FOREIGN KEY ', constraintName);
                PREPARE stmt FROM @query;
                EXECUTE stmt;
            END IF;
        END;
        CALL drop_fk('q', 'q_pid_fkey');
        CALL drop_fk('q', 'q_pid_fkey');
        CALL fix_pk('q', 'name');
        CALL fix_pk('q', 'name');
        """)]
    [InlineData("a procedure whose handler takes a failing statement", """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE PROCEDURE add_columns()
        BEGIN
            DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
            ALTER TABLE t ADD COLUMN id int;
            ALTER TABLE t ADD COLUMN b int;
        END;
        CALL add_columns();
        """)]
    public Task Constant_dynamic_SQL_builds_the_servers_schema(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);

    [MySqlFact]
    public Task Execute_immediate_of_a_constant_builds_the_servers_schema()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return Task.CompletedTask; // MySQL 8 has no EXECUTE IMMEDIATE.
        return MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "execute immediate",
            "CREATE TABLE t (id int PRIMARY KEY, a int);\nEXECUTE IMMEDIATE 'ALTER TABLE t DROP COLUMN a, ADD COLUMN kind set(\\'x\\',\\'y\\') DEFAULT \\'x\\'';",
            SqlDialect.MariaDb);
    }
}
