using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Rules found running real MySQL-family folders, on the real server: AUTO_INCREMENT makes a
/// column NOT NULL without a primary key; the IF EXISTS / IF NOT EXISTS forms of ALTER TABLE
/// actions MariaDB takes, and the ones it refuses; and DROP CONSTRAINT of a foreign key, which
/// MariaDB ignores when the same statement adds a foreign key (ST3047). Run against MariaDB only.
/// </summary>
public sealed class MariaDbAlterTableRuleTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE);
        CREATE TABLE c (id int, pid int, pu int, q int, z int, CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT ck CHECK (id > 0), CONSTRAINT uk UNIQUE (q));
        """;

    [MySqlTheory]
    [InlineData("auto_increment with a plain or unique key, or added by modify", """
        CREATE TABLE t (id INT AUTO_INCREMENT, KEY (id));
        CREATE TABLE u (id INT NULL AUTO_INCREMENT, UNIQUE KEY (id));
        CREATE TABLE w (id INT, KEY (id));
        ALTER TABLE w MODIFY id INT AUTO_INCREMENT;
        CREATE TABLE v (id INT AUTO_INCREMENT NULL, KEY (id));
        CREATE TABLE x (a INT, id BIGINT UNSIGNED AUTO_INCREMENT DEFAULT NULL, KEY (id));
        ALTER TABLE x MODIFY a INT, ADD COLUMN b INT NULL AUTO_INCREMENT UNIQUE, MODIFY id BIGINT UNSIGNED NULL;
        """)]
    [InlineData("drop if exists of what is there and what is not", Tables + """

        ALTER TABLE c DROP FOREIGN KEY IF EXISTS c_fk, DROP FOREIGN KEY IF EXISTS nope;
        ALTER TABLE c DROP CONSTRAINT IF EXISTS ck, DROP CONSTRAINT IF EXISTS nope;
        ALTER TABLE c DROP INDEX IF EXISTS uk, DROP KEY IF EXISTS nope, DROP COLUMN IF EXISTS nope, DROP IF EXISTS z;
        """)]
    [InlineData("add if not exists of what is there and what is not", Tables + """

        ALTER TABLE c ADD COLUMN IF NOT EXISTS id int, ADD IF NOT EXISTS y int;
        ALTER TABLE c ADD INDEX IF NOT EXISTS uk (z), ADD KEY IF NOT EXISTS k2 (z);
        ALTER TABLE c ADD UNIQUE KEY IF NOT EXISTS uk (z), ADD UNIQUE IF NOT EXISTS uk2 (z), ADD UNIQUE INDEX IF NOT EXISTS uk3 (y);
        ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS ck CHECK (id > 1), ADD CONSTRAINT IF NOT EXISTS ck2 CHECK (id > 2);
        ALTER TABLE c ADD FOREIGN KEY IF NOT EXISTS fk3 (pu) REFERENCES p (u), ADD FOREIGN KEY IF NOT EXISTS c_fk (pid) REFERENCES p (id);
        ALTER TABLE c ADD PRIMARY KEY IF NOT EXISTS (id);
        ALTER TABLE c ADD PRIMARY KEY IF NOT EXISTS (pid);
        ALTER TABLE c MODIFY COLUMN IF EXISTS nope int, CHANGE COLUMN IF EXISTS nope2 nope3 int;
        """)]
    [InlineData("drop foreign key, or drop constraint where nothing is added", Tables + """

        ALTER TABLE c DROP FOREIGN KEY c_fk, ADD CONSTRAINT c_fk2 FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE;
        ALTER TABLE c DROP CONSTRAINT c_fk2, ADD COLUMN y int;
        ALTER TABLE c DROP CONSTRAINT ck, DROP CONSTRAINT uk, ADD CONSTRAINT c_fk3 FOREIGN KEY (pu) REFERENCES p (u);
        """)]
    public async Task Accepted_forms_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("with a named foreign key on the same column", "ALTER TABLE c DROP CONSTRAINT c_fk, ADD CONSTRAINT c_fk2 FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE;")]
    [InlineData("with the foreign key added first", "ALTER TABLE c ADD CONSTRAINT c_fk2 FOREIGN KEY (pu) REFERENCES p (u), DROP CONSTRAINT c_fk;")]
    [InlineData("if exists, with an unnamed foreign key", "ALTER TABLE c DROP CONSTRAINT IF EXISTS c_fk, ADD FOREIGN KEY (pu) REFERENCES p (u);")]
    [InlineData("with an added column's references", "ALTER TABLE c DROP CONSTRAINT c_fk, ADD COLUMN y int REFERENCES p (id);")]
    [InlineData("next to a check dropped as it should be", "ALTER TABLE c DROP CONSTRAINT c_fk, DROP CONSTRAINT ck, ADD CONSTRAINT c_fk2 FOREIGN KEY (pu) REFERENCES p (u);")]
    public async Task Drop_constraint_of_a_foreign_key_beside_an_added_one_keeps_it_as_the_server_does(string behaviour, string alter)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + alter, SqlDialect.MariaDb, DiagnosticCodes.MariaDbForeignKeyDropIgnored);
    }

    [MySqlTheory]
    [InlineData("add constraint if not exists before a foreign key", "ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS fk2 FOREIGN KEY (pid) REFERENCES p (id);", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("add constraint if not exists before a unique key", "ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS uk4 UNIQUE (z);", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("drop check", "ALTER TABLE c DROP CHECK ck;", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("drop primary key if exists", "ALTER TABLE c DROP PRIMARY KEY IF EXISTS;", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("a key's if not exists in create table", "CREATE TABLE a (z int, UNIQUE KEY IF NOT EXISTS uk (z));", DiagnosticCodes.SyntaxError, 1064)]
    [InlineData("a check if not exists named like a key", "ALTER TABLE c ADD CONSTRAINT IF NOT EXISTS uk CHECK (id > 1);", DiagnosticCodes.ConstraintExists, 1826)]
    [InlineData("the foreign key kept, then added again under its name", "ALTER TABLE c DROP CONSTRAINT c_fk, ADD CONSTRAINT c_fk FOREIGN KEY (pu) REFERENCES p (u);", DiagnosticCodes.ConstraintExists, 1061)]
    public async Task A_statement_MariaDb_refuses_is_reported_at_its_line(string behaviour, string refused, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), Tables + "\n" + refused, "m.sql");
        var refusal = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(refusal.Code == code && refusal.Line == 3, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new MySqlCommand(Tables, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new MySqlCommand(refused, connection);
        var refusalOnServer = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(error, refusalOnServer.Number);
    }
}
