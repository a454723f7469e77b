using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB's anonymous BEGIN NOT ATOMIC blocks, run where they stand, and procedures whose
/// handlers take particular errors (a duplicate column, a missing index) around DDL: run on the
/// real server and in the engine, whose catalogs must agree.
/// </summary>
public sealed class MariaDbCompoundStatementTests
{
    public static TheoryData<string, string> Histories() => new()
    {
        {
            "BEGIN NOT ATOMIC with IF NOT EXISTS on information_schema.columns, run twice",
            """
            CREATE TABLE t (id int PRIMARY KEY, st enum('a','b') NOT NULL DEFAULT 'a');
            BEGIN NOT ATOMIC
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'd') THEN
                ALTER TABLE t ADD d varchar(5) DEFAULT 'x';
              END IF;
            END;
            BEGIN NOT ATOMIC
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'd') THEN
                ALTER TABLE t ADD wrong int;
              END IF;
            END;
            """
        },
        {
            "BEGIN NOT ATOMIC with a count into a variable and dynamic SQL",
            """
            CREATE TABLE t (id int PRIMARY KEY);
            BEGIN NOT ATOMIC
              DECLARE n INT DEFAULT 0;
              SELECT COUNT(*) INTO n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'st';
              IF n = 0 THEN
                EXECUTE IMMEDIATE 'ALTER TABLE t ADD st enum(''new'',''done'') NOT NULL DEFAULT ''new''';
              END IF;
            END;
            """
        },
        {
            "CONTINUE HANDLER FOR 1060 around a column that exists: the rest runs",
            """
            CREATE TABLE t (id int PRIMARY KEY, c int);
            DROP PROCEDURE IF EXISTS addc;
            CREATE PROCEDURE addc()
            BEGIN
              DECLARE CONTINUE HANDLER FOR 1060 BEGIN END;
              ALTER TABLE t ADD c int;
              ALTER TABLE t ADD d enum('x','y') DEFAULT 'x';
            END;
            CALL addc();
            DROP PROCEDURE addc;
            """
        },
        {
            "handlers by SQLSTATE and number for a missing index and column, an EXIT handler of an inner block",
            """
            CREATE TABLE t (id int PRIMARY KEY, c int, KEY k (c));
            CREATE PROCEDURE fix()
            BEGIN
              DECLARE CONTINUE HANDLER FOR SQLSTATE '42000' BEGIN END;
              ALTER TABLE t DROP INDEX missing;
              ALTER TABLE t ADD KEY k (id);
              BEGIN
                DECLARE EXIT HANDLER FOR 1091 BEGIN END;
                ALTER TABLE t DROP COLUMN missing;
                ALTER TABLE t ADD skipped int;
              END;
              ALTER TABLE t ADD after_inner int;
            END;
            CALL fix();
            """
        },
        {
            "the most specific handler of a block, in a NOT ATOMIC block",
            """
            CREATE TABLE t (id int PRIMARY KEY, c int);
            BEGIN NOT ATOMIC
              DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN END;
              DECLARE CONTINUE HANDLER FOR 1060, 1050 BEGIN END;
              CREATE TABLE t (x int);
              ALTER TABLE t ADD c int;
              ALTER TABLE t ADD d int;
            END;
            """
        },
    };

    [MySqlTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_runs_the_block_as_the_server_does(string behaviour, string sql)
        => MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb
            ? Task.CompletedTask // BEGIN NOT ATOMIC is MariaDB's.
            : MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);

    [MySqlFact]
    public Task A_like_on_column_type_decides_as_the_server_does()
        => MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb
            ? Task.CompletedTask // The column_type text checked is MariaDB's.
            : MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(
                "a procedure that widens an enum when column_type LIKE '%''c''%' finds nothing, called for two tables",
                """
            CREATE TABLE t (id int PRIMARY KEY, st enum('a','b') NOT NULL DEFAULT 'a');
            CREATE TABLE u (id int PRIMARY KEY, st enum('a','C') NOT NULL DEFAULT 'a');
            CREATE PROCEDURE widen(IN tbl varchar(64))
            BEGIN
              DECLARE n INT DEFAULT 0;
              SELECT COUNT(*) INTO n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = tbl AND column_name = 'st' AND column_type LIKE '%''c''%';
              IF n = 0 THEN
                SET @s = CONCAT('ALTER TABLE ', tbl, ' MODIFY st enum(''a'',''b'',''c'') NOT NULL DEFAULT ''a''');
                PREPARE stmt FROM @s; EXECUTE stmt; DEALLOCATE PREPARE stmt;
              END IF;
            END;
            CALL widen('t');
            CALL widen('u');
            """,
                SqlDialect.MariaDb);
}
