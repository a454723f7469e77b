using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Foreign keys MariaDB refuses when it makes them (error 1005, errno 150): a missing referenced
/// column, columns of different types, referenced columns no index starts with, even with foreign
/// key checks off. The engine reports each at that statement's line; the forms MariaDB accepts
/// build the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbForeignKeyCheckTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10), big bigint, a int, b int, KEY (a, b), v varchar(20), KEY (v), c8 varchar(10) CHARACTER SET utf8mb4, KEY (c8));
        """;

    [MySqlTheory]
    [InlineData("CREATE TABLE c (x int REFERENCES p (nocol));", DiagnosticCodes.ColumnNotFound)]
    [InlineData("CREATE TABLE c (x bigint, FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE c (x int unsigned, FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE c (x tinyint(1), FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE c (x text, FOREIGN KEY (x) REFERENCES p (v));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE c (x varchar(10) CHARACTER SET latin1, FOREIGN KEY (x) REFERENCES p (c8));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE c (x varchar(10), FOREIGN KEY (x) REFERENCES p (code));", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (b));", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (b, a));", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE TABLE c (x int);\nALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (big);", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x bigint REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int REFERENCES p (b));", DiagnosticCodes.ReferencedKeyMissing)]
    public async Task A_foreign_key_MariaDb_refuses_is_reported_at_its_line(string sql, string code)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(sql, Tables + "\n" + sql, code, 1005);
    }

    [MySqlTheory]
    [InlineData("an integer's display width", "CREATE TABLE c (x int(5), FOREIGN KEY (x) REFERENCES p (id));")]
    [InlineData("the leftmost column of an index", "CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (a));")]
    [InlineData("a whole index in order", "CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (a, b));")]
    [InlineData("strings of other lengths", "CREATE TABLE c (x varchar(5), y char(20), FOREIGN KEY (x) REFERENCES p (v), FOREIGN KEY (y) REFERENCES p (v));")]
    [InlineData("a self-reference", "CREATE TABLE c (id int PRIMARY KEY, x int, FOREIGN KEY (x) REFERENCES c (id));")]
    [InlineData("a missing table with the checks off", "SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int, CONSTRAINT c_fk FOREIGN KEY (x) REFERENCES nope (id));\nSET FOREIGN_KEY_CHECKS = 1;")]
    public async Task Accepted_foreign_keys_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + sql, SqlDialect.MariaDb);
    }
}
