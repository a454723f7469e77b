using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Statements that run SQL written elsewhere: a CALL of a procedure, a PostgreSQL SELECT of a
/// function, MySQL's PREPARE/EXECUTE and MariaDB's EXECUTE IMMEDIATE. A constant string is
/// followed; what cannot be told is reported where it runs, never passed over.
/// </summary>
public class RoutineCallTests
{
    private static string[] Columns(Catalog catalog, QualifiedName table) => catalog.FindTable(table)!.Columns.Select(c => c.Name).ToArray();

    [Theory]
    [InlineData("SET @q = 'ALTER TABLE t DROP COLUMN a';\nPREPARE s FROM @q;\nEXECUTE s;\nDEALLOCATE PREPARE s;")]
    [InlineData("SET @q := 'ALTER TABLE t DROP COLUMN a', @other = 1;\nPREPARE s FROM @q;\nEXECUTE s;")]
    [InlineData("PREPARE s FROM 'ALTER TABLE t DROP COLUMN a';\nEXECUTE s;")]
    [InlineData("EXECUTE IMMEDIATE 'ALTER TABLE t DROP COLUMN a';")]
    public void MySql_ConstantDynamicSql_IsFollowed(string run)
    {
        var catalog = Clean("CREATE TABLE t (id int PRIMARY KEY, a int);\n" + run, SqlDialect.MariaDb);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }

