using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL's plain indexes share the key namespace: an unnamed UNIQUE key is numbered past them,
/// a key may not take an index's name, and a column's lone KEY is its primary key. Outcomes
/// checked on MariaDB 10.11 (the differential test) and against MySQL 8's manual.
/// </summary>
public class MySqlPlainIndexNameTests
{
    private static CatalogTable Table(Catalog catalog, string name) => catalog.FindTable(My(name))!;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void UnnamedUniqueKey_IsNumberedPastPlainIndexNames(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE v (b int, KEY (b));
            ALTER TABLE v ADD UNIQUE (b);
            CREATE TABLE u (b int, KEY b (b));
            ALTER TABLE u ADD UNIQUE KEY (b);
            CREATE TABLE w (b int);
            CREATE INDEX b ON w (b);
            ALTER TABLE w ADD UNIQUE (b);
            CREATE TABLE t (b int, c int, e text, KEY (b), UNIQUE (b), INDEX ix (c), UNIQUE KEY (c), FULLTEXT KEY (e));
            """, dialect);
        Assert.Equal(["b_2"], Table(catalog, "v").OtherConstraints.ToArray());
        Assert.Equal(["b_2"], Table(catalog, "u").OtherConstraints.ToArray());
        Assert.Equal(["b_2"], Table(catalog, "w").OtherConstraints.ToArray());
        Assert.Equal(["b_2", "c"], Table(catalog, "t").OtherConstraints.ToArray());
    }

    [Fact]
    public void DroppedRenamedAndEmptiedIndexes_FreeTheirNames()
    {
        var catalog = Clean("""
            CREATE TABLE a (b int, KEY (b));
            ALTER TABLE a DROP INDEX b;
            ALTER TABLE a ADD UNIQUE (b);
            CREATE TABLE r (b int, KEY (b));
            ALTER TABLE r RENAME INDEX b TO ix_b;
            ALTER TABLE r ADD UNIQUE (b);
            CREATE TABLE d (b int, c int, KEY b (b), KEY c (c, b));
            ALTER TABLE d DROP COLUMN b;
            ALTER TABLE d ADD COLUMN b int, ADD UNIQUE (b);
            ALTER TABLE d ADD UNIQUE (c);
            CREATE TABLE o (b int, KEY (b));
            DROP INDEX b ON o;
            ALTER TABLE o ADD UNIQUE (b);
            """, SqlDialect.MariaDb);
        Assert.Equal(["b"], Table(catalog, "a").OtherConstraints.ToArray());
        Assert.Equal(["b"], Table(catalog, "r").OtherConstraints.ToArray());
        Assert.Equal(["b", "c_2"], Table(catalog, "d").OtherConstraints.ToArray());
        Assert.Equal(["b"], Table(catalog, "o").OtherConstraints.ToArray());
    }

    [Fact]
    public void RenameIndexToItsOwnName_ChangesNothing()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b int, UNIQUE KEY x (a), KEY y (b));
            ALTER TABLE t RENAME INDEX x TO x;
            ALTER TABLE t RENAME KEY y TO y;
            """, SqlDialect.MySql);
        Assert.Equal(["x"], Table(catalog, "t").OtherConstraints.ToArray());
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int, b int, UNIQUE KEY ux (a));\nALTER TABLE t ADD KEY ux (b);")]
    [InlineData("CREATE TABLE t (a int, b int, KEY ux (a));\nALTER TABLE t ADD UNIQUE KEY ux (b);")]
    [InlineData("CREATE TABLE t (a int, b int, KEY ux (a), KEY uy (b));\nALTER TABLE t RENAME INDEX uy TO ux;")]
    [InlineData("CREATE TABLE t (a int, b int, UNIQUE KEY ux (a), KEY uy (b));\nALTER TABLE t RENAME INDEX ux TO uy;")]
    public void KeyOrIndexNamedLikeAnotherIndex_IsRefused(string sql)
    {
        var (_, diagnostics) = Run(sql, SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.ConstraintExists, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void IndexNamedLikeAForeignKeyOrCheck_IsAccepted()
    {
        var catalog = Clean("""
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE t (a int, b int, CONSTRAINT fk_x FOREIGN KEY (a) REFERENCES p (id), KEY fk_x (a), CONSTRAINT ck CHECK (b > 0), KEY ck (b));
            ALTER TABLE t ADD INDEX IF NOT EXISTS ck (b);
            """, SqlDialect.MariaDb);
        Assert.Equal(["fk_x"], Table(catalog, "t").OtherConstraints.ToArray());
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void ColumnKey_IsThePrimaryKey_AndUniqueKeyAUniqueKey(SqlDialect dialect)
    {
        var catalog = Clean("CREATE TABLE t (k int KEY, u int UNIQUE KEY);\nCREATE TABLE n (v int);\nALTER TABLE n ADD COLUMN k int KEY;", dialect);
        var t = Table(catalog, "t");
        Assert.Equal(["PRIMARY", "u"], t.OtherConstraints.ToArray());
        Assert.Equal([false, true], t.Columns.Select(c => c.IsNullable));
        Assert.Equal(ConstraintKind.PrimaryKey, t.Keys["PRIMARY"].Kind);
        Assert.Equal(["k"], t.Keys["PRIMARY"].Columns.ToArray());
        var n = Table(catalog, "n");
        Assert.Equal(["PRIMARY"], n.OtherConstraints.ToArray());
        Assert.False(n.FindColumn("k", dialect)!.IsNullable);
    }

    [Fact]
    public void ColumnKey_IsASecondPrimaryKey_WhenTheTableHasOne()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a int PRIMARY KEY, k int KEY);", SqlDialect.MariaDb);
        Assert.NotEmpty(diagnostics);
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void DropOrRenameOfAnIndexTheTableLacks_IsRefused_ButNotWithIfExistsOrOnATableFromASnapshot(SqlDialect dialect)
    {
        const string Table = "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ia (a));\n";
        var (_, diagnostics) = Run(Table + "ALTER TABLE t DROP INDEX nope;\nDROP INDEX nope2 ON t;\nALTER TABLE t RENAME INDEX nope3 TO x;", dialect);

        Assert.Equal([(DiagnosticCodes.ConstraintNotFound, 2), (DiagnosticCodes.ConstraintNotFound, 3), (DiagnosticCodes.ConstraintNotFound, 4)], diagnostics.Select(d => (d.Code, d.Line)));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        if (dialect == SqlDialect.MariaDb) Assert.Empty(Run(Table + "ALTER TABLE t DROP INDEX IF EXISTS nope;", dialect).Diagnostics);
        var snapshotted = SnapshotJson.Read(SnapshotJson.Write(new SchemaSnapshot(dialect, [], Clean(Table, dialect)))).Schema;
        Assert.DoesNotContain(SchemaEngine.Apply(snapshotted, "ALTER TABLE t DROP INDEX ia;", "m.sql").Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
