using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A MySQL procedure's body runs when a migration calls it: parameters, DECLARE, SELECT ...
/// INTO over information_schema, IF, and the DDL or dynamic SQL it chooses. What the body does
/// that cannot be followed makes the call an error at the CALL.
/// </summary>
public class MySqlProcedureCallTests
{
    // As a Flyway MySQL folder writes it: procedures under DELIMITER $$, called once per table.
    private const string Procedures = """
        DELIMITER $$
        DROP PROCEDURE IF EXISTS `DropIndexIfExists`$$
        CREATE PROCEDURE `DropIndexIfExists`(IN tableName VARCHAR(128), IN indexName VARCHAR(128))
        BEGIN
            DECLARE index_exists INT DEFAULT 0;
            SELECT COUNT(1) INTO index_exists
            FROM INFORMATION_SCHEMA.STATISTICS
            WHERE TABLE_NAME = tableName AND INDEX_NAME = indexName AND TABLE_SCHEMA = database();
            IF index_exists > 0 THEN
                SELECT CONCAT('INFO: Dropping Index ', indexName, ' on table ', tableName);
                SET @stmt = CONCAT('ALTER TABLE ', tableName, ' DROP INDEX ', indexName);
                PREPARE st FROM @stmt;
                EXECUTE st;
                DEALLOCATE PREPARE st;
            ELSE
                SELECT CONCAT('INFO: Index ', indexName, ' does not exist on table ', tableName);
            END IF;
        END$$
        CREATE PROCEDURE `FixPkIfNeeded`(IN tableName VARCHAR(128), IN columns VARCHAR(128))
        BEGIN
            DECLARE col_exists INT DEFAULT 0;
            SELECT COUNT(1) INTO col_exists FROM INFORMATION_SCHEMA.COLUMNS
            WHERE TABLE_NAME = tableName AND COLUMN_NAME = 'id' AND TABLE_SCHEMA = database();
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
            END IF;
        END$$
        DELIMITER ;
        """;

