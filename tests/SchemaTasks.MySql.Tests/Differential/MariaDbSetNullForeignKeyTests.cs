using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A foreign key ON DELETE/UPDATE SET NULL over a NOT NULL column: MariaDB refuses to make it
/// (error 1005, errno 150) and to make a column of a kept one NOT NULL (error 1830), even with
/// foreign key checks off; the engine reports ST3018 at that line. The nullable forms, and a
/// statement that also drops the foreign key, build the server's schema. Run against MariaDB only;
/// MySQL 8's side follows its manual (unit tests).
/// </summary>
public sealed class MariaDbSetNullForeignKeyTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE k (id int PRIMARY KEY, x int, CONSTRAINT k_fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);
        """;

    [MySqlTheory]
    [InlineData("made over a NOT NULL column", "CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", 1005)]
    [InlineData("ON UPDATE SET NULL", "CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON UPDATE SET NULL);", 1005)]
    [InlineData("inline REFERENCES", "CREATE TABLE c (x int NOT NULL REFERENCES p (id) ON DELETE SET NULL);", 1005)]
    [InlineData("over a primary key column", "CREATE TABLE c (x int PRIMARY KEY, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", 1005)]
    [InlineData("added by ALTER TABLE", "CREATE TABLE c (x int NOT NULL);\nALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL;", 1005)]
    [InlineData("checks off", "SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", 1005)]
    [InlineData("MODIFY to NOT NULL", "ALTER TABLE k MODIFY x int NOT NULL;", 1830)]
    [InlineData("CHANGE to NOT NULL", "ALTER TABLE k CHANGE x y int NOT NULL;", 1830)]
    [InlineData("ADD PRIMARY KEY over it", "ALTER TABLE k DROP PRIMARY KEY, ADD PRIMARY KEY (x);", 1830)]
    [InlineData("MODIFY with checks off", "SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE k MODIFY x int NOT NULL;", 1830)]
    public async Task A_set_null_foreign_key_over_a_not_null_column_is_reported_at_its_line(string behaviour, string sql, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Tables + "\n" + sql, DiagnosticCodes.KeyNeededByForeignKey, error);
    }

    [MySqlTheory]
    [InlineData("nullable columns", "CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET NULL);")]
    [InlineData("CASCADE over a NOT NULL column", "CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE CASCADE);")]
    [InlineData("the foreign key dropped in the same statement", "ALTER TABLE k MODIFY x int NOT NULL, DROP FOREIGN KEY k_fk;")]
    [InlineData("a rename that keeps it nullable", "ALTER TABLE k CHANGE x y int;")]
    public async Task Accepted_neighbours_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + sql, SqlDialect.MariaDb);
    }
}
