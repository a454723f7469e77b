using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>Temporary tables are followed within a migration and never reach the catalog.</summary>
public class TemporaryTableTests
{
    [Fact]
    public void Postgres_TempTableCreatedThenDropped_IsUnderstood()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int);
            CREATE TEMP TABLE scratch AS SELECT a FROM t;
            ALTER TABLE scratch ADD COLUMN b int;
            CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS scratch (a int);
            DROP TABLE scratch;
            CREATE TABLE pg_temp.other (x int);
            DROP TABLE pg_temp.other;
            """);
        Assert.Equal([Pg("t")], catalog.Tables.Keys);
    }

    [Fact]
    public void Postgres_TempTableShadowsPermanentOnlyWhenWrittenWithoutSchema()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int);
            CREATE TABLE u (a int);
            CREATE TEMP TABLE t (z int);
            CREATE TEMP TABLE u (z int);
            ALTER TABLE t ADD COLUMN b int;
            DROP TABLE t;
            ALTER TABLE t ADD COLUMN c int;
            ALTER TABLE public.u ADD COLUMN d int;
            DROP TABLE public.u;
            DROP TABLE u;
            """);
        Assert.Equal(["a", "c"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.Null(catalog.FindTable(Pg("u")));
    }

    [Fact]
    public void Postgres_TempTableIsForgottenAfterTheMigration()
    {
        var (catalog, _) = Run("CREATE TEMP TABLE scratch (a int);");
        var (_, diagnostics) = SchemaEngine.Apply(catalog, "DROP TABLE scratch;", "m2.sql");
        Assert.Equal(DiagnosticCodes.TableNotFound, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("DO $$\nBEGIN\n    CREATE TEMP TABLE tmp_r (id int) ON COMMIT DROP;\n    INSERT INTO tmp_r SELECT id FROM t;\n    DROP TABLE tmp_r;\nEND $$;")]
    [InlineData("DO $$\nBEGIN\n    CREATE TEMP TABLE tmp_r (id int);\n    INSERT INTO tmp_r SELECT id FROM t;\nEND $$;\nDROP TABLE tmp_r;")]
    [InlineData("DO $$\nBEGIN\n    CREATE TEMPORARY TABLE tmp_r AS SELECT id FROM t;\n    DROP TABLE tmp_r;\nEND $$;")]
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\nDO $$\nBEGIN\n    DROP TABLE tmp_r;\nEND $$;")]
    [InlineData("DO $$ BEGIN CREATE TEMP TABLE t (id int); END $$;\nDO $$ BEGIN DROP TABLE t; END $$;\nALTER TABLE t ADD COLUMN w int;")] // The temporary t shadows the permanent one.
    public void Postgres_TempTableOfADoBlock_IsFollowedInAndAfterIt(string run)
    {
        var catalog = Clean("CREATE TABLE t (id int, v int);\n" + run);
        Assert.Equal([Pg("t")], catalog.Tables.Keys);
        Assert.DoesNotContain("tmp_r", catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Postgres_TempTableOfAFailedExceptionBlock_IsRolledBack()
    {
        var (_, diagnostics) = Run("""
            DO $$
            BEGIN
                BEGIN
                    CREATE TEMP TABLE tmp_r (id int);
                    ALTER TABLE missing ADD COLUMN x int;
                EXCEPTION WHEN undefined_table THEN NULL;
                END;
            END $$;
            DROP TABLE tmp_r;
            """);
        Assert.Equal((DiagnosticCodes.TableNotFound, 9), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Fact]
    public void MySql_TemporaryTable_CreateRenameDropAndShadowing()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int);
            CREATE TEMPORARY TABLE t (a int);
            ALTER TABLE t ADD COLUMN shadowed int;
            DROP TEMPORARY TABLE t;
            CREATE TEMPORARY TABLE IF NOT EXISTS s SELECT 1 AS x;
            RENAME TABLE s TO s2;
            DROP TABLE s2;
            DROP TEMPORARY TABLE IF EXISTS s2;
            """, SqlDialect.MySql);
        Assert.Equal(["a"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
        Assert.Single(catalog.Tables);
    }

    [Fact]
    public void MySql_DropTemporaryTableOfPermanentTable_IsAnError()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int);\nDROP TEMPORARY TABLE t;", SqlDialect.MySql);
        Assert.Equal((DiagnosticCodes.TableNotFound, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        Assert.NotNull(catalog.FindTable(My("t")));
    }
}
