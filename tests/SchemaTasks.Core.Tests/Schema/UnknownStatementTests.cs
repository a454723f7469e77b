using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A statement no server runs is an error where it starts, never passed over: a typo, a tool's
/// own directive (a delimiter line in a PostgreSQL file hid the statements after it), a mysql
/// client command.
/// </summary>
public class UnknownStatementTests
{
    [Theory]
    [InlineData(SqlDialect.Postgres, "delimiter d//\nALTER TABLE t ADD COLUMN b int;\nd//", "delimiter", 2)]
    [InlineData(SqlDialect.Postgres, "ALTR TABLE t ADD COLUMN b int;", "ALTR", 2)]
    [InlineData(SqlDialect.MySql, "foo ALTER TABLE t ADD COLUMN b int;", "foo", 2)]
    [InlineData(SqlDialect.MariaDb, "source other_file.sql\nALTER TABLE t ADD COLUMN b int;", "source", 2)]
    public void AStatementNoServerRuns_IsAnErrorAtItsStart(SqlDialect dialect, string statement, string word, int line)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + statement + ";\nALTER TABLE t ADD COLUMN c int;", dialect);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnknownStatement, d.Code));
        var finding = diagnostics[0];
        Assert.Equal((line, 1), (finding.Line, finding.Column));
        Assert.Contains($"'{word}'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "c"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData(SqlDialect.Postgres, "CREATE TABLEE x (id int);")]
    [InlineData(SqlDialect.Postgres, "ALTER TABEL t ADD COLUMN b int;")]
    [InlineData(SqlDialect.MySql, "DROP TABEL t;")]
    public void CreateAlterOrDropOfNoKindOfObject_IsASyntaxError(SqlDialect dialect, string statement)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + statement, dialect);
        Assert.Equal((DiagnosticCodes.SyntaxError, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData(SqlDialect.Postgres, """
        SET statement_timeout = 0;
        SELECT pg_catalog.set_config('search_path', '', false);
        COMMENT ON TABLE t IS 'x';
        GRANT SELECT ON t TO PUBLIC;
        CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f();
        CREATE TEXT SEARCH CONFIGURATION c (COPY = simple);
        ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
        DROP OWNED BY nobody;
        REFRESH MATERIALIZED VIEW v;
        VACUUM ANALYZE t;
        WITH x AS (SELECT 1) SELECT * FROM x;
        TABLE t;
        SECURITY LABEL ON TABLE t IS 'x';
        """)]
    [InlineData(SqlDialect.MariaDb, """
        SET NAMES utf8mb4;
        USE app;
        LOCK TABLES t WRITE;
        UNLOCK TABLES;
        CREATE DEFINER = CURRENT_USER VIEW v AS SELECT id FROM t;
        CREATE ALGORITHM = MERGE VIEW w AS SELECT id FROM t;
        CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;
        ALTER EVENT e DISABLE;
        DROP EVENT e;
        REPLACE INTO t VALUES (1);
        ANALYZE TABLE t;
        OPTIMIZE TABLE t;
        CREATE SEQUENCE s;
        """)]
    public void StatementsSchemaTasksDoesNotTrack_AreNotRefused(SqlDialect dialect, string statements)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY);\n" + statements, dialect);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.UnknownStatement or DiagnosticCodes.SyntaxError);
    }

    [Fact]
    public void Postgres_APsqlMetaCommandLine_EndsAtItsLine_AsPsqlReadsIt()
    {
        var catalog = Clean("\\restrict abc123\nCREATE TABLE a (id int);\n  \\set ON_ERROR_STOP on\nCREATE TABLE b (id int);\nSELECT '\n\\x';\n\\unrestrict abc123\n");
        Assert.Equal(["a", "b"], catalog.Tables.Keys.Select(k => k.Name).Order());
    }

    [Fact]
    public void Postgres_APsqlInclude_IsAnError()
    {
        var (_, diagnostics) = Run("CREATE TABLE a (id int);\n\\ir seed/more.sql\nCREATE TABLE b (id int);");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownStatement, 2, 1), (finding.Code, finding.Line, finding.Column));
        Assert.Contains("\\ir", finding.Message, StringComparison.Ordinal);
    }
}
