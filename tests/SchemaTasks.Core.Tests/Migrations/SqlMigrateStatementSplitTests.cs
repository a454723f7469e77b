using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

// sql-migrate ends a statement at every line whose last word ends with ';', quotes or not: a body
// with semicolons needs StatementBegin/StatementEnd, or the server gets half a statement (ST1037).
public class SqlMigrateStatementSplitTests
{
    private static IReadOnlyList<SchemaDiagnostic> Build(string text, SqlDialect dialect = SqlDialect.Postgres)
    {
        var set = new MigrationFolder().With("1_f.sql", text).DiscoverClean(MigrationLayout.SqlMigrate);
        return SchemaEngine.Build(set, dialect).Diagnostics;
    }

    [Fact]
    public void PlpgsqlBody_WithoutStatementBlock_IsST1037_AtTheSemicolonSqlMigrateEndsItAt()
    {
        var text =
            "-- +migrate Up\n" +                                 // line 1
            "CREATE TABLE jobs (id int);\n" +                    // line 2
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +      // line 3
            "BEGIN\n" +                                          // line 4
            "  RETURN 1;\n" +                                    // line 5
            "END\n" +
            "$$ LANGUAGE plpgsql;\n" +
            "-- +migrate Down\n" +
            "DROP FUNCTION touch();\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, "1_f.sql", 5, 11), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("sql-migrate ends a statement at this ';'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the statement that starts at line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("42601", error.Message, StringComparison.Ordinal);
        Assert.Contains("'-- +migrate StatementBegin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameBody_InsideStatementBeginAndEnd_IsClean()
    {
        var text =
            "-- +migrate Up\n" +
            "-- +migrate StatementBegin\n" +
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +
            "BEGIN\n" +
            "  RETURN 1;\n" +
            "END\n" +
            "$$ LANGUAGE plpgsql;\n" +
            "-- +migrate StatementEnd\n" +
            "CREATE TABLE jobs (id int);\n";

        Assert.Empty(Build(text));
    }

    [Fact]
    public void MySqlProcedureBody_WithoutStatementBlock_IsST1037()
    {
        var text =
            "-- +migrate Up\n" +
            "CREATE PROCEDURE widen()\n" +
            "BEGIN\n" +
            "  SELECT 1;\n" +                                    // line 4: sql-migrate stops here
            "END;\n";

        var error = Assert.Single(Build(text, SqlDialect.MySql));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, 4), (error.Code, error.Line));
        Assert.Contains("1064", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatementEnd_BeforeTheBodyCloses_IsST1037_AtTheCommand()
    {
        var text =
            "-- +migrate Up\n" +
            "-- +migrate StatementBegin\n" +
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +
            "BEGIN\n" +
            "  RETURN 1;\n" +
            "END\n" +
            "-- +migrate StatementEnd\n" +                       // line 7
            "$$ LANGUAGE plpgsql;\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, 7, 1), (error.Code, error.Line, error.Column));
        Assert.Contains("Move '-- +migrate StatementEnd'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockLeftOpenInADownSection_HoldsTheNextUpSectionTogether()
    {
        // sql-migrate keeps StatementBegin's state across sections: the second Up's body is one statement.
        var text =
            "-- +migrate Up\n" +
            "CREATE TABLE jobs (id int);\n" +
            "-- +migrate Down\n" +
            "-- +migrate StatementBegin\n" +
            "-- +migrate Up\n" +
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +
            "BEGIN\n" +
            "  RETURN 1;\n" +
            "END\n" +
            "$$ LANGUAGE plpgsql;\n" +
            "-- +migrate StatementEnd\n";

        Assert.Empty(Build(text));
    }

    [Fact]
    public void SemicolonBeforeATrailingDashComment_EndsTheStatement()
    {
        Assert.Empty(Build("-- +migrate Up\nCREATE TABLE jobs (id int); -- the jobs\nCREATE TABLE runs (id int);\n"));
    }
}
