using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

public class SqlScriptTests
{
    [Fact]
    public void Split_KeepsDollarQuotedBodiesWhole_WithStartLines()
    {
        const string sql = """
            -- leading comment
            CREATE TYPE s AS ENUM ('a;b');

            CREATE FUNCTION f() RETURNS int AS $$
            BEGIN
              RETURN 1;
            END;
            $$ LANGUAGE plpgsql;
            ;
            SELECT 'x' /* ; */ ;
            """;

        var statements = SqlScript.Split(sql, SqlDialect.Postgres);

        Assert.Equal(3, statements.Count);
        Assert.Equal(new SqlScriptStatement("CREATE TYPE s AS ENUM ('a;b')", 2), statements[0]);
        Assert.StartsWith("CREATE FUNCTION f()", statements[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("$$ LANGUAGE plpgsql", statements[1].Text, StringComparison.Ordinal);
        Assert.Equal(4, statements[1].Line);
        Assert.Equal(new SqlScriptStatement("SELECT 'x'", 10), statements[2]);
    }

    [Fact]
    public void Split_MySqlDelimiterBlock_IsOneStatement()
    {
        const string sql = """
            CREATE TABLE t (id int);
            DELIMITER $$
            CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END $$
            DELIMITER ;
            INSERT INTO t VALUES (1);
            """;

        var statements = SqlScript.Split(sql, SqlDialect.MySql);

        Assert.Equal(
            ["CREATE TABLE t (id int)", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "INSERT INTO t VALUES (1)"],
            statements.Select(s => s.Text));
        Assert.Equal([1, 3, 5], statements.Select(s => s.Line));
    }

    [Fact]
    public void Split_MySqlRoutineWithoutDelimiter_KeepsBodyWhole()
    {
        const string sql = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END;\nSELECT 1;";

        var statements = SqlScript.Split(sql, SqlDialect.MySql);

        Assert.Equal(2, statements.Count);
        Assert.EndsWith("SET NEW.b = 2; END", statements[0].Text, StringComparison.Ordinal);
    }
}
