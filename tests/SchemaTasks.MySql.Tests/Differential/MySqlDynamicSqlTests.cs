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
    [InlineData("table names in information_schema tests compared with their case", """
        CREATE TABLE Teams (Id varchar(26) NOT NULL PRIMARY KEY, Name varchar(64), KEY idx_name (Name));
        CREATE TABLE Members (Id int PRIMARY KEY, TeamId varchar(26), CONSTRAINT fk_team FOREIGN KEY (TeamId) REFERENCES Teams (Id));
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE table_name = 'teams' AND table_schema = DATABASE()) > 0, 'ALTER TABLE Teams ADD COLUMN t_found int', 'ALTER TABLE Teams ADD COLUMN t_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF(EXISTS(SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE table_name = 'Teams' AND table_schema = DATABASE()), 'ALTER TABLE Teams ADD COLUMN e_found int', 'ALTER TABLE Teams ADD COLUMN e_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'teams' AND table_schema = DATABASE() AND column_name = 'ID') > 0, 'ALTER TABLE Teams ADD COLUMN c_found int', 'ALTER TABLE Teams ADD COLUMN c_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.STATISTICS WHERE table_name = 'teams' AND table_schema = DATABASE() AND index_name = 'IDX_NAME') > 0, 'ALTER TABLE Teams ADD COLUMN s_found int', 'ALTER TABLE Teams ADD COLUMN s_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE table_name = 'Members' AND table_schema = DATABASE() AND constraint_name = 'FK_TEAM') > 0, 'ALTER TABLE Teams ADD COLUMN k_found int', 'ALTER TABLE Teams ADD COLUMN k_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE table_name = 'members' AND constraint_schema = DATABASE() AND constraint_name = 'fk_team') > 0, 'ALTER TABLE Teams ADD COLUMN r_found int', 'ALTER TABLE Teams ADD COLUMN r_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        """)]
    [InlineData("indexes found by column, constraints by type, columns by table and nullability", """
        CREATE TABLE Threads (PostId varchar(26) NOT NULL PRIMARY KEY, DeleteAt bigint, Name varchar(64), KEY idx_threads_deleteat (DeleteAt), CONSTRAINT ck_name CHECK (Name <> ''));
        SET @s = (SELECT IF(EXISTS(SELECT 1 FROM INFORMATION_SCHEMA.STATISTICS WHERE table_name = 'Threads' AND table_schema = DATABASE() AND column_name = 'deleteat') > 0, 'ALTER TABLE Threads ADD COLUMN s_found int', 'ALTER TABLE Threads ADD COLUMN s_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF(EXISTS(SELECT 1 FROM INFORMATION_SCHEMA.STATISTICS WHERE table_name = 'Threads' AND table_schema = DATABASE() AND column_name = 'Name'), 'ALTER TABLE Threads ADD COLUMN n_found int', 'ALTER TABLE Threads ADD COLUMN n_missing int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE table_name = 'Threads' AND table_schema = DATABASE() AND constraint_type = 'UNIQUE') > 0, 'SELECT 1', 'ALTER TABLE Threads ADD CONSTRAINT UNIQUE KEY Name (Name, DeleteAt)'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE table_name = 'Threads' AND table_schema = DATABASE() AND constraint_type = 'check') = 1, 'ALTER TABLE Threads ADD COLUMN k_one int', 'ALTER TABLE Threads ADD COLUMN k_other int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Thread' AND table_schema = DATABASE()) > 0, 'ALTER TABLE Thread RENAME TO Gone', 'ALTER TABLE Threads ADD COLUMN no_thread int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Threads' AND table_schema = DATABASE() AND column_name = 'Name' AND is_nullable = 'YES') > 0, 'ALTER TABLE Threads MODIFY Name varchar(64) NOT NULL', 'SELECT 1'));
        PREPARE st FROM @s;
        EXECUTE st;
        """)]
    [InlineData("a procedure whose SELECT COUNT puts INTO at the end", """
        CREATE TABLE Channels (Id varchar(26) NOT NULL PRIMARY KEY);
        CREATE PROCEDURE Migrate_LastRootPostAt ()
        BEGIN
        DECLARE LastRootPostAt_EXIST INT;
          SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
          WHERE TABLE_NAME = 'Channels' AND table_schema = DATABASE()
            AND COLUMN_NAME = 'LastRootPostAt' INTO LastRootPostAt_EXIST;
          IF(LastRootPostAt_EXIST = 0) THEN
            ALTER TABLE Channels ADD COLUMN LastRootPostAt bigint DEFAULT 0;
          END IF;
        END;
        CALL Migrate_LastRootPostAt ();
        CALL Migrate_LastRootPostAt ();
        DROP PROCEDURE IF EXISTS Migrate_LastRootPostAt;
        """)]
    [InlineData("a procedure whose condition a NULL parameter settles beside an unset variable", """
        CREATE TABLE task (id int PRIMARY KEY, name varchar(20));
        CREATE PROCEDURE add_column_if_not_exists(IN tableName VARCHAR(64), IN columnName VARCHAR(64), IN columnType VARCHAR(64), IN afterColumn VARCHAR(64))
        BEGIN
            IF NOT EXISTS (SELECT * FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = tableName AND column_name = columnName) THEN
                IF (afterColumn IS NOT NULL) THEN
                    SET @afterColumnExists = (SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = tableName AND column_name = afterColumn);
                END IF;
                SET @sql = CONCAT('ALTER TABLE ', tableName, ' ADD COLUMN ', columnName, ' ', columnType);
                IF (afterColumn IS NOT NULL AND @afterColumnExists IS NOT NULL) THEN
                    SET @sql = CONCAT(@sql, ' AFTER ', afterColumn);
                END IF;
                PREPARE stmt FROM @sql;
                EXECUTE stmt;
            END IF;
        END;
        CALL add_column_if_not_exists('task', 'owner', 'int', NULL);
        CALL add_column_if_not_exists('task', 'first', 'int', 'id');
        """)]
    public Task Constant_dynamic_SQL_builds_the_servers_schema(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);

    // MariaDB's own renderings (int(11), JSON as longtext); on MySQL 8 the engine leaves these undecided.
    [MySqlTheory]
    [InlineData("type text compared as information_schema.COLUMNS shows it", """
        CREATE TABLE Channels (Id varchar(26) NOT NULL PRIMARY KEY, Purpose varchar(128), Type enum('D','O','G','P'), Props json, Body text, Flag tinyint(1), Total int);
        SET @s = (SELECT IF((SELECT column_type FROM Information_Schema.Columns WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Purpose') != 'varchar(250)', 'ALTER TABLE Channels MODIFY Purpose varchar(250)', 'SELECT 1'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Type' AND column_type != 'ENUM("D", "O", "G", "P")') > 0, 'ALTER TABLE Channels ADD COLUMN enum_differs int', 'ALTER TABLE Channels ADD COLUMN enum_same int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Props' AND column_type != 'JSON') > 0, 'ALTER TABLE Channels ADD COLUMN json_differs int', 'ALTER TABLE Channels ADD COLUMN json_same int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Body' AND column_type != 'TEXT ') > 0, 'ALTER TABLE Channels ADD COLUMN text_differs int', 'ALTER TABLE Channels ADD COLUMN text_same int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Flag') = 'tinyint' AND (SELECT column_type FROM information_schema.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Total') = 'int(11)', 'ALTER TABLE Channels ADD COLUMN ints_same int', 'ALTER TABLE Channels ADD COLUMN ints_differ int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT column_type FROM information_schema.COLUMNS WHERE table_name = 'Channels' AND table_schema = DATABASE() AND column_name = 'Missing') != 'int', 'ALTER TABLE Channels ADD COLUMN null_true int', 'ALTER TABLE Channels ADD COLUMN null_false int'));
        PREPARE st FROM @s;
        EXECUTE st;
        """)]
    [InlineData("defaults compared as information_schema.COLUMNS shows them, under OR too", """
        CREATE TABLE Hooks (Id varchar(26) NOT NULL PRIMARY KEY, Username varchar(64), ExpireAt bigint DEFAULT 0, LastAt bigint DEFAULT 0, Timezone text, Kind enum('a','b') DEFAULT 'a', Day date DEFAULT '2020-01-01', Price decimal(5,2) DEFAULT 1.5);
        SET @s = (SELECT IF((SELECT Column_Default FROM Information_Schema.Columns WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND column_name = 'Username') IS NULL, 'ALTER TABLE Hooks ADD COLUMN u_null int', 'ALTER TABLE Hooks ADD COLUMN u_string int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT Column_Default FROM Information_Schema.Columns WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND column_name = 'Id') IS NULL, 'ALTER TABLE Hooks ADD COLUMN i_null int', 'ALTER TABLE Hooks ADD COLUMN i_string int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT Column_Default FROM Information_Schema.Columns WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND column_name = 'Username') = 0, 'ALTER TABLE Hooks ADD COLUMN u_zero int', 'ALTER TABLE Hooks ADD COLUMN u_other int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT Column_Default FROM Information_Schema.Columns WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND column_name = 'ExpireAt') = 0, 'ALTER TABLE Hooks ALTER COLUMN ExpireAt SET DEFAULT NULL', 'SELECT 1'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND column_name = 'Timezone' AND column_default IS NOT NULL) > 0, 'ALTER TABLE Hooks ADD COLUMN t_has int', 'ALTER TABLE Hooks ADD COLUMN t_none int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'Hooks' AND TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'LastAt' AND (COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT != 0)) = 1, 'ALTER TABLE Hooks ALTER COLUMN LastAt SET DEFAULT 0', 'ALTER TABLE Hooks ADD COLUMN l_kept int'));
        PREPARE st FROM @s;
        EXECUTE st;
        SET @s = (SELECT IF((SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Hooks' AND table_schema = DATABASE() AND ((column_name = 'Kind' AND column_default = '''a''') OR (column_name = 'Day' AND column_default = '''2020-01-01''') OR (column_name = 'Price' AND column_default = '1.50'))) = 3, 'ALTER TABLE Hooks ADD COLUMN all_three int', 'ALTER TABLE Hooks ADD COLUMN not_three int'));
        PREPARE st FROM @s;
        EXECUTE st;
        """)]
    public Task Type_text_tests_build_the_servers_schema_on_MariaDB(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return Task.CompletedTask;
        return MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(behaviour, sql, SqlDialect.MariaDb);
    }

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
