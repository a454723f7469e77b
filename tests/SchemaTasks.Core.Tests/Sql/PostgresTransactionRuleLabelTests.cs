using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// SchemaTasks' migrator runs a file that adds an enum label and then uses it statement by
/// statement; a use is read from the statements' constants as the build reads them first
/// (<see cref="LabelConstants"/>), not found by searching the text.
/// </summary>
public class PostgresTransactionRuleLabelTests
{
    private const string Add = "ALTER TYPE status ADD VALUE 'c';\n";

    [Theory]
    [InlineData("UPDATE t SET arr = '{a,c}';", false)]
    [InlineData("CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $$ SELECT f('c') $$;", false)]
    [InlineData("SELECT 'c';", false)] // No catalog tells a text constant from a label: taken as a use.
    [InlineData("CREATE TABLE x (id int -- set to 'c' later\n);", true)]
    [InlineData("COMMENT ON TABLE t IS 'abc';", true)]
    [InlineData("ALTER TYPE status ADD VALUE 'd' AFTER 'c';", true)]
    [InlineData("ALTER TYPE status RENAME VALUE 'c' TO 'z';\nSELECT 'z'::status;", false)]
    public void The_migrator_reads_a_use_from_the_constants_as_the_build_does(string use, bool inTransaction)
    {
        var text = Add + use;

        var decision = PostgresTransactionRule.Decide(text, SqlScript.Split(text, SqlDialect.Postgres));

        Assert.True(decision.InTransaction == inTransaction, decision.Reason);
    }

    [Fact]
    public void The_reason_names_the_label_and_both_lines()
    {
        const string text = "ALTER TYPE status ADD VALUE 'it''s';\nUPDATE t SET arr = '{a,\"it''s\"}';";

        var decision = PostgresTransactionRule.Decide(text, SqlScript.Split(text, SqlDialect.Postgres));

        Assert.False(decision.InTransaction);
        Assert.Contains("enum label 'it''s' added on line 1 is used on line 2", decision.Reason, StringComparison.Ordinal);
    }
}
