using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

public class DoBlockTests
{
    private const string Status = "CREATE TYPE status AS ENUM ('a', 'b');\n";

    private static string[] Labels(Catalog catalog, string type = "status") => catalog.FindEnumType(Pg(type))!.Labels.ToArray();

    // ---------- straight-line DDL ----------

    [Fact]
    public void StraightLineDdl_AppliesAsAtTopLevel()
    {
        var catalog = Clean("CREATE TABLE t (id int);\nDO $$ BEGIN ALTER TABLE t ADD COLUMN note text; CREATE TYPE mood AS ENUM ('ok'); END $$;\nALTER TABLE t ALTER COLUMN note SET NOT NULL;");
        Assert.Equal(["id", "note"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.Equal(["ok"], Labels(catalog, "mood"));
    }

    [Fact]
    public void LanguageClauseAndSingleQuotedBody_AreRead()
    {
        var catalog = Clean("DO LANGUAGE plpgsql $body$ BEGIN CREATE TYPE a AS ENUM ('x'); END $body$;\nDO 'BEGIN CREATE TYPE b AS ENUM (''it''''s''); END' LANGUAGE plpgsql;");
        Assert.Equal(["x"], Labels(catalog, "a"));
        Assert.Equal(["it's"], Labels(catalog, "b"));
    }

    [Fact]
    public void ErrorInsideBody_IsLocatedAtTheFilePosition()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int);\nDO $$\nBEGIN\n    ALTER TABLE t ALTER COLUMN missing SET NOT NULL;\nEND $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ColumnNotFound, error.Code);
        Assert.Equal(("m.sql", 4), (error.File, error.Line));
        Assert.True(error.Column > 5);
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ErrorInsideSingleQuotedBody_CountsDoubledQuotesInTheColumn()
    {
        var (_, diagnostics) = Run("DO 'BEGIN CREATE TYPE x AS ENUM (''a''); ALTER TYPE nope ADD VALUE ''b''; END';");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TypeNotFound, error.Code);
        Assert.Equal((1, 42), (error.Line, error.Column)); // ALTER, after two doubled quotes
    }

    [Fact]
    public void SyntaxErrorInDdlInsideBody_IsReportedLikeAtTopLevel()
    {
        var (_, diagnostics) = Run("DO $$ BEGIN\nCREATE TYPE x AS ENUM ('a'; END $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SyntaxError, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void FailingBlockWithoutHandler_LeavesNothingOfTheBlock()
    {
        var (catalog, diagnostics) = Run(Status + "DO $$ BEGIN CREATE TYPE other AS ENUM ('x'); ALTER TYPE status ADD VALUE 'a'; END $$;");
        Assert.Equal(DiagnosticCodes.EnumLabelExists, Assert.Single(diagnostics).Code);
        Assert.Null(catalog.FindEnumType(Pg("other")));
    }

    // ---------- exception blocks ----------

    [Fact]
    public void DrizzleEnumIdiom_CreatesTheTypeWhenAbsent()
    {
        var catalog = Clean("""DO $$ BEGIN CREATE TYPE "public"."status" AS ENUM('a', 'b'); EXCEPTION WHEN duplicate_object THEN null; END $$;""");
        Assert.Equal(["a", "b"], Labels(catalog));
    }

    [Fact]
    public void DrizzleEnumIdiom_KeepsTheExistingTypeQuietly()
    {
        var catalog = Clean(Status + "DO $$ BEGIN CREATE TYPE status AS ENUM ('x', 'y', 'z'); EXCEPTION WHEN duplicate_object THEN RAISE NOTICE 'exists'; END $$;");
        Assert.Equal(["a", "b"], Labels(catalog));
    }

    [Fact]
    public void AddValueInsideBlock_CatchingDuplicateObject_IsQuietWhenTheLabelExists()
    {
        var catalog = Clean(Status + "DO $$ BEGIN ALTER TYPE status ADD VALUE 'b'; EXCEPTION WHEN duplicate_object THEN null; END $$;\nDO $$ BEGIN ALTER TYPE status ADD VALUE 'c'; EXCEPTION WHEN duplicate_object THEN null; END $$;");
        Assert.Equal(["a", "b", "c"], Labels(catalog));
    }

    [Fact]
    public void HandlerForAnotherError_DoesNotSwallow()
    {
        var (_, diagnostics) = Run(Status + "DO $$ BEGIN CREATE TYPE status AS ENUM ('x'); EXCEPTION WHEN duplicate_table THEN null; END $$;");
        Assert.Equal(DiagnosticCodes.TypeExists, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id int)", "duplicate_table")]
    [InlineData("ALTER TABLE t ADD COLUMN id int", "duplicate_column")]
    [InlineData("CREATE SCHEMA public", "duplicate_schema")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT c CHECK (id > 0)", "duplicate_object")]
    [InlineData("ALTER TABLE missing ADD COLUMN x int", "undefined_table")]
    [InlineData("ALTER TABLE t ADD COLUMN id int", "others")]
    [InlineData("ALTER TABLE t ADD COLUMN id int", "SQLSTATE '42701'")]
    [InlineData("ALTER TABLE t ADD COLUMN id int", "syntax_error_or_access_rule_violation")]
    public void Handler_SwallowsExactlyTheErrorItNames(string ddl, string condition)
    {
        var setup = "CREATE TABLE t (id int, CONSTRAINT c CHECK (id < 10));\n";
        Clean(setup + $"DO $$ BEGIN {ddl}; EXCEPTION WHEN {condition} THEN NULL; END $$;");
    }

    [Fact]
    public void DuplicateColumnHandler_DoesNotCatchADuplicateTable()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int);\nDO $$ BEGIN CREATE TABLE t (id int); EXCEPTION WHEN duplicate_column THEN NULL; END $$;");
        Assert.Equal(DiagnosticCodes.TableExists, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ExceptionBlockIsAtomic_EarlierStatementsRollBack()
    {
        var catalog = Clean(Status + "DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok'); ALTER TYPE status ADD VALUE 'a'; EXCEPTION WHEN others THEN NULL; END $$;");
        Assert.Null(catalog.FindEnumType(Pg("mood")));
    }

    [Fact]
    public void NestedBlocks_InnerHandlerCatchesAndOuterWorkStays()
    {
        var catalog = Clean(Status + """
            DO $$
            DECLARE n int := 0;
            BEGIN
              CREATE TYPE mood AS ENUM ('ok');
              BEGIN
                ALTER TYPE status ADD VALUE 'a';
              EXCEPTION WHEN duplicate_object THEN NULL;
              END;
              ALTER TYPE status ADD VALUE 'c';
            END $$;
            """);
        Assert.Equal(["ok"], Labels(catalog, "mood"));
        Assert.Equal(["a", "b", "c"], Labels(catalog));
    }

    [Fact]
    public void UnknownHandlerCondition_IsUndecidableOnlyWhenSomethingFails()
    {
        Clean("DO $$ BEGIN CREATE TYPE x AS ENUM ('a'); EXCEPTION WHEN some_future_condition THEN NULL; END $$;");
        var (_, diagnostics) = Run("CREATE TYPE x AS ENUM ('a');\nDO $$ BEGIN CREATE TYPE x AS ENUM ('a'); EXCEPTION WHEN some_future_condition THEN NULL; END $$;");
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    // ---------- existence tests ----------

    [Theory]
    [InlineData("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status')")]
    [InlineData("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'status' AND n.nspname = 'public')")]
    [InlineData("to_regtype('public.status') IS NULL")]
    [InlineData("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status' AND typnamespace = 'public'::regnamespace)")]
    [InlineData("NOT (EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status' AND typtype = 'e') OR false)")]
    [InlineData("NOT EXISTS (SELECT 1 FROM pg_type t, pg_namespace n WHERE n.oid = t.typnamespace AND t.typname = 'status' AND n.nspname = current_schema())")]
    public void IfNotExists_CreatesTheTypeOnlyWhenAbsent(string condition)
    {
        var sql = $"DO $$ BEGIN IF {condition} THEN CREATE TYPE status AS ENUM ('x'); END IF; END $$;";
        Assert.Equal(["x"], Labels(Clean(sql)));
        Assert.Equal(["a", "b"], Labels(Clean(Status + sql)));
    }

    [Fact]
    public void EnumLabelTest_AddsTheMissingLabel()
    {
        const string add = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'status' AND e.enumlabel = '{0}') THEN ALTER TYPE status ADD VALUE '{0}'; END IF; END $$;\n";
        var catalog = Clean(Status + string.Format(null, add, "b") + string.Format(null, add, "c"));
        Assert.Equal(["a", "b", "c"], Labels(catalog));
    }

    [Fact]
    public void ElsifAndElse_PickTheFirstTrueBranch()
    {
        var catalog = Clean(Status + """
            DO $$ BEGIN
              IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'audit') THEN CREATE TYPE one AS ENUM ('1');
              ELSIF EXISTS (SELECT FROM information_schema.tables WHERE table_name = 't') THEN CREATE TYPE two AS ENUM ('2');
              ELSE CREATE TYPE three AS ENUM ('3');
              END IF;
            END $$;
            """);
        Assert.Null(catalog.FindEnumType(Pg("one")));
        Assert.Null(catalog.FindEnumType(Pg("two")));
        Assert.NotNull(catalog.FindEnumType(Pg("three")));
    }

    [Fact]
    public void ColumnAndConstraintTests_AreDecided()
    {
        var catalog = Clean("""
            CREATE TABLE orders (id int, CONSTRAINT orders_id_check CHECK (id > 0));
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders' AND column_name = 'note') THEN
                ALTER TABLE orders ADD COLUMN note text;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orders_id_check') THEN
                ALTER TABLE orders ADD CONSTRAINT orders_id_check CHECK (id > 0);
              END IF;
              IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'orders') AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'archive') THEN
                CREATE TABLE archive (id int);
              END IF;
            END $$;
            """);
        Assert.Equal(["id", "note"], catalog.FindTable(Pg("orders"))!.Columns.Select(c => c.Name));
        Assert.Single(catalog.FindTable(Pg("orders"))!.Checks);
        Assert.NotNull(catalog.FindTable(Pg("archive")));
    }

    [Fact]
    public void UndecidableCondition_GuardingDdl_IsAnErrorAtTheCondition()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int);\nDO $$ BEGIN\n  IF (SELECT count(*) FROM t) > 0 THEN\n    ALTER TABLE t ADD COLUMN x int;\n  END IF;\nEND $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, error.Code);
        Assert.Equal((3, 6), (error.Line, error.Column));
        Assert.Contains("schematasks:equivalent", error.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void UndecidableCondition_GuardingOnlyData_IsQuiet()
        => Clean("CREATE TABLE t (id int);\nDO $$ BEGIN IF (SELECT count(*) FROM t) = 0 THEN INSERT INTO t VALUES (1); END IF; END $$;");

    // ---------- EXECUTE ----------

    [Fact]
    public void ExecuteOfConstants_RunsThatStatement()
    {
        var catalog = Clean("""
            CREATE TABLE t (id int);
            DO $$ BEGIN
              EXECUTE 'ALTER TABLE t ADD COLUMN ' || 'a int';
              EXECUTE format('ALTER TABLE %I ADD COLUMN %I text DEFAULT %L', 't', 'B', 'it''s');
              EXECUTE 'CREATE TYPE ' || quote_ident('Mood') || ' AS ENUM (' || quote_literal('ok') || ')';
            END $$;
            """);
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal(["id", "a", "B"], table.Columns.Select(c => c.Name));
        Assert.Equal(["ok"], Labels(catalog, "Mood"));
    }

    [Fact]
    public void ExecuteOfBuiltSql_ThatTouchesTables_IsUndecidable()
    {
        var (_, diagnostics) = Run("DO $$ DECLARE t text := 'x'; BEGIN\n  EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD COLUMN y int';\nEND $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, error.Code);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public void ExecuteOfBuiltDataStatement_IsQuiet()
        => Clean("DO $$ DECLARE t text := 'x'; BEGIN EXECUTE format('UPDATE %I SET a = 1', t); EXECUTE 'CREATE INDEX ON ' || t || ' (a)'; END $$;");

    [Fact]
    public void ExecuteOfAVariable_IsUndecidable()
    {
        var (_, diagnostics) = Run("DO $$ DECLARE s text := 'CREATE TABLE z (a int)'; BEGIN EXECUTE s; END $$;");
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    // ---------- loops, data, raise ----------

    [Fact]
    public void TypeTheUndecidedBlockMayCreate_IsReportedAsItsConsequence()
    {
        var (_, diagnostics) = Run("CREATE TABLE u (id int, kind text);\nDO $$ BEGIN IF (SELECT count(*) FROM u) > 0 THEN CREATE TYPE kind_t AS ENUM ('a'); END IF; END $$;\nALTER TABLE u ALTER COLUMN kind TYPE kind_t USING kind::kind_t;");
        Assert.Equal([DiagnosticCodes.UndecidableDoBlock, DiagnosticCodes.UnknownType], diagnostics.Select(d => d.Code));
        var consequence = diagnostics[1];
        Assert.Equal(3, consequence.Line);
        Assert.Contains("exists here only if the DO block at ", consequence.Message, StringComparison.Ordinal);
        Assert.Contains("(2,", consequence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopOverAQuery_ThatAltersTables_IsUndecidable()
    {
        var (_, diagnostics) = Run("DO $$ DECLARE r record; BEGIN\nFOR r IN SELECT tablename FROM pg_tables LOOP\n  EXECUTE format('ALTER TABLE %I ADD COLUMN x int', r.tablename);\nEND LOOP;\nEND $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, error.Code);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("FOR loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataOnlyBlocks_AreQuiet()
    {
        Clean("""
            CREATE TABLE t (id int);
            DO $$ BEGIN RAISE NOTICE 'ALTER TABLE x DROP COLUMN y; %', 'CREATE SCHEMA z'; END $$;
            DO $$
            DECLARE r record;
            BEGIN
              UPDATE t SET id = 1 WHERE id IS NULL;
              INSERT INTO t VALUES (2);
              DELETE FROM t WHERE id = 3;
              PERFORM pg_sleep(0);
              GRANT SELECT ON t TO PUBLIC;
              CREATE INDEX IF NOT EXISTS t_id ON t (id);
              CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
              FOR r IN SELECT * FROM t LOOP UPDATE t SET id = r.id + 1; END LOOP;
              WHILE false LOOP NULL; END LOOP;
            END $$;
            """);
    }

    [Fact]
    public void ReachedRaiseException_IsAnError_AndCaughtOneIsQuiet()
    {
        var (_, diagnostics) = Run("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN RAISE EXCEPTION 'run 001 first'; END IF; END $$;");
        Assert.Equal(DiagnosticCodes.DoBlockRaises, Assert.Single(diagnostics).Code);
        Clean(Status + "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN RAISE EXCEPTION 'run 001 first'; END IF; END $$;");
        Clean("DO $$ BEGIN BEGIN RAISE EXCEPTION 'x'; EXCEPTION WHEN raise_exception THEN NULL; END; END $$;");
    }

    [Theory]
    [InlineData("RAISE 'no level means EXCEPTION'")]
    [InlineData("RAISE USING MESSAGE = 'x'")]
    [InlineData("RAISE EXCEPTION 'x'")]
    public void RaiseWithoutANoticeLevel_FailsTheBlock(string raise)
    {
        var (_, diagnostics) = Run($"DO $$ BEGIN {raise}; END $$;");
        Assert.Equal(DiagnosticCodes.DoBlockRaises, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void UnclosedStringInsideABody_IsReportedAtItsFilePosition()
    {
        var (_, diagnostics) = Run("SELECT 1;\nDO $$ BEGIN\n  RAISE NOTICE 'open;\nEND $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnterminatedString, error.Code);
        Assert.Equal((3, 16), (error.Line, error.Column));
    }

    [Fact]
    public void FunctionBodies_AreNotRun()
    {
        var catalog = Clean("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE never (id int); END $$;\nCREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END;");
        Assert.Empty(catalog.Tables);
    }

    [Fact]
    public void MalformedBodyWithDdl_IsAnError_AndWithoutDdlIsQuiet()
    {
        var (_, diagnostics) = Run("DO $$ BEGIN CREATE TABLE x (id int) $$;");
        Assert.Equal(DiagnosticCodes.UnreadableDoBlock, Assert.Single(diagnostics).Code);
        Clean("DO $$ BEGIN SELECT 1 $$;");
    }

    [Fact]
    public void OtherLanguage_WithDdl_IsAnError()
    {
        var (_, diagnostics) = Run("DO LANGUAGE plpython3u $$ plpy.execute('ALTER TABLE t ADD COLUMN x int') $$;");
        Assert.Equal(DiagnosticCodes.UnreadableDoBlock, Assert.Single(diagnostics).Code);
    }

    // ---------- the annotation ----------

    [Fact]
    public void Annotation_DeclaresTheOutcomeOfAnUndecidableBlock()
    {
        var catalog = Clean("""
            CREATE TABLE t (id int);
            /* schematasks:equivalent
               ALTER TABLE t ADD COLUMN x int;
               CREATE TYPE mood AS ENUM ('ok');
            */
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                EXECUTE format('ALTER TABLE %I ADD COLUMN x int', r.tablename);
              END LOOP;
              CREATE TYPE mood AS ENUM ('ok');
            END $$;
            """);
        Assert.Equal(["id", "x"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.Equal(["ok"], Labels(catalog, "mood"));
    }

    [Fact]
    public void EmptyAnnotation_DeclaresNoTrackedChange()
        => Clean("DO $$ BEGIN RAISE NOTICE 'x'; END $$;\n/* schematasks:equivalent */\nDO $$ BEGIN EXECUTE current_setting('app.sql'); END $$;");

    [Fact]
    public void AnnotationErrors_AreLocatedInTheComment()
    {
        var (_, diagnostics) = Run("/* schematasks:equivalent\n   ALTER TABLE missing ADD COLUMN x int;\n*/\nDO $$ BEGIN EXECUTE current_setting('app.sql'); END $$;");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TableNotFound, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void AnnotationBeforeAnEarlierStatement_DoesNotApplyToALaterDoBlock()
    {
        var (_, diagnostics) = Run("/* schematasks:equivalent */\nCREATE TABLE t (id int);\nDO $$ BEGIN EXECUTE current_setting('app.sql'); END $$;");
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, Assert.Single(diagnostics).Code);
    }

    // ---------- the seeded-history case of the issue ----------

    [Fact]
    public void ColumnAddedInsideDoBlock_IsKnownToLaterMigrations()
    {
        var catalog = Clean("""
            CREATE TABLE accounts (id int);
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'plan') THEN
                ALTER TABLE accounts ADD COLUMN plan text;
              END IF;
            END
            $$;
            ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'free';
            """);
        Assert.Equal("'free'", catalog.FindTable(Pg("accounts"))!.FindColumn("plan", SqlDialect.Postgres)!.Default);
    }
}
