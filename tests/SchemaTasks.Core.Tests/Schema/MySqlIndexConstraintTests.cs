using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>MySQL UNIQUE keys are indexes: index statements create, drop and rename them.</summary>
public class MySqlIndexConstraintTests
{
    private static CatalogTable Table(string sql, string name = "t") => Clean(sql, SqlDialect.MySql).FindTable(My(name))!;

    [Fact]
    public void CreateUniqueIndex_RecordsUniqueConstraint()
    {
        var table = Table("""
            CREATE TABLE t (a int, b int);
            CREATE UNIQUE INDEX uk_a ON t (a);
            CREATE INDEX ix_b ON t (b);
            CREATE UNIQUE INDEX uk_fn USING BTREE ON t ((a + b)) ALGORITHM = INPLACE;
            """);
        Assert.Equal(["uk_a", "uk_fn"], table.OtherConstraints.ToArray());
    }

    [Fact]
    public void DropIndexOn_DropsUniqueConstraintAndIgnoresPlainIndex()
    {
        var table = Table("""
            CREATE TABLE t (a int, b int, UNIQUE KEY uk_a (a), KEY ix_b (b));
            DROP INDEX uk_a ON t;
            DROP INDEX ix_b ON t;
            """);
        Assert.Empty(table.OtherConstraints);
    }

    [Fact]
    public void AlterTableDropIndex_DropsUniqueKeyAndRenameIndexRenamesIt()
    {
        var table = Table("""
            CREATE TABLE t (a int, b int, c int, CONSTRAINT uq_a UNIQUE (a), UNIQUE INDEX ix_b (b), KEY ix_c (c));
            ALTER TABLE t DROP INDEX uq_a;
            ALTER TABLE t RENAME INDEX ix_b TO uq_b, RENAME KEY ix_c TO ix_c2;
            ALTER TABLE t ADD UNIQUE INDEX uq_c (c), DROP KEY ix_c2;
            """);
        Assert.Equal(["uq_b", "uq_c"], table.OtherConstraints.ToArray());
    }

    [Fact]
    public void DropPrimaryKey_DropsPrimary()
    {
        var table = Table("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (b);\nALTER TABLE t DROP PRIMARY KEY;");
        Assert.Empty(table.OtherConstraints);
    }

    [Fact]
    public void UnnamedTableUnique_IsNamedAfterItsFirstColumn()
    {
        var table = Table("CREATE TABLE t (a int, b int, UNIQUE (b, a));");
        Assert.Equal(["b"], table.OtherConstraints.ToArray());
    }

    [Fact]
    public void RenameTable_RenamesForeignKeysNamedAfterTheTable()
    {
        var catalog = Clean("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE c (id int PRIMARY KEY, pid int, qid int, FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT c_ibfk_7 FOREIGN KEY (qid) REFERENCES p (id), CONSTRAINT other_fk FOREIGN KEY (qid) REFERENCES p (id), CHECK (id > 0));
            RENAME TABLE c TO d;
            ALTER TABLE d RENAME TO e;
            """, SqlDialect.MySql);
        var table = catalog.FindTable(My("e"))!;
        Assert.Equal(["e_ibfk_1", "e_ibfk_7", "other_fk", "PRIMARY"], table.OtherConstraints.ToArray());
        Assert.Equal(["e_chk_1"], table.Checks.Select(c => c.Name));
    }
}
