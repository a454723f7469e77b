using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// An ENUM label a column lacks in MariaDB's data statements, multi-table ones too: the server
/// refuses only a value it writes into a row (strict mode, error 1265, data truncated), so an
/// assignment that matches no row and a comparison with an unknown label are accepted (the
/// comparison is simply false). Which rows match is not known to the engine, so it reports none of
/// these, and the schema both build is the same. Run against MariaDB only.
/// </summary>
public sealed class MariaDbDataStatementLabelTests
{
    private const string Tables = """
        CREATE TABLE t (id int, c enum('a', 'b'), n text);
        CREATE TABLE u (id int, c text);
        INSERT INTO t VALUES (1, 'a', NULL);
        INSERT INTO u VALUES (1, 'x');

        """;

    [MySqlTheory]
    [InlineData("a comparison in a multi-table UPDATE", "UPDATE t JOIN u ON u.id = t.id SET u.c = 'y' WHERE t.c = 'z';")]
    [InlineData("an assignment no row meets", "UPDATE t JOIN u ON u.id = t.id SET t.c = 'z' WHERE u.id = 99;")]
    [InlineData("an assignment with a comma join and no row", "UPDATE t, u SET t.c = 'z' WHERE t.id = u.id AND t.c = 'z';")]
    [InlineData("a comparison in a multi-table DELETE", "DELETE t FROM t JOIN u ON u.id = t.id WHERE t.c = 'z';")]
    [InlineData("a comparison in DELETE ... USING", "DELETE FROM t USING t JOIN u ON u.id = t.id WHERE t.c IN ('a', 'z') AND u.id = 99;")]
    [InlineData("a comparison in a subquery", "DELETE FROM u WHERE id IN (SELECT id FROM t WHERE c = 'z');")]
    public async Task A_label_no_row_is_given_is_accepted_by_both(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + statement, SqlDialect.MariaDb);
    }
}
