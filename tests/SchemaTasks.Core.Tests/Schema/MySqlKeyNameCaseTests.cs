using System.Text.Json;
using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL and MariaDB compare names of indexes, keys, foreign keys and CHECK constraints without
/// case on every platform, and keep the spelling a name was written with (checked on MariaDB
/// 10.11; the differential tests run the same SQL there). Seen in apache/streampark's MySQL
/// upgrade scripts: <c>drop index un_username</c> over a key created <c>UN_USERNAME</c>.
/// PostgreSQL keeps its names as its parser folded them.
/// </summary>
public class MySqlKeyNameCaseTests
{
    private static CatalogTable Table(Catalog catalog, string name) => catalog.FindTable(My(name))!;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void IndexStatements_FindKeysInAnyCase(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE t_user (id int, username varchar(20), state int, UNIQUE KEY UN_USERNAME (username), KEY INX_STATE (state));
            ALTER TABLE t_user DROP INDEX un_username, ADD UNIQUE KEY un_username (username, id);
            ALTER TABLE t_user DROP INDEX inx_state;
            CREATE TABLE t (a int, b int, c int, UNIQUE KEY UK_A (a), UNIQUE KEY UQ_B (b), UNIQUE KEY UK_C (c));
            DROP INDEX uk_a ON t;
            ALTER TABLE t DROP KEY uq_b;
            ALTER TABLE t RENAME INDEX uk_c TO uk_c2;
            """, dialect);
        Assert.Equal(["un_username"], Table(catalog, "t_user").OtherConstraints.ToArray());
        Assert.Equal(["uk_c2"], Table(catalog, "t").OtherConstraints.ToArray());
    }

    [Fact]
    public void RenameIndex_ToItsOwnNameInAnotherCase_Respells()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, UNIQUE KEY UK_A (a), KEY IX_B (b));
            ALTER TABLE t RENAME INDEX UK_A TO uk_a;
            ALTER TABLE t RENAME INDEX ix_b TO Ix_B;
            ALTER TABLE t ADD UNIQUE (b);
            """, SqlDialect.MariaDb);
        Assert.Equal(["b", "uk_a"], Table(catalog, "t").OtherConstraints.ToArray());
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void DropConstraint_InAnotherCase_DropsIt(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (a int, p int, CONSTRAINT FK_P FOREIGN KEY (p) REFERENCES p (id), CONSTRAINT CK_A CHECK (a > 0), CONSTRAINT UQ_A UNIQUE (a));
            ALTER TABLE c DROP FOREIGN KEY fk_p;
            ALTER TABLE c DROP CONSTRAINT ck_a;
            ALTER TABLE c DROP CONSTRAINT uq_a;
            """, dialect);
        var table = Table(catalog, "c");
        Assert.Empty(table.OtherConstraints);
        Assert.Empty(table.Checks);
    }

    [Fact]
    public void DropAndAddAgain_InAnotherCase_KeepsTheNewSpelling()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, UNIQUE KEY UK_A (a), CONSTRAINT CK_A CHECK (a > 0));
            ALTER TABLE t DROP INDEX UK_a, ADD UNIQUE KEY Uk_A (a);
            ALTER TABLE t DROP CONSTRAINT ck_a, ADD CONSTRAINT Ck_a CHECK (a > 1);
            """, SqlDialect.MariaDb);
        var table = Table(catalog, "t");
        Assert.Equal(["Uk_A"], table.OtherConstraints.ToArray());
        Assert.Equal(["Ck_a"], table.Checks.Select(c => c.Name).ToArray());
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int, b int, UNIQUE KEY UK (a), UNIQUE KEY uk (b));")]
    [InlineData("CREATE TABLE t (a int, b int, UNIQUE KEY UK (a));\nALTER TABLE t ADD UNIQUE KEY uk (b);")]
    [InlineData("CREATE TABLE t (a int, b int, KEY IX (a));\nALTER TABLE t ADD KEY ix (b);")]
    [InlineData("CREATE TABLE t (a int, CONSTRAINT CK_A CHECK (a > 0), CONSTRAINT ck_a CHECK (a < 9));")]
    [InlineData("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (a int, b int, CONSTRAINT FK_P FOREIGN KEY (a) REFERENCES p (id), CONSTRAINT fk_p FOREIGN KEY (b) REFERENCES p (id));")]
    [InlineData("CREATE TABLE t (a int, b int, UNIQUE KEY u1 (a), KEY K2 (b));\nALTER TABLE t RENAME INDEX u1 TO k2;")]
    public void SecondNameDifferingOnlyInCase_IsRefused(string sql)
    {
        foreach (var dialect in new[] { SqlDialect.MySql, SqlDialect.MariaDb })
        {
            var (_, diagnostics) = Run(sql, dialect);
            var refusal = Assert.Single(diagnostics);
            Assert.Equal(DiagnosticCodes.ConstraintExists, refusal.Code);
            Assert.Equal(sql.Split('\n').Length, refusal.Line);
        }
    }

    [Fact]
    public void GeneratedNames_AreNumberedPastNamesInAnotherCase()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, KEY A (a));
            ALTER TABLE t ADD UNIQUE (a);
            CREATE TABLE c (a int, CONSTRAINT constraint_1 CHECK (a > 0), CHECK (a < 9));
            """, SqlDialect.MariaDb);
        Assert.Equal(["a_2"], Table(catalog, "t").OtherConstraints.ToArray());
        Assert.Equal(["constraint_1", "CONSTRAINT_2"], Table(catalog, "c").Checks.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void Snapshot_ListsConstraintsInOrdinalOrder_AndReadBackFindsThemInAnyCase()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, c int, UNIQUE KEY b_key (b), UNIQUE KEY A_KEY (a), UNIQUE KEY C_KEY (c));
            """, SqlDialect.MariaDb);
        var json = SnapshotJson.Write(new SchemaSnapshot(SqlDialect.MariaDb, [], catalog));
        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("schema").GetProperty("tables")[0].GetProperty("constraints").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["A_KEY", "C_KEY", "b_key"], written);

        var (after, diagnostics) = SchemaEngine.Apply(SnapshotJson.Read(json).Schema, "ALTER TABLE t DROP INDEX a_key;", "m.sql");
        Assert.Empty(diagnostics);
        Assert.Equal(["b_key", "C_KEY"], after.FindTable(My("t"))!.OtherConstraints.ToArray());
    }

    [Fact]
    public void Postgres_KeepsNamesCaseSensitive()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, CONSTRAINT "UK" UNIQUE (a), CONSTRAINT uk UNIQUE (b));
            ALTER TABLE t DROP CONSTRAINT uk;
            """);
        Assert.Equal(["UK"], catalog.FindTable(Pg("t"))!.OtherConstraints.ToArray());
    }
}
