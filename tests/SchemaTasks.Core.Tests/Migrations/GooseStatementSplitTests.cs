using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

// goose ends a statement at every line whose last word ends with ';', quotes or not: a body
// with semicolons needs StatementBegin/StatementEnd, or the server gets half a statement.
public class GooseStatementSplitTests
{
    private static IReadOnlyList<SchemaDiagnostic> Build(string text, SqlDialect dialect = SqlDialect.Postgres)
    {
        var set = new MigrationFolder().With("00001_f.sql", text).DiscoverClean(MigrationLayout.Goose);
        return SchemaEngine.Build(set, dialect).Diagnostics;
    }

    [Fact]
    public void PlpgsqlBody_WithoutStatementBlock_IsST1037_AtTheSemicolonGooseEndsItAt()
    {
        var text =
            "-- +goose Up\n" +                                   // line 1
            "CREATE TABLE jobs (id int);\n" +                    // line 2
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +      // line 3
            "BEGIN\n" +                                          // line 4
            "  RETURN 1;\n" +                                    // line 5
            "END\n" +                                            // line 6
            "$$ LANGUAGE plpgsql;\n" +                           // line 7
            "-- +goose Down\n" +
            "DROP FUNCTION touch();\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, "00001_f.sql", 5, 11), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("the statement that starts at line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("42601", error.Message, StringComparison.Ordinal);
        Assert.Contains("StatementBegin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MySqlProcedureBody_WithoutStatementBlock_IsST1037()
    {
        var text =
            "-- +goose Up\n" +
            "CREATE PROCEDURE widen()\n" +
            "BEGIN\n" +
            "  SELECT 1;\n" +                                    // line 4: goose stops here
            "END;\n" +
            "-- +goose Down\n" +
            "DROP PROCEDURE widen;\n";

        var error = Assert.Single(Build(text, SqlDialect.MySql));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, 4), (error.Code, error.Line));
        Assert.Contains("1064", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringSpanningLines_WithASemicolonAtALineEnd_IsST1037()
    {
        var text =
            "-- +goose Up\n" +
            "CREATE TABLE notes (body text DEFAULT 'first;\n" +  // line 2
            "second');\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, 2), (error.Code, error.Line));
    }

    [Fact]
    public void StatementEnd_BeforeTheBodyCloses_IsST1037_AtTheAnnotation()
    {
        var text =
            "-- +goose Up\n" +
            "-- +goose StatementBegin\n" +
            "CREATE FUNCTION touch() RETURNS int AS $$\n" +
            "BEGIN\n" +
            "  RETURN 1;\n" +
            "END\n" +
            "-- +goose StatementEnd\n" +                         // line 7
            "$$ LANGUAGE plpgsql;\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.ToolSplitsStatement, 7, 1), (error.Code, error.Line, error.Column));
        Assert.Contains("Move '-- +goose StatementEnd'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheFirstCutOfAFile_IsReported()
    {
        var body = "CREATE FUNCTION f{0}() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n";
        var text = "-- +goose Up\n" + string.Format(body, 1) + string.Format(body, 2);

        Assert.Equal(4, Assert.Single(Build(text)).Line);
    }

    [Theory]
    [InlineData("CREATE TABLE a (\n  id int,\n  note text\n);\n")]
    [InlineData("CREATE TABLE a (id int); -- the first table;\nCREATE TABLE b (id int);\n")]
    [InlineData("CREATE TABLE a (id int);\n-- a comment line ending with a semicolon;\nCREATE TABLE b (id int);\n")]
    [InlineData("CREATE TABLE a (id int); CREATE TABLE b (id int);\n")]
    [InlineData("CREATE TABLE a (note text DEFAULT 'x;y');\n")]
    [InlineData("-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n-- +goose StatementEnd\n")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n")]
    [InlineData("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n")]
    public void StatementsGooseSendsWhole_AreNotReported(string up)
    {
        Assert.Empty(Build("-- +goose Up\n" + up + "-- +goose Down\nSELECT 1;\n"));
    }

    [Fact]
    public void LastWordRule_IsGoosesOwn_ATrailingCommentHidesNoSemicolon_AndUnicodeSpacesSeparateWords()
    {
        var ends = GooseScript.StatementEnds("\nSELECT 1; -- done\nSELECT 2\u00A0;\nSELECT 3 --;\n");

        Assert.Equal([9, 28], ends.Select(e => e.Mark));
    }
}
