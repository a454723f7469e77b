using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A generated column over the AUTO_INCREMENT column: MariaDB refuses it STORED, or VIRTUAL under
/// a key, whichever statement comes last (1901), and the engine reports ST3066 there; a VIRTUAL
/// column outside every key builds the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbGeneratedAutoIncrementTests
{
    [MySqlTheory]
    [InlineData("a stored column in CREATE TABLE", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, s int AS (id + 1) STORED);")]
    [InlineData("a stored column added later", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int);\nALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (id + 1) STORED;")]
    [InlineData("AUTO_INCREMENT added later", "CREATE TABLE t (id int NOT NULL PRIMARY KEY, s int AS (id + 1) STORED);\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("an indexed virtual column", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id + 1) VIRTUAL, KEY (v));")]
    [InlineData("an index added later", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id + 1) VIRTUAL);\nCREATE INDEX i ON t (v);")]
    public async Task A_generated_column_over_auto_increment_is_refused_and_reported(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.GeneratedColumnFunctionRefused, 1901);
    }

    [MySqlFact]
    public async Task A_virtual_column_outside_every_key_matches_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync("virtual, unindexed", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id * 2) VIRTUAL);", SqlDialect.MariaDb);
    }
}
