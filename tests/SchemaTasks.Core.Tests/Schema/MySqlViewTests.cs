using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL/MariaDB views: kept by name (never in the snapshot), sharing the tables' names, reading
/// tables that must exist when they are created; what the server refuses about them is reported
/// with its error number (checked on MariaDB 10.11).
/// </summary>
public class MySqlViewTests
{
    private const string Setup = "CREATE TABLE a (id int, d date);\nCREATE VIEW v AS SELECT id FROM a;\n";

    [Theory]
    [InlineData("CREATE TABLE v (x int);", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE TABLE v LIKE a;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE VIEW a AS SELECT 1;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE VIEW v AS SELECT 1;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE OR REPLACE VIEW a AS SELECT 1;", DiagnosticCodes.TableExists, "error 1347")]
    [InlineData("ALTER VIEW a AS SELECT 1;", DiagnosticCodes.TableNotFound, "error 1347")]
    [InlineData("ALTER VIEW nope AS SELECT 1;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("DROP VIEW nope;", DiagnosticCodes.TableNotFound, "error 4092")]
    [InlineData("DROP VIEW a;", DiagnosticCodes.TableNotFound, "is a table, not a view")]
    [InlineData("DROP VIEW v, nope;", DiagnosticCodes.TableNotFound, "error 4092")]
    [InlineData("ALTER TABLE v ADD COLUMN y int;", DiagnosticCodes.TableNotFound, "error 1347")]
    [InlineData("ALTER TABLE v RENAME TO w;", DiagnosticCodes.TableNotFound, "error 1347")]
    [InlineData("CREATE INDEX i ON v (id);", DiagnosticCodes.TableNotFound, "error 1347")]
    [InlineData("DROP INDEX i ON v;", DiagnosticCodes.TableNotFound, "error 1347")]
    [InlineData("DROP TABLE v;", DiagnosticCodes.TableNotFound, "error 1965")]
    [InlineData("RENAME TABLE v TO a;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("RENAME TABLE a TO v;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE VIEW w AS SELECT id FROM nope;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE VIEW w AS SELECT id FROM a JOIN nope ON nope.id = a.id;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE VIEW w AS SELECT id FROM a WHERE id IN (SELECT id FROM nope);", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE VIEW w AS SELECT id FROM a, `nope`;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT * FROM nope;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("ALTER ALGORITHM = MERGE VIEW v AS SELECT * FROM nope;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE VIEW w AS SELECT id FROM otherdb.a;", DiagnosticCodes.DatabaseQualifiedName, "error 1146")]
    [InlineData("RENAME TABLE v TO w;\nCREATE VIEW x AS SELECT * FROM v;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("DROP VIEW v;\nCREATE VIEW x AS SELECT * FROM v;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("DROP TABLE a;\nCREATE VIEW x AS SELECT * FROM a;", DiagnosticCodes.TableNotFound, "error 1146")]
    public void What_the_server_refuses_is_reported(string statement, string code, string message)
    {
        var (_, diagnostics) = Run(Setup + statement, SqlDialect.MariaDb);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(code, finding.Code);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(Setup.Count(c => c == '\n') + statement.Count(c => c == '\n') + 1, finding.Line);
    }

    [Theory]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT d FROM a;")]
    [InlineData("CREATE VIEW IF NOT EXISTS v AS SELECT 1;")]
    [InlineData("CREATE VIEW IF NOT EXISTS a AS SELECT 1;")]
    [InlineData("CREATE TABLE IF NOT EXISTS v (x int);")]
    [InlineData("ALTER VIEW v (x) AS SELECT d FROM a;")]
    [InlineData("CREATE ALGORITHM = UNDEFINED DEFINER = `root`@`%` SQL SECURITY DEFINER VIEW w AS SELECT a.id FROM a WITH CASCADED CHECK OPTION;")]
    [InlineData("CREATE DEFINER = CURRENT_USER VIEW w AS SELECT * FROM v;")]
    [InlineData("DROP VIEW IF EXISTS nope, v CASCADE;")]
    [InlineData("DROP TABLE IF EXISTS v;")]
    [InlineData("RENAME TABLE v TO w;\nCREATE VIEW x AS SELECT * FROM w;\nDROP VIEW x, w;")]
    [InlineData("DROP TABLE a;")]
    [InlineData("DROP VIEW v;\nCREATE TABLE v (x int);")]
    [InlineData("CREATE VIEW w AS WITH c AS (SELECT id FROM a) SELECT * FROM c;")]
    [InlineData("CREATE VIEW w AS WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n FROM c;")]
    [InlineData("CREATE VIEW w AS SELECT EXTRACT(YEAR FROM d) y, TRIM(LEADING 'x' FROM 'xy') t, SUBSTRING('abc' FROM 2) s FROM a;")]
    [InlineData("CREATE VIEW w AS SELECT s.id FROM (SELECT id FROM a) s JOIN v ON v.id = s.id LEFT JOIN a b USING (id);")]
    [InlineData("CREATE VIEW w AS SELECT 1 FROM DUAL;")]
    [InlineData("CREATE VIEW w AS SELECT COALESCE((SELECT MAX(id) FROM a), 0) m;")]
    [InlineData("CREATE VIEW w AS SELECT table_name FROM information_schema.tables;")]
    [InlineData("CREATE VIEW w AS SELECT seq FROM seq_1_to_10 JOIN seq_0_to_20_step_5 s2 USING (seq);")]
    [InlineData("CREATE VIEW w AS SELECT id FROM a ORDER BY id, d LIMIT 1, 2;")]
    [InlineData("CREATE VIEW w AS SELECT id FROM a USE INDEX (PRIMARY) WHERE id > 0 GROUP BY id, d;")]
    public void What_the_server_accepts_passes(string statement)
    {
        var (_, diagnostics) = Run(Setup + statement, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void MySql_8_has_no_IF_NOT_EXISTS_for_a_view()
    {
        var (_, diagnostics) = Run(Setup + "CREATE VIEW IF NOT EXISTS w AS SELECT 1;", SqlDialect.MySql);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SyntaxError, finding.Code);
        Assert.Contains("error 1064", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_is_not_a_table_of_the_snapshot()
    {
        var catalog = Clean(Setup + "RENAME TABLE v TO w;", SqlDialect.MySql);

        Assert.Null(catalog.FindTable(My("w")));
        Assert.True(MySqlViews.IsView(catalog, My("w")));
        Assert.False(MySqlViews.IsView(catalog, My("v")));
        Assert.Equal(Clean("CREATE TABLE a (id int, d date);", SqlDialect.MySql).Tables.Keys, catalog.Tables.Keys);
    }

    [Fact]
    public void A_view_in_a_routine_body_is_not_made_until_the_routine_is_called()
    {
        var (_, diagnostics) = Run("CREATE TABLE a (id int);\nCREATE PROCEDURE p() CREATE VIEW v AS SELECT id FROM a;\nCREATE TABLE v (x int);", SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
    }
}
