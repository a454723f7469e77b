using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL and MariaDB refuse to drop the last index that serves a foreign key, on the referencing
/// table or the referenced one: error 1553, or 1025 (errno 150) for MariaDB's primary key. The
/// server makes an index for a foreign key no index serves and drops it once another serves;
/// a prefix index never serves. Checked on MariaDB 10.11 (the Differential tests run them there).
/// </summary>
public class MySqlForeignKeyIndexTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, a int, b int, v varchar(50), KEY ab (a, b), UNIQUE KEY pu (b), KEY vp (v(10)), KEY vfull (v));
        CREATE TABLE c (id int PRIMARY KEY, pid int, UNIQUE KEY uq (pid), CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id));
        CREATE TABLE c2 (id int PRIMARY KEY, pid int, v varchar(50), KEY pref (v(10)), CONSTRAINT c2_fk FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT c2_v FOREIGN KEY (v) REFERENCES p (v));
        CREATE TABLE c3 (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id), KEY kd (id DESC));
        CREATE TABLE c4 (a int, b int, x int, PRIMARY KEY (a, b), CONSTRAINT c4_fk FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT c4_x FOREIGN KEY (x) REFERENCES p (a));
        CREATE TABLE s (id int PRIMARY KEY, parent int, CONSTRAINT s_fk FOREIGN KEY (parent) REFERENCES s (id));

        """;

    private const int Line = 7;

    private static string[] Constraints(Catalog catalog, string table)
        => [.. catalog.FindTable(My(table))!.OtherConstraints.Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("ALTER TABLE c DROP INDEX uq;", "index uq of c: foreign key c_fk needs an index whose first columns are (pid)", "error 1553, Cannot drop index 'uq'")]
    [InlineData("DROP INDEX uq ON c;", "index uq of c: foreign key c_fk needs", "error 1553")]
    [InlineData("ALTER TABLE c2 DROP INDEX c2_fk;", "index c2_fk of c2: foreign key c2_fk needs", "error 1553")]
    [InlineData("ALTER TABLE c2 DROP INDEX c2_v;", "index c2_v of c2: foreign key c2_v needs an index whose first columns are (v)", "error 1553")]
    [InlineData("ALTER TABLE c3 DROP INDEX pid;", "index pid of c3: foreign key c3_ibfk_1 needs", "error 1553")]
    [InlineData("ALTER TABLE c4 DROP PRIMARY KEY;", "the primary key of c4: foreign key c4_fk needs an index whose first columns are (a)", "")]
    [InlineData("ALTER TABLE p DROP INDEX ab;", "index ab of p: foreign key c4_x of c4 references (a)", "error 1553, Cannot drop index 'ab'")]
    [InlineData("ALTER TABLE p DROP INDEX vfull;", "index vfull of p: foreign key c2_v of c2 references (v)", "error 1553")]
    [InlineData("ALTER TABLE s DROP INDEX s_fk;", "index s_fk of s: foreign key s_fk needs", "error 1553")]
    [InlineData("ALTER TABLE s DROP PRIMARY KEY;", "the primary key of s: foreign key s_fk of s references (id)", "")]
    [InlineData("ALTER TABLE c2 ADD INDEX cov (pid, id);\nALTER TABLE c2 DROP INDEX cov;", "index cov of c2: foreign key c2_fk needs", "error 1553")]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY c_fk;\nALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (pid) REFERENCES p (id);\nALTER TABLE c DROP INDEX uq;", "index uq of c: foreign key c_fk needs", "error 1553")]
    public void Refuses_DroppingTheLastIndexAForeignKeyNeeds(string sql, string what, string refusal)
    {
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql })
        {
            var (catalog, diagnostics) = Run(Tables + sql, dialect);
            var error = Assert.Single(diagnostics);
            var lines = sql.Split('\n');
            var last = lines[^1];
            var column = last.StartsWith("DROP INDEX", StringComparison.Ordinal) ? 1 : last.IndexOf("DROP ", StringComparison.Ordinal) + 1;
            Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, Line + lines.Length - 1, column), (error.Code, error.Line, error.Column));
            Assert.Contains("The server refuses to drop " + what, error.Message, StringComparison.Ordinal);
            Assert.Contains(refusal.Length > 0 ? refusal : dialect == SqlDialect.MariaDb ? "MariaDB: error 1025, errno 150" : "error 1553, Cannot drop index 'PRIMARY'", error.Message, StringComparison.Ordinal);

            // The statement fails as a whole: the table keeps what it had.
            Assert.Equal(Constraints(Clean(Tables + string.Join("\n", lines[..^1]), dialect), "c"), Constraints(catalog, "c"));
            Assert.Equal(Constraints(Clean(Tables + string.Join("\n", lines[..^1]), dialect), "p"), Constraints(catalog, "p"));
        }
    }

    [Theory]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY c_fk, DROP INDEX uq;")]
    [InlineData("ALTER TABLE c DROP INDEX uq, DROP FOREIGN KEY c_fk;")]
    [InlineData("ALTER TABLE c DROP INDEX uq, ADD INDEX k (pid, id);")]
    [InlineData("ALTER TABLE c DROP INDEX uq, ADD UNIQUE KEY uq (pid, id);")]
    [InlineData("ALTER TABLE c2 DROP FOREIGN KEY c2_fk;\nALTER TABLE c2 DROP INDEX c2_fk;")]
    [InlineData("ALTER TABLE c2 DROP INDEX c2_fk, ADD INDEX k (pid);")]
    [InlineData("ALTER TABLE c2 DROP INDEX pref;")]
    [InlineData("ALTER TABLE c2 ADD INDEX cov (pid, id);\nALTER TABLE c2 DROP FOREIGN KEY c2_fk;\nALTER TABLE c2 DROP INDEX cov;")]
    [InlineData("ALTER TABLE c3 DROP FOREIGN KEY c3_ibfk_1, DROP INDEX pid;")]
    [InlineData("ALTER TABLE c3 ADD INDEX k2 (pid);\nALTER TABLE c3 DROP INDEX kd;")]
    [InlineData("ALTER TABLE c4 DROP FOREIGN KEY c4_fk;\nALTER TABLE c4 DROP PRIMARY KEY;")]
    [InlineData("ALTER TABLE p DROP INDEX pu;")]
    [InlineData("ALTER TABLE p DROP PRIMARY KEY, ADD PRIMARY KEY (id, a);")]
    [InlineData("ALTER TABLE p DROP INDEX vp;")]
    [InlineData("ALTER TABLE p ADD INDEX a2 (a);\nALTER TABLE p DROP INDEX ab;")]
    [InlineData("ALTER TABLE s DROP FOREIGN KEY s_fk;\nALTER TABLE s DROP PRIMARY KEY;")]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE c DROP INDEX uq;\nSET FOREIGN_KEY_CHECKS = 1;")]
    [InlineData("/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\nALTER TABLE p DROP INDEX ab;")]
    [InlineData("SET SESSION foreign_key_checks = OFF;\nALTER TABLE p DROP PRIMARY KEY;")]
    public void Accepts_ADropAnotherIndexServes_OrWithTheForeignKey(string sql)
    {
        CleanButGeneratedNameDrops(Tables + sql, SqlDialect.MariaDb);
        Clean(Tables + sql, SqlDialect.MySql);
    }

    [Fact]
    public void TheChecksComeBack_WhenSetOnAgain()
    {
        var (_, diagnostics) = Run(Tables + "SET FOREIGN_KEY_CHECKS = 0;\nSET FOREIGN_KEY_CHECKS = @OLD_FOREIGN_KEY_CHECKS;\nALTER TABLE c DROP INDEX uq;", SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void TheIndexAForeignKeyLeaves_IsAPlainIndexByItsName()
    {
        // The server keeps c2_fk's index when the foreign key goes; a new index of that name is a duplicate (error 1061).
        var (_, diagnostics) = Run(Tables + "ALTER TABLE c2 DROP FOREIGN KEY c2_fk;\nALTER TABLE c2 ADD UNIQUE KEY c2_fk (id);", SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.ConstraintExists, Assert.Single(diagnostics).Code);

    }

    [Fact]
    public void AKeyOverTheForeignKeysColumns_TakesOverFromTheIndexTheServerMade()
    {
        // The server drops its index pid and gives the unnamed key that name; the key now serves.
        var (catalog, diagnostics) = Run(Tables + "ALTER TABLE c3 ADD UNIQUE (pid);\nALTER TABLE c3 DROP INDEX pid;", SqlDialect.MariaDb);
        Assert.Contains("pid", Constraints(catalog, "c3"));
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, Line + 1), (error.Code, error.Line));
    }
}
