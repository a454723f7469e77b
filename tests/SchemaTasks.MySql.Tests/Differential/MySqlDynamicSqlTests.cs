using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// DDL run from a constant string through PREPARE/EXECUTE (and MariaDB's EXECUTE IMMEDIATE), as
/// Flyway MySQL folders write it: the engine follows the string and builds the server's schema.
/// </summary>
public sealed class MySqlDynamicSqlTests
{
    [MySqlTheory]
    [InlineData("a variable, prepared and executed", """
        CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(5));
        SET @q = 'ALTER TABLE t DROP COLUMN a, MODIFY b varchar(5) NOT NULL DEFAULT \'x\'';
        PREPARE s FROM @q;
        EXECUTE s;
        DEALLOCATE PREPARE s;
        """)]
    [InlineData("a constant prepared and executed twice over", """
        CREATE TABLE t (id int PRIMARY KEY);
        PREPARE s FROM 'ALTER TABLE t ADD COLUMN status enum(''new'',''done'') NOT NULL DEFAULT ''new''';
        EXECUTE s;
        PREPARE s FROM 'CREATE TABLE u (k int)';
        EXECUTE s;
        """)]
    public Task Constant_dynamic_SQL_builds_the_servers_schema(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect, userVariables: true);

    [MySqlFact]
    public Task Execute_immediate_of_a_constant_builds_the_servers_schema()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return Task.CompletedTask; // MySQL 8 has no EXECUTE IMMEDIATE.
        return MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "execute immediate",
            "CREATE TABLE t (id int PRIMARY KEY, a int);\nEXECUTE IMMEDIATE 'ALTER TABLE t DROP COLUMN a, ADD COLUMN kind set(\\'x\\',\\'y\\') DEFAULT \\'x\\'';",
            SqlDialect.MariaDb);
    }
}
