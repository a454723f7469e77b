using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Procedure conditions the engine decides as the server does: a call of a stored function that
/// wraps an information_schema test (Icinga's upgrade scripts drop 34 indexes through
/// <c>IF ido_index_exists(t, i)</c>), and the operators &amp;&amp;, ||, !, NOT and XOR, with ||
/// under the default sql_mode and under PIPES_AS_CONCAT.
/// </summary>
public sealed class MySqlStoredFunctionConditionTests
{
    private const string IndexExists = """
        CREATE FUNCTION index_exists (f_table varchar(64), f_index varchar(64)) RETURNS BOOL DETERMINISTIC READS SQL DATA
        BEGIN
          DECLARE found BOOL DEFAULT FALSE;
          SELECT EXISTS (SELECT 1 FROM information_schema.statistics WHERE table_schema = SCHEMA() AND table_name = f_table AND index_name = f_index) INTO found;
          RETURN found;
        END;
        CREATE PROCEDURE drop_index_if_exists (IN p_table varchar(64), IN p_index varchar(64)) MODIFIES SQL DATA
        BEGIN
          IF index_exists(p_table, p_index) THEN
            SET @q = CONCAT('ALTER TABLE `', SCHEMA(), '`.`', p_table, '` DROP INDEX `', p_index, '`');
            PREPARE stmt FROM @q;
            EXECUTE stmt;
            DEALLOCATE PREPARE stmt;
          END IF;
        END;
        """;

    [MySqlTheory]
    [InlineData("an index dropped through a function that finds it, then passed over once gone", """
        CREATE TABLE comments (id int PRIMARY KEY, instance_id int, object_id int, UNIQUE KEY instance_id (instance_id, object_id), KEY object_id (object_id));
        """ + IndexExists + """

        CALL drop_index_if_exists('comments', 'instance_id');
        CALL drop_index_if_exists('comments', 'instance_id');
        CALL drop_index_if_exists('comments', 'no_such_index');
        DROP FUNCTION index_exists;
        DROP PROCEDURE drop_index_if_exists;
        """)]
    [InlineData("a function whose body is one RETURN of a count", """
        CREATE TABLE t (id int PRIMARY KEY, a int);
        CREATE FUNCTION has_column (c varchar(64)) RETURNS int RETURN (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = c);
        CREATE PROCEDURE add_b () BEGIN IF has_column('a') > 0 && ! has_column('b') THEN ALTER TABLE t ADD COLUMN b int NOT NULL DEFAULT 0; END IF; END;
        CALL add_b();
        CALL add_b();
        """)]
    [InlineData("the operators &&, ||, !, NOT and XOR", """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE PROCEDURE p (IN c int)
        BEGIN
          IF c > 0 && c < 5 THEN ALTER TABLE t ADD COLUMN and_sym int; END IF;
          IF c > 5 || c = 3 THEN ALTER TABLE t ADD COLUMN or_sym int; END IF;
          IF ! c = 1 THEN ALTER TABLE t ADD COLUMN bang int; END IF;
          IF NOT c = 1 THEN ALTER TABLE t ADD COLUMN not_word int; END IF;
          IF c = 0 OR c = 3 XOR c = 3 THEN ALTER TABLE t ADD COLUMN xor_or int; END IF;
          IF c = 3 AND c = 0 XOR c = 3 THEN ALTER TABLE t ADD COLUMN xor_and int; END IF;
        END;
        CALL p(3);
        """)]
    public Task Conditions_build_the_servers_schema(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);

    [MySqlFact]
    public Task Pipes_concatenate_under_PIPES_AS_CONCAT()
        => MySqlServerAgreement.AssertEngineMatchesServerWithUserVariablesAsync(
            "|| joins strings under PIPES_AS_CONCAT, and the procedure keeps the mode it was created under",
            """
            CREATE TABLE t (id int PRIMARY KEY);
            SET sql_mode = 'PIPES_AS_CONCAT,STRICT_TRANS_TABLES';
            SET @q = 'ALTER TABLE t ADD COLUMN ' || 'joined int';
            PREPARE s FROM @q;
            EXECUTE s;
            CREATE PROCEDURE p (IN c int) BEGIN IF 'a' || c = 'a2' THEN ALTER TABLE t ADD COLUMN kept_mode int; END IF; END;
            SET sql_mode = 'STRICT_TRANS_TABLES';
            CALL p(2);
            """,
            MySqlTestDatabase.ServerDialect);
}
