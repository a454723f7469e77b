using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// ENUM and SET values that differ only in case: MariaDB refuses them under a case-insensitive
/// collation (error 1291), the default, and the engine reports ST3065 where nothing the migrations
/// wrote may make the column compare case; under a case-sensitive collation the server takes them,
/// and so does the engine. Run against MariaDB only.
/// </summary>
public sealed class MariaDbValueListCaseTests
{
    [MySqlTheory]
    [InlineData("the default collation", "CREATE TABLE e (a enum('a','A'));")]
    [InlineData("a SET", "CREATE TABLE e (a set('x','y','X'));")]
    [InlineData("case and a trailing space", "CREATE TABLE e (a enum('a','A '));")]
    [InlineData("a charset's default collation over the table's", "CREATE TABLE e (a enum('a','A') CHARACTER SET utf8mb4) COLLATE utf8mb4_bin;")]
    [InlineData("a _ci collation on the column", "CREATE TABLE e (a enum('a','A') COLLATE utf8mb4_general_ci) COLLATE utf8mb4_bin;")]
    [InlineData("the table's _ci collation", "CREATE TABLE e (x int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\nALTER TABLE e ADD b enum('Yes','YES');")]
    [InlineData("MODIFY", "CREATE TABLE e (a enum('a','b'));\nALTER TABLE e MODIFY a enum('a','b','B');")]
    public async Task Values_equal_but_for_case_are_reported_at_their_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.RefusedValueList, 1291);
    }

    [MySqlTheory]
    [InlineData("a _bin collation on the column", "CREATE TABLE e (a enum('a','A') COLLATE utf8mb4_bin);")]
    [InlineData("the BINARY attribute", "CREATE TABLE e (a enum('a','A') BINARY);")]
    [InlineData("a _cs collation", "CREATE TABLE e (a enum('a','A') COLLATE latin1_general_cs);")]
    [InlineData("a Turkish collation", "CREATE TABLE e (a enum('I','i') COLLATE utf8mb4_turkish_ci);")]
    [InlineData("the table's _bin collation", "CREATE TABLE e (a enum('a','A')) COLLATE utf8mb4_bin;")]
    [InlineData("ALTER TABLE DEFAULT COLLATE", "CREATE TABLE e (x int);\nALTER TABLE e DEFAULT COLLATE utf8mb4_bin;\nALTER TABLE e ADD a enum('a','A');")]
    [InlineData("CONVERT TO ... COLLATE", "CREATE TABLE e (x int);\nALTER TABLE e CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;\nALTER TABLE e ADD a enum('a','A');")]
    public async Task Values_a_case_sensitive_collation_tells_apart_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
