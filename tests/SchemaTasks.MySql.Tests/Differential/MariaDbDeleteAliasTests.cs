using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB before 11.6 refuses an alias in a single-table DELETE (DataEase's V2.10.2 stopped there
/// on MariaDB 10.11): the engine warns at the alias, and the server refuses the statement with
/// error 1064; the multi-table forms, which take aliases, and a DELETE without one are accepted
/// by both. Run against MariaDB only.
/// </summary>
public sealed class MariaDbDeleteAliasTests
{
    private const string Table = "CREATE TABLE t (id int, flag int);\n";

    [MySqlTheory]
    [InlineData("an alias", "DELETE FROM t x WHERE x.flag = 1;")]
    [InlineData("an alias after AS", "DELETE FROM t AS x WHERE x.flag = 1;")]
    [InlineData("an alias with ORDER BY and LIMIT", "DELETE FROM t x ORDER BY x.id LIMIT 1;")]
    [InlineData("an alias and nothing after it", "DELETE FROM t x;")]
    [InlineData("an alias after the modifiers", "DELETE LOW_PRIORITY QUICK IGNORE FROM t x WHERE x.flag = 1;")]
    [InlineData("a quoted alias", "DELETE FROM `t` `x` WHERE `x`.flag = 1;")]
    [InlineData("an alias with RETURNING", "DELETE FROM t x RETURNING x.id;")]
    public async Task A_single_table_delete_with_an_alias_is_refused_and_warned_about(string behaviour, string delete)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + delete, DiagnosticCodes.MariaDbDeleteAlias, 1064);
    }

    [MySqlTheory]
    [InlineData("the multi-table form", "DELETE x FROM t x WHERE x.flag = 1;")]
    [InlineData("the multi-table form with AS", "DELETE x FROM t AS x WHERE x.flag = 1;")]
    [InlineData("the multi-table form with USING", "DELETE FROM x USING t AS x WHERE x.flag = 1;")]
    [InlineData("no alias, the table named in WHERE", "DELETE FROM t WHERE t.flag = 1 ORDER BY id LIMIT 1;")]
    [InlineData("no alias and no condition", "DELETE QUICK FROM t;")]
    public async Task A_delete_MariaDb_accepts_is_not_warned_about(string behaviour, string delete)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + delete, SqlDialect.MariaDb);
    }
}