    [Fact]
    public void ProceduresCalledPerTable_BuildWhatTheirBranchesDo()
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE queue (id int AUTO_INCREMENT PRIMARY KEY, queue_name varchar(50) NOT NULL, message_id varchar(50) NOT NULL, UNIQUE KEY unique_queue (queue_name, message_id));
            CREATE TABLE already_fixed (queue_name varchar(50) NOT NULL PRIMARY KEY);
            {Procedures}
            CALL DropIndexIfExists('queue', 'unique_queue');
            CALL FixPkIfNeeded('queue', 'queue_name, message_id');
            CALL DropIndexIfExists('already_fixed', 'unique_queue');
            CALL FixPkIfNeeded('already_fixed', 'queue_name');
            """, SqlDialect.MySql);
        Assert.Empty(diagnostics);
        var queue = catalog.FindTable(My("queue"))!;
        Assert.Equal(["queue_name", "message_id"], queue.Columns.Select(c => c.Name));
        Assert.DoesNotContain("unique_queue", queue.OtherConstraints);
        Assert.Equal(["queue_name"], catalog.FindTable(My("already_fixed"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TheTerminatorGluedToEnd_EndsTheStatement()
    {
        var catalog = Clean("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nCREATE TABLE after_it (k int)$$\nDELIMITER ;", SqlDialect.MariaDb);
        Assert.NotNull(catalog.FindTable(My("after_it")));
    }

    [Fact]
    public void AProcedureWithoutDelimiter_GuardingAForeignKeyDrop_IsFollowed()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (id int PRIMARY KEY, pid int, CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES p (id));
            CREATE PROCEDURE PROC_DROP_FOREIGN_KEY(IN tableName VARCHAR(64), IN constraintName VARCHAR(64))
            BEGIN
                IF EXISTS(
                    SELECT * FROM information_schema.TABLE_CONSTRAINTS
                    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = tableName AND CONSTRAINT_NAME = constraintName AND CONSTRAINT_TYPE = 'FOREIGN KEY')
                THEN
                    SET @query = CONCAT('ALTER TABLE ', tableName, ' DROP FOREIGN KEY ', constraintName, ';');
                    PREPARE stmt FROM @query;
                    EXECUTE stmt;
                    DEALLOCATE PREPARE stmt;
                END IF;
            END;
            CALL PROC_DROP_FOREIGN_KEY('c', 'c_pid_fkey');
            CALL PROC_DROP_FOREIGN_KEY('c', 'c_pid_fkey');
            CALL PROC_DROP_FOREIGN_KEY('missing_table', 'whatever');
            ALTER TABLE c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE;
            """, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.Contains("c_pid_fkey", catalog.FindTable(My("c"))!.OtherConstraints);
    }

    [Theory]
    [InlineData("WHILE n > 0 DO SET n = n - 1; END WHILE;", "the WHILE at line 6")]
    [InlineData("DECLARE dup CONDITION FOR 1060;", "the DECLARE at line 6")]
    [InlineData("DECLARE EXIT HANDLER FOR SQLWARNING BEGIN END;", "the DECLARE at line 6")]
    [InlineData("IF (SELECT COUNT(*) FROM t) > 0 THEN ALTER TABLE t ADD x int; END IF;", "the condition at line 6")]
    public void ABodyThatCannotBeFollowed_IsAnErrorAtTheCall(string step, string named)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE t (id int PRIMARY KEY);
            DELIMITER //
            CREATE PROCEDURE p()
            BEGIN
              DECLARE n INT DEFAULT 2;
              {step}
              ALTER TABLE t ADD COLUMN y int;
            END //
            DELIMITER ;
            CALL p();
            """, SqlDialect.MySql);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineChangesTrackedObjects, 10), (finding.Code, finding.Line));
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void AStatementTheServerRefusesInTheBody_IsReportedInTheBody_AndStopsTheCall()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE PROCEDURE p()
            BEGIN
              ALTER TABLE t ADD COLUMN a int;
              ALTER TABLE t DROP COLUMN missing;
              ALTER TABLE t ADD COLUMN b int;
            END;
            CALL p();
            """, SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 5), (finding.Code, finding.Line));
        Assert.Equal(["id", "a"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CONTINUE", new[] { "id", "b" })]
    [InlineData("EXIT", new[] { "id" })]
    public void AHandlerForAnyError_TakesTheFailure(string kind, string[] columns)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE t (id int PRIMARY KEY);
            DELIMITER //
            CREATE PROCEDURE IF NOT EXISTS `?`()
            BEGIN
                DECLARE {kind} HANDLER FOR SQLEXCEPTION BEGIN END;
                ALTER TABLE t ADD COLUMN id int;
                ALTER TABLE t ADD COLUMN b int;
            END //
            DELIMITER ;
            CALL `?`();
            DROP PROCEDURE `?`;
            """, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.Equal(columns, catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void AHandler_DoesNotTakeWhatTheServersParserRefuses()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE PROCEDURE p()
            BEGIN
                DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
                ALTER TABLE t ADD COLUMN a int GENERATED ALWAYS AS (id + 1) STORED NOT NULL;
            END;
            CALL p();
            """, SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.MariaDbColumnAttributeOrder, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("'atlas:create'", false)] // A value: found on a real history (ranger).
    [InlineData("'drop'", true)] // A statement's start, perhaps built with CONCAT for PREPARE.
    [InlineData("'ALTER TABLE v ADD c int'", true)]
    public void AStringInTheBody_CountsOnlyWhenItStartsAStatement(string value, bool mayChange)
    {
        var sql = $"""
            CREATE TABLE v (version varchar(10), name varchar(20));
            DELIMITER ;;
            CREATE PROCEDURE upd() BEGIN
            IF EXISTS (SELECT version FROM v WHERE version = 'J1') THEN
              UPDATE v SET name = 'x' WHERE name = {value};
            END IF;
            END;;
            DELIMITER ;
            CALL upd();
            """;

        var diagnostics = Run(sql, SqlDialect.MariaDb).Diagnostics;

        Assert.Equal(mayChange, diagnostics.Any(d => d.Code == DiagnosticCodes.RoutineChangesTrackedObjects));
    }

    // MySQL's three-valued AND and OR: a false left of AND, or a true left of OR, settles the
    // condition whatever the right holds (seen in dinky's MySQL migrations: a NULL parameter
    // beside a user variable the procedure sets only for a non-NULL one).
    [Theory]
    [InlineData("after IS NOT NULL AND @unset IS NOT NULL", false, false)]
    [InlineData("after IS NOT NULL AND (@unset IS NOT NULL OR unknown_fn(1) > 0)", false, false)]
    [InlineData("after IS NULL OR @unset = 'x'", false, true)]
    [InlineData("(after IS NOT NULL AND @unset IS NOT NULL) OR after IS NULL", false, true)]
    [InlineData("after IS NULL AND @unset IS NOT NULL", true, false)]
    [InlineData("after IS NOT NULL OR @unset IS NOT NULL", true, false)]
    [InlineData("after IS NOT NULL AND @unset BETWEEN 1 AND 2", true, false)]
    public void AConditionSettledByOneSide_IsFollowedWhateverTheOtherHolds(string condition, bool undecided, bool added)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE t (id int PRIMARY KEY);
            DELIMITER $$
            CREATE PROCEDURE p(IN after VARCHAR(64))
            BEGIN
              IF ({condition}) THEN
                ALTER TABLE t ADD COLUMN x int;
              END IF;
            END$$
            DELIMITER ;
            CALL p(NULL);
            """, SqlDialect.MariaDb);

        Assert.Equal(undecided, diagnostics.Any(d => d.Code == DiagnosticCodes.RoutineChangesTrackedObjects));
        if (!undecided) Assert.Equal(added ? ["id", "x"] : ["id"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
    }
}