    [Fact]
    public void MySql_FindingsInsideAConstantString_PointAtTheString()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\nEXECUTE IMMEDIATE\n  'ALTER TABLE missing DROP COLUMN a';", SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TableNotFound, finding.Code);
        Assert.Equal(3, finding.Line);
    }

    [Fact]
    public void MySql_SqlBuiltUnderACondition_IsReportedAtTheExecute()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            SET @s = (SELECT IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 't' AND column_name LIKE 'e%' ESCAPE '!') > 0, 'SELECT 1', 'ALTER TABLE t ADD COLUMN e int'));
            PREPARE stmt FROM @s;
            EXECUTE stmt;
            """, SqlDialect.MySql);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UndecidableDynamicSql, DiagnosticSeverity.Error, 4), (finding.Code, finding.Severity, finding.Line));
        Assert.Contains("@s", finding.Message, StringComparison.Ordinal);
        Assert.Contains("schematasks:equivalent", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }

    [Theory]
    [InlineData("SET @x = CONCAT('INSERT INTO t VALUES (', 1, ')');\nPREPARE ins FROM @x;\nEXECUTE ins;")]
    [InlineData("PREPARE sel FROM 'SELECT 1';\nEXECUTE sel;")]
    [InlineData("SET NAMES utf8mb4;\nSET @@session.sql_mode = '';\nSET FOREIGN_KEY_CHECKS = 0;")]
    public void MySql_DynamicSqlThatCannotChangeTrackedObjects_IsSilent(string run)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + run, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("EXECUTE nothing_prepared;")]
    [InlineData("PREPARE s FROM @never_set;\nEXECUTE s;")]
    [InlineData("SET @t = (SELECT sql_text FROM pending_ddl LIMIT 1);\nPREPARE s FROM @t;\nEXECUTE s;")]
    public void MySql_DynamicSqlOfUnknownText_IsReported(string run)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + run, SqlDialect.MySql);
        Assert.Equal(DiagnosticCodes.UndecidableDynamicSql, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void MySql_CallOfAProcedure_RunsItsBody(SqlDialect dialect)
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY, a int);
            DELIMITER //
            CREATE PROCEDURE drop_a()
            BEGIN
              IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'a') THEN
                ALTER TABLE t DROP COLUMN a;
              END IF;
            END //
            CREATE DEFINER = CURRENT_USER PROCEDURE touch_nothing() BEGIN UPDATE t SET a = 1; END //
            DELIMITER ;
            CALL touch_nothing();
            CALL drop_a();
            CALL drop_a();
            """, dialect);
        Assert.Empty(diagnostics);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }

    [Fact]
    public void CallOfAProcedureNoMigrationCreates_IsAWarning()
    {
        var (_, diagnostics) = Run("CALL maintenance.refresh_all();", SqlDialect.MySql);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownProcedure, DiagnosticSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("refresh_all", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.Postgres, "/* schematasks:equivalent ALTER TABLE t DROP COLUMN a; */\nCALL drop_a();")]
    [InlineData(SqlDialect.MariaDb, "/* schematasks:equivalent ALTER TABLE t DROP COLUMN a; */\nCALL drop_a();")]
    [InlineData(SqlDialect.MariaDb, "SET @s = IF(1 > 0, 'ALTER TABLE t DROP COLUMN a', 'SELECT 1');\nPREPARE s FROM @s;\n-- the column goes\n/* schematasks:equivalent ALTER TABLE t DROP COLUMN a */\nEXECUTE s;")]
    public void AnAnnotationDeclaresWhatACallOrExecuteDoes(SqlDialect dialect, string run)
    {
        var create = dialect == SqlDialect.Postgres
            ? "CREATE PROCEDURE drop_a() LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t DROP COLUMN a; END $$;\n"
            : "CREATE PROCEDURE drop_a() ALTER TABLE t DROP COLUMN a;\n";
        var catalog = Clean("CREATE TABLE t (id int PRIMARY KEY, a int);\n" + create + run, dialect);
        Assert.Equal(["id"], Columns(catalog, dialect == SqlDialect.Postgres ? Pg("t") : My("t")));
    }

    [Fact]
    public void AnEmptyAnnotationDeclaresACallChangesNothingTracked()
    {
        var (_, diagnostics) = Run("/* schematasks:equivalent */\nCALL refresh_continuous_aggregate('daily', NULL, NULL);");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Postgres_SelectOfAFunctionThatChangesTrackedObjects_IsAnError()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY, a int);
            CREATE OR REPLACE FUNCTION public.drop_a() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              EXECUTE 'ALTER TABLE t DROP COLUMN a';
            END $$;
            CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;
            SELECT answer();
            SELECT pg_catalog.set_config('search_path', '', false);
            SELECT public.drop_a();
            """);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineChangesTrackedObjects, 9), (finding.Code, finding.Line));
        Assert.Contains("function drop_a", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PERFORM drop_a();", "'PERFORM drop_a()' calls function drop_a, created at ")]
    [InlineData("PERFORM drop_a();", "(2,1), whose body may change tracked objects, and SchemaTasks does not run routine bodies")]
    [InlineData("CALL drop_a();", "'CALL drop_a()' calls function drop_a")]
    [InlineData("done := public.drop_a();", "'done := public.drop_a()' calls function drop_a")]
    [InlineData("SELECT drop_a() INTO done;", "'SELECT drop_a() INTO done' calls function drop_a")]
    [InlineData("IF drop_a() THEN RAISE NOTICE 'dropped'; END IF;", "'drop_a()' calls function drop_a")]
    [InlineData("RAISE NOTICE 'dropped: %', drop_a();", "'NOTICE 'dropped: %', drop_a()' calls function drop_a")]
    [InlineData("EXECUTE 'SELECT ' || drop_a();", "calls function drop_a")]
    [InlineData("FOR i IN SELECT id FROM t LOOP PERFORM drop_a(); END LOOP;", "depends on the data", DiagnosticCodes.UndecidableDoBlock)]
    [InlineData("FOR i IN 1..2 LOOP PERFORM drop_a(); END LOOP;", "'PERFORM drop_a()' calls function drop_a")] // Unrolled: the call is the reason.
    public void Postgres_DoBlockCallingAFunctionThatChangesTrackedObjects_IsAnError(string call, string message, string code = DiagnosticCodes.RoutineChangesTrackedObjects)
    {
        var (catalog, diagnostics) = Run($$"""
            CREATE TABLE t (id int PRIMARY KEY, a int);
            CREATE FUNCTION drop_a() RETURNS boolean LANGUAGE plpgsql AS $f$
            BEGIN
              ALTER TABLE t DROP COLUMN a;
              RETURN true;
            END $f$;
            DO $$
            DECLARE done boolean;
            BEGIN
              {{call}}
            END $$;
            """);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((code, 10), (finding.Code, finding.Line));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "a"], Columns(catalog, Pg("t")));
    }

    [Fact]
    public void Postgres_DoBlockCallingOnlyFunctionsWithoutDdl_IsDecided()
    {
        var catalog = Clean("""
            CREATE TABLE t (id int PRIMARY KEY, a int);
            CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $f$ SELECT 42 $f$;
            DO $$
            BEGIN
              PERFORM answer();
              ALTER TABLE t DROP COLUMN a;
            END $$;
            """);
        Assert.Equal(["id"], Columns(catalog, Pg("t")));
    }

    [Fact]
    public void Postgres_ProcedureWithAnAtomicBody_IsReportedWhenCalled()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE PROCEDURE add_b() LANGUAGE sql BEGIN ATOMIC ALTER TABLE t ADD COLUMN b int; END;
            CALL add_b();
            """);
        Assert.Equal((DiagnosticCodes.RoutineChangesTrackedObjects, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Fact]
    public void AProcedureCreatedInOneMigration_IsKnownWhenALaterOneCallsIt()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("001_procedure", "001", "procedure", "001_procedure.sql", "checksum", "CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE PROCEDURE drop_a() LANGUAGE sql BEGIN ATOMIC ALTER TABLE t DROP COLUMN a; END;"),
            new Migration("002_call", "002", "call", "002_call.sql", "checksum", "CALL drop_a();"),
        ]);
        var result = SchemaEngine.Build(set, SqlDialect.Postgres);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineChangesTrackedObjects, "002_call.sql"), (finding.Code, finding.File));
        Assert.Contains("001_procedure.sql(2,1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MySql_AProcedureCreatedInOneMigration_RunsWhenALaterOneCallsIt()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.MySql,
        [
            new Migration("001_procedure", "001", "procedure", "001_procedure.sql", "checksum", "CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE PROCEDURE drop_a() ALTER TABLE t DROP COLUMN a;"),
            new Migration("002_call", "002", "call", "002_call.sql", "checksum", "CALL drop_a();"),
        ]);
        var result = SchemaEngine.Build(set, SqlDialect.MySql);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["id"], Columns(result.Final, My("t")));
    }

    [Theory]
    [InlineData("BEGIN NOT ATOMIC\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'x') THEN\n    ALTER TABLE t ADD COLUMN x int;\n  END IF;\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'x') THEN\n    ALTER TABLE t ADD COLUMN wrong int;\n  END IF;\nEND;")]
    [InlineData("DELIMITER //\nBEGIN NOT ATOMIC\n  ALTER TABLE t ADD COLUMN x int;\nEND //\nDELIMITER ;")]
    [InlineData("DELIMITER $$\nBEGIN NOT ATOMIC\n  DECLARE n INT DEFAULT 0;\n  SELECT COUNT(*) INTO n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'x';\n  IF n = 0 THEN\n    SET @s = 'ALTER TABLE t ADD x int';\n    PREPARE st FROM @s; EXECUTE st; DEALLOCATE PREPARE st;\n  END IF;\nEND $$\nDELIMITER ;")]
    public void MariaDb_AnonymousBlock_RunsAtOnceAsAProcedureBody(string block)
    {
        var catalog = Clean("CREATE TABLE t (id int PRIMARY KEY);\n" + block + "\nCREATE TABLE after_block (k int);", SqlDialect.MariaDb);
        Assert.Equal(["id", "x"], Columns(catalog, My("t")));
        Assert.NotNull(catalog.FindTable(My("after_block")));
    }

    [Theory]
    [InlineData("BEGIN NOT ATOMIC\n  WHILE (SELECT 1) = 0 DO\n    ALTER TABLE t ADD COLUMN x int;\n  END WHILE;\nEND;", "the WHILE at line 3")]
    [InlineData("BEGIN NOT ATOMIC\n  IF (SELECT COUNT(*) FROM t) = 0 THEN\n    ALTER TABLE t ADD COLUMN x int;\n  END IF;\nEND;", "the condition at line 3")]
    public void MariaDb_AnonymousBlockThatCannotBeFollowed_IsAnError(string block, string named)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + block + "\nCREATE TABLE after_block (k int);", SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains("BEGIN NOT ATOMIC", finding.Message, StringComparison.Ordinal);
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Line);
        Assert.Equal(["id"], Columns(catalog, My("t")));
        Assert.NotNull(catalog.FindTable(My("after_block")));
    }

    [Fact]
    public void MariaDb_AnonymousBlockWithoutDdl_ThatCannotBeFollowed_IsPassedOver()
    {
        var catalog = Clean("CREATE TABLE t (id int PRIMARY KEY);\nBEGIN NOT ATOMIC\n  DECLARE i INT DEFAULT 0;\n  WHILE i < 3 DO\n    INSERT INTO t VALUES (i); SET i = i + 1;\n  END WHILE;\nEND;", SqlDialect.MariaDb);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }

    [Fact]
    public void MySql_TransactionBegin_IsNotABlock()
    {
        var catalog = Clean("BEGIN;\nCREATE TABLE t (id int PRIMARY KEY);\nCOMMIT;\nSTART TRANSACTION;\nBEGIN WORK;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;", SqlDialect.MySql);
        Assert.Equal(["id", "a"], Columns(catalog, My("t")));
    }

    private const string AddColumnIfMissing = """
        SET @dbname = DATABASE();
        SET @preparedStatement = (SELECT IF(
          (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS
           WHERE (table_name = 'queue') AND (table_schema = @dbname) AND (column_name = 'priority')) > 0,
          "SELECT 1",
          CONCAT("ALTER TABLE ", 'queue', " ADD ", 'priority', " TINYINT DEFAULT 0")));
        PREPARE addColumnIfNotExist FROM @preparedStatement;
        EXECUTE addColumnIfNotExist;
        DEALLOCATE PREPARE addColumnIfNotExist;
        """;

    [Theory]
    [InlineData("CREATE TABLE queue (id int PRIMARY KEY);", "tinyint")]
    [InlineData("CREATE TABLE queue (id int PRIMARY KEY, priority int);", "int")]
    public void MySql_DdlUnderAnInformationSchemaCondition_IsDecided(string create, string type)
    {
        var catalog = Clean(create + "\n" + AddColumnIfMissing, SqlDialect.MySql);
        Assert.Equal(["id", "priority"], Columns(catalog, My("queue")));
        Assert.Equal(type, catalog.FindTable(My("queue"))!.Columns[1].Type);
    }

    [Fact]
    public void MySql_IndexDroppedOnlyWhenItExists_IsDecided()
    {
        var catalog = Clean("""
            CREATE TABLE ev (a int, b int, UNIQUE KEY unique_ev (a));
            SET @exist := (SELECT COUNT(INDEX_NAME) FROM information_schema.STATISTICS
                           WHERE `TABLE_NAME` = 'ev' AND `INDEX_NAME` = 'unique_ev' AND TABLE_SCHEMA = database());
            SET @sqlstmt := IF(@exist > 0, 'ALTER TABLE `ev` DROP INDEX `unique_ev`', 'SELECT ''INFO: Index already exists.''');
            PREPARE stmt FROM @sqlstmt;
            EXECUTE stmt;
            ALTER TABLE ev ADD CONSTRAINT unique_ev UNIQUE (a, b);
            SET @again := (SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_NAME = 'ev' AND INDEX_NAME = 'missing' AND TABLE_SCHEMA = DATABASE());
            SET @sqlstmt := IF(@again > 0, 'ALTER TABLE ev DROP INDEX missing', 'SELECT 1');
            PREPARE stmt FROM @sqlstmt;
            EXECUTE stmt;
            """, SqlDialect.MariaDb);
        Assert.Contains("unique_ev", catalog.FindTable(My("ev"))!.OtherConstraints);
    }

    [Theory]
    [InlineData("TABLE_SCHEMA = 'production'", "information_schema.COLUMNS")]
    [InlineData("COLUMN_NAME LIKE 'prio%' ESCAPE '!'", "the filter on COLUMN_NAME (LIKE ... ESCAPE)")]
    public void MySql_ConditionOnWhatIsNotKnown_SaysWhichPart(string filter, string part)
    {
        var (_, diagnostics) = Run($"""
            CREATE TABLE queue (id int PRIMARY KEY);
            SET @s = IF((SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_NAME = 'queue' AND {filter}) > 0, 'SELECT 1', 'ALTER TABLE queue ADD priority int');
            PREPARE p FROM @s;
            EXECUTE p;
            """, SqlDialect.MySql);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDynamicSql, finding.Code);
        Assert.Contains(part, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(SELECT true FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'queue' AND COLUMN_NAME = 'priority') = true", "int")]
    [InlineData("(SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'queue' AND COLUMN_NAME = 'priority') IS NOT NULL", "int")]
    [InlineData("(SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'never_created') > 0", "tinyint")]
    public void MySql_OtherFormsOfAnExistenceTest_AreDecided(string condition, string typeAfter)
    {
        var catalog = Clean($"""
            CREATE TABLE queue (id int PRIMARY KEY, priority int);
            SET @s = IF({condition}, 'SELECT 1', 'ALTER TABLE queue MODIFY priority TINYINT');
            PREPARE p FROM @s;
            EXECUTE p;
            """, SqlDialect.MySql);
        Assert.Equal(typeAfter, catalog.FindTable(My("queue"))!.Columns[1].Type);
    }

    [Fact]
    public void MySql_ATestOnANameAViewMayHold_StaysUndecided()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE queue (id int PRIMARY KEY);
            CREATE OR REPLACE ALGORITHM = MERGE VIEW recent AS SELECT id FROM queue;
            SET @s = IF((SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'recent') > 0, 'SELECT 1', 'CREATE TABLE recent (id int)');
            PREPARE p FROM @s;
            EXECUTE p;
            """, SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.UndecidableDynamicSql, Assert.Single(diagnostics).Code);
    }
}
