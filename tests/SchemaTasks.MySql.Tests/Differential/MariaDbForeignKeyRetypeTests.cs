using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Changing the type of a column a foreign key uses: MariaDB refuses it on the referencing side
/// (error 1832) and on the referenced one (1833), even with foreign key checks off, and the engine
/// reports ST3018 at that statement's line. The changes it accepts (NOT NULL, DEFAULT, an integer's
/// display width, a rename alone, the foreign key dropped in the same statement) build the
/// server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbForeignKeyRetypeTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10) NOT NULL, u int unsigned, UNIQUE KEY (code), KEY (u));
        CREATE TABLE d (id int PRIMARY KEY, pid int, pcode varchar(10), pu int unsigned, CONSTRAINT d_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT d_fk2 FOREIGN KEY (pcode) REFERENCES p (code), CONSTRAINT d_fk3 FOREIGN KEY (pu) REFERENCES p (u));
        """;

    [MySqlTheory]
    [InlineData("int widened to bigint", "ALTER TABLE d MODIFY pid bigint;", 1832)]
    [InlineData("the referenced id widened", "ALTER TABLE p MODIFY id bigint;", 1833)]
    [InlineData("signedness", "ALTER TABLE d MODIFY pid int unsigned;", 1832)]
    [InlineData("unsigned dropped", "ALTER TABLE d MODIFY pu int;", 1832)]
    [InlineData("a longer varchar", "ALTER TABLE d MODIFY pcode varchar(20);", 1832)]
    [InlineData("a referenced varchar made longer", "ALTER TABLE p MODIFY code varchar(20) NOT NULL;", 1833)]
    [InlineData("varchar to char", "ALTER TABLE d MODIFY pcode char(10);", 1832)]
    [InlineData("foreign key checks off", "SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE d MODIFY pid bigint;", 1832)]
    public async Task A_change_MariaDb_refuses_is_reported_at_its_line(string behaviour, string change, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Tables + "\n" + change, DiagnosticCodes.KeyNeededByForeignKey, error);
    }

    [MySqlTheory]
    [InlineData("NOT NULL, DEFAULT and COMMENT", "ALTER TABLE d MODIFY pid int NOT NULL DEFAULT 3 COMMENT 'x';")]
    [InlineData("an integer's display width", "ALTER TABLE d MODIFY pid int(5);")]
    [InlineData("a rename alone", "ALTER TABLE d CHANGE pid pid2 int;")]
    [InlineData("the referenced column made AUTO_INCREMENT", "ALTER TABLE p MODIFY id int AUTO_INCREMENT;")]
    [InlineData("a referenced column given a default", "ALTER TABLE p CHANGE code code varchar(10) NOT NULL DEFAULT 'a';")]
    [InlineData("the foreign key dropped in the same statement", "ALTER TABLE d MODIFY pid bigint, DROP FOREIGN KEY d_fk;")]
    [InlineData("the foreign key dropped first", "ALTER TABLE d DROP FOREIGN KEY d_fk, MODIFY pid bigint;")]
    [InlineData("widened on both sides with the foreign key dropped", "ALTER TABLE d DROP FOREIGN KEY d_fk;\nALTER TABLE p MODIFY id bigint;\nALTER TABLE d MODIFY pid bigint, ADD CONSTRAINT d_fk FOREIGN KEY (pid) REFERENCES p (id);")]
    public async Task Accepted_changes_match_the_server(string behaviour, string change)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + change, SqlDialect.MariaDb);
    }
}
