using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Dropping the last index that serves a foreign key, on the referencing table or the referenced
/// one: MariaDB refuses it (error 1553; 1025 for the primary key), and the engine reports ST3018 at
/// that statement's line. The drops it accepts (another index serves, the foreign key goes in the
/// same statement, foreign key checks are off) build the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbForeignKeyIndexTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, a int, b int, v varchar(50), KEY ab (a, b), UNIQUE KEY pu (b), KEY vp (v(10)), KEY vfull (v));
        CREATE TABLE c (id int PRIMARY KEY, pid int, UNIQUE KEY uq (pid), CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id));
        CREATE TABLE c2 (id int PRIMARY KEY, pid int, v varchar(50), KEY pref (v(10)), CONSTRAINT c2_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT c2_v FOREIGN KEY (v) REFERENCES p (v));
        CREATE TABLE c3 (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id), KEY kd (id DESC));
        CREATE TABLE c4 (a int, b int, x int, PRIMARY KEY (a, b), CONSTRAINT c4_fk FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT c4_x FOREIGN KEY (x) REFERENCES p (a));
        CREATE TABLE s (id int PRIMARY KEY, parent int, CONSTRAINT s_fk FOREIGN KEY (parent) REFERENCES s (id));
        """;

    [MySqlTheory]
    [InlineData("a unique key the foreign key uses", "ALTER TABLE c DROP INDEX uq;", 1553)]
    [InlineData("the same by DROP INDEX ... ON", "DROP INDEX uq ON c;", 1553)]
    [InlineData("the index made for a named foreign key", "ALTER TABLE c2 DROP INDEX c2_fk;", 1553)]
    [InlineData("the index made beside a prefix index", "ALTER TABLE c2 DROP INDEX c2_v;", 1553)]
    [InlineData("the index made for an unnamed foreign key", "ALTER TABLE c3 DROP INDEX pid;", 1553)]
    [InlineData("a primary key the foreign key uses", "ALTER TABLE c4 DROP PRIMARY KEY;", 1025)]
    [InlineData("a referenced index", "ALTER TABLE p DROP INDEX ab;", 1553)]
    [InlineData("a referenced index beside a prefix index", "ALTER TABLE p DROP INDEX vfull;", 1553)]
    [InlineData("a self-referencing foreign key's index", "ALTER TABLE s DROP INDEX s_fk;", 1553)]
    [InlineData("a self-referenced primary key", "ALTER TABLE s DROP PRIMARY KEY;", 1025)]
    [InlineData("an index added later, which took over from the one made", "ALTER TABLE c2 ADD INDEX cov (pid, id);\nALTER TABLE c2 DROP INDEX cov;", 1553)]
    [InlineData("an unnamed key that took over the made index's name", "ALTER TABLE c3 ADD UNIQUE (pid);\nALTER TABLE c3 DROP INDEX pid;", 1553)]
    [InlineData("a foreign key's index under the name it was renamed to", "ALTER TABLE c2 RENAME INDEX c2_fk TO k_pid;\nALTER TABLE c2 DROP INDEX k_pid;", 1553)]
    [InlineData("a made index under the name it was renamed to", "ALTER TABLE c3 RENAME INDEX pid TO k_pid;\nALTER TABLE c3 DROP INDEX k_pid;", 1553)]
    public async Task A_drop_MariaDb_refuses_is_reported_at_its_line(string behaviour, string drop, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Tables + "\n" + drop, DiagnosticCodes.KeyNeededByForeignKey, error);
    }

    [MySqlTheory]
    [InlineData("the foreign key dropped in the same statement", "ALTER TABLE c DROP FOREIGN KEY c_fk, DROP INDEX uq;")]
    [InlineData("the index dropped before the foreign key", "ALTER TABLE c DROP INDEX uq, DROP FOREIGN KEY c_fk;")]
    [InlineData("another index added in the same statement", "ALTER TABLE c DROP INDEX uq, ADD INDEX k (pid, id);")]
    [InlineData("the key made again under its name", "ALTER TABLE c DROP INDEX uq, ADD UNIQUE KEY uq (pid, id);")]
    [InlineData("MariaDB's CREATE OR REPLACE INDEX", "CREATE OR REPLACE UNIQUE INDEX uq ON c (pid, id);")]
    [InlineData("the index a dropped foreign key left", "ALTER TABLE c2 DROP FOREIGN KEY c2_fk;\nALTER TABLE c2 DROP INDEX c2_fk;")]
    [InlineData("the made index replaced", "ALTER TABLE c2 DROP INDEX c2_fk, ADD INDEX k (pid);")]
    [InlineData("a prefix index, which serves no foreign key", "ALTER TABLE c2 DROP INDEX pref;")]
    [InlineData("a descending index serves", "ALTER TABLE c3 ADD INDEX k2 (pid);\nALTER TABLE c3 DROP INDEX kd;")]
    [InlineData("a referenced unique key another index doubles", "ALTER TABLE p DROP INDEX pu;")]
    [InlineData("a referenced primary key replaced by one that starts alike", "ALTER TABLE p DROP PRIMARY KEY, ADD PRIMARY KEY (id, a);")]
    [InlineData("a referenced prefix index", "ALTER TABLE p DROP INDEX vp;")]
    [InlineData("a referenced index another one doubles", "ALTER TABLE p ADD INDEX a2 (a);\nALTER TABLE p DROP INDEX ab;")]
    [InlineData("a self-referenced primary key after its foreign key", "ALTER TABLE s DROP FOREIGN KEY s_fk;\nALTER TABLE s DROP PRIMARY KEY;")]
    [InlineData("a foreign key's index renamed, the key then made again under that name", "ALTER TABLE c2 RENAME INDEX c2_fk TO c2_parent;\nALTER TABLE c2 DROP FOREIGN KEY c2_fk, ADD CONSTRAINT c2_parent FOREIGN KEY (pid) REFERENCES p (id);\nALTER TABLE c2 DROP FOREIGN KEY c2_parent, DROP INDEX c2_parent;")]
    [InlineData("a made index renamed, and back", "ALTER TABLE c3 RENAME INDEX pid TO k_pid;\nALTER TABLE c3 RENAME INDEX k_pid TO pid;")]
    [InlineData("foreign key checks off", "SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE c DROP INDEX uq;\nALTER TABLE p DROP INDEX ab;\nSET FOREIGN_KEY_CHECKS = 1;")]
    public async Task Accepted_drops_match_the_server(string behaviour, string drop)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Tables + "\n" + drop, SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task A_foreign_keys_index_renamed_like_another_index_is_refused()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(
            "a foreign key's index renamed like another index",
            Tables + "\nALTER TABLE c2 RENAME INDEX c2_fk TO pref;",
            DiagnosticCodes.ConstraintExists,
            1061);
    }

    [MySqlFact]
    public async Task An_unnamed_foreign_key_and_its_index_dropped_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "an unnamed foreign key and its index",
            Tables + "\nALTER TABLE c3 DROP FOREIGN KEY c3_ibfk_1, DROP INDEX pid;",
            SqlDialect.MariaDb,
            DiagnosticCodes.MariaDbGeneratedForeignKeyName);
    }
}
