using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Statements the servers refuse, which the engine reports at their place instead of building a
/// schema the migration never makes: a second primary key, DROP NOT NULL of a primary key column,
/// and (PostgreSQL) a drop of a key, index or table a foreign key needs; MariaDB's column
/// attribute order and DEFAULT NULL on a NOT NULL column. Each refusal was checked on PostgreSQL 15
/// and MariaDB 10.11 (the Differential tests run them there).
/// </summary>
public class RefusedStatementTests
{
    private static SchemaDiagnostic Refusal(string sql, SqlDialect dialect = SqlDialect.Postgres)
    {
        var (_, diagnostics) = Run(sql, dialect);
        return Assert.Single(diagnostics);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD PRIMARY KEY (b);", 2, 19)]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD CONSTRAINT x PRIMARY KEY (b);", 2, 19)]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD COLUMN c int PRIMARY KEY;", 2, 32)]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);", 1, 42)]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int,\n  PRIMARY KEY (b));", 2, 3)]
    public void SecondPrimaryKey_PostgresRefuses(string sql, int line, int column)
    {
        var refusal = Refusal(sql);
        Assert.Equal(DiagnosticCodes.MultiplePrimaryKeys, refusal.Code);
        Assert.Equal((line, column), (refusal.Line, refusal.Column));
        Assert.Contains("42P16", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("t_pkey", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondPrimaryKey_RefusedOne_LeavesTheTableAsItWas()
    {
        var (catalog, _) = Run("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD PRIMARY KEY (b);");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.True(table.FindColumn("b", SqlDialect.Postgres)!.IsNullable);
        Assert.Equal(["t_pkey"], table.OtherConstraints);
    }

    [Fact]
    public void PrimaryKeyDroppedInTheSameAlter_MayBeReplaced()
    {
        var table = Clean("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD PRIMARY KEY (b), DROP CONSTRAINT t_pkey;").FindTable(Pg("t"))!;
        Assert.Equal(["t_pkey"], table.OtherConstraints);
        Assert.False(table.FindColumn("b", SqlDialect.Postgres)!.IsNullable);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);")]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, PRIMARY KEY (a));")]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t ADD PRIMARY KEY (b);")]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY);\nALTER TABLE t MODIFY a int PRIMARY KEY;")]
    public void SecondPrimaryKey_MySqlFamilyRefuses(string sql)
    {
        foreach (var dialect in new[] { SqlDialect.MySql, SqlDialect.MariaDb })
        {
            var refusal = Refusal(sql, dialect);
            Assert.Equal(DiagnosticCodes.MultiplePrimaryKeys, refusal.Code);
            Assert.Contains("1068", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MySqlPrimaryKeyDroppedFirst_MayBeReplaced()
        => Clean("CREATE TABLE t (a int PRIMARY KEY, b int);\nALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (b);", SqlDialect.MariaDb);

    [Fact]
    public void DropNotNullOfAPrimaryKeyColumn_IsRefused_AndTheColumnStaysNotNull()
    {
        const string Sql = "CREATE TABLE t (a int, b int, PRIMARY KEY (a, b));\nALTER TABLE t ALTER COLUMN b DROP NOT NULL;";
        var (catalog, diagnostics) = Run(Sql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.PrimaryKeyColumnNotNull, refusal.Code);
        Assert.Equal((2, 15), (refusal.Line, refusal.Column));
        Assert.Contains("is in a primary key", refusal.Message, StringComparison.Ordinal);
        Assert.False(catalog.FindTable(Pg("t"))!.FindColumn("b", SqlDialect.Postgres)!.IsNullable);
    }

    [Fact]
    public void DropNotNull_OfAUniqueColumn_OrAfterThePrimaryKeyIsDropped_IsAccepted()
    {
        const string Sql = """
            CREATE TABLE t (a int PRIMARY KEY, b int NOT NULL UNIQUE);
            ALTER TABLE t ALTER COLUMN b DROP NOT NULL;
            ALTER TABLE t DROP CONSTRAINT t_pkey, ALTER COLUMN a DROP NOT NULL;
            """;
        var table = Clean(Sql).FindTable(Pg("t"))!;
        Assert.All(table.Columns, c => Assert.True(c.IsNullable));
    }

    [Fact]
    public void DropNotNullBeforeThePrimaryKeyIsDropped_IsRefused()
    {
        var refusal = Refusal("CREATE TABLE t (a int PRIMARY KEY);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL, DROP CONSTRAINT t_pkey;");
        Assert.Equal(DiagnosticCodes.PrimaryKeyColumnNotNull, refusal.Code);
    }

    private const string Referenced = """
        CREATE TABLE p (id int PRIMARY KEY, code int UNIQUE, x int);
        CREATE UNIQUE INDEX p_x ON p (x);
        CREATE TABLE c (pid int REFERENCES p, pcode int REFERENCES p (code), px int REFERENCES p (x));

        """;

    [Theory]
    [InlineData("ALTER TABLE p DROP CONSTRAINT p_pkey;", 15, "c_pid_fkey")]
    [InlineData("ALTER TABLE p DROP CONSTRAINT p_code_key;", 15, "c_pcode_fkey")]
    [InlineData("DROP INDEX p_x;", 1, "c_px_fkey")]
    [InlineData("DROP TABLE p;", 1, "c_pcode_fkey")]
    public void DropOfWhatAForeignKeyNeeds_WithoutCascade_IsRefused(string drop, int column, string foreignKey)
    {
        var refusal = Refusal(Referenced + drop);
        Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, refusal.Code);
        Assert.Equal((4, column), (refusal.Line, refusal.Column));
        Assert.Contains(foreignKey, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2BP01", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedDrops_LeaveTheKeysAndTheTable()
    {
        var (catalog, _) = Run(Referenced + "ALTER TABLE p DROP CONSTRAINT p_pkey;\nDROP TABLE p;");
        Assert.Contains("p_pkey", catalog.FindTable(Pg("p"))!.OtherConstraints);
    }

    [Fact]
    public void SelfReference_AndTablesDroppedTogether_AreAccepted()
    {
        const string Sql = """
            CREATE TABLE s (id int PRIMARY KEY, parent int REFERENCES s);
            DROP TABLE s;
            CREATE TABLE a (id int PRIMARY KEY);
            CREATE TABLE b (aid int REFERENCES a);
            DROP TABLE a, b;
            """;
        Assert.Empty(Clean(Sql).Tables);
    }

    [Fact]
    public void SelfReference_RefusesDroppingItsOwnPrimaryKey()
    {
        var refusal = Refusal("CREATE TABLE s (id int PRIMARY KEY, parent int REFERENCES s);\nALTER TABLE s DROP CONSTRAINT s_pkey;");
        Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, refusal.Code);
    }

    [Fact]
    public void DropTableCascade_DropsTheForeignKeysOfOtherTables()
    {
        var catalog = Clean(Referenced + "DROP TABLE p CASCADE;");
        var child = catalog.FindTable(Pg("c"))!;
        Assert.Empty(child.OtherConstraints);
        Assert.Null(catalog.FindTable(Pg("p")));
    }

    [Fact]
    public void ForeignKeyDroppedFirst_ThenTheKeyAndTable_AreAccepted()
        => Clean(Referenced + "ALTER TABLE c DROP CONSTRAINT c_pid_fkey, DROP CONSTRAINT c_pcode_fkey, DROP CONSTRAINT c_px_fkey;\nALTER TABLE p DROP CONSTRAINT p_pkey;\nDROP TABLE p;");

    [Fact]
    public void ForeignKeyReadFromASnapshot_HasNoTarget_SoNothingIsSaid()
    {
        var built = Clean("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (pid int REFERENCES p);");
        var read = SnapshotJson.Read(SnapshotJson.Write(new SchemaSnapshot(SqlDialect.Postgres, [], built))).Schema;
        var (after, diagnostics) = SchemaEngine.Apply(read, "ALTER TABLE p DROP CONSTRAINT p_pkey;\nDROP TABLE p;", "m.sql");
        Assert.Empty(diagnostics);
        Assert.Null(after.FindTable(Pg("p")));
    }

    [Fact]
    public void HandlerForTheCondition_CatchesTheRefusal()
    {
        const string Sql = """
            CREATE TABLE t (a int PRIMARY KEY, b int);
            DO $$ BEGIN ALTER TABLE t ADD PRIMARY KEY (b); EXCEPTION WHEN invalid_table_definition THEN NULL; END $$;
            DO $$ BEGIN ALTER TABLE t ALTER COLUMN a DROP NOT NULL; EXCEPTION WHEN sqlstate '42P16' THEN NULL; END $$;
            CREATE TABLE c (ta int REFERENCES t);
            DO $$ BEGIN DROP TABLE t; EXCEPTION WHEN dependent_objects_still_exist THEN NULL; END $$;
            """;
        var table = Clean(Sql).FindTable(Pg("t"))!;
        Assert.Equal(["t_pkey"], table.OtherConstraints);
        Assert.False(table.FindColumn("a", SqlDialect.Postgres)!.IsNullable);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED NOT NULL);", 65, "generated column b")]
    [InlineData("CREATE TABLE t (a int, b int AS (a + 1) PERSISTENT NULL);", 52, "generated column b")]
    [InlineData("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) VIRTUAL NOT NULL UNIQUE);", 66, "generated column b")]
    [InlineData("CREATE TABLE t (a int, b int NOT NULL GENERATED ALWAYS AS (a + 1) STORED);", 30, "generated column b")]
    [InlineData("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED PRIMARY KEY);", 65, "generated column b")]
    [InlineData("CREATE TABLE t (k int CHECK (k > 0) UNIQUE);", 37, "after the CHECK")]
    [InlineData("CREATE TABLE t (k int CHECK (k > 0) NOT NULL);", 37, "after the CHECK")]
    [InlineData("CREATE TABLE t (k int CHECK (k > 0) DEFAULT 1);", 37, "after the CHECK")]
    [InlineData("CREATE TABLE t (k int CHECK (k > 0) CHECK (k < 9));", 37, "one CHECK")]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN k int CHECK (k > 0) NOT NULL AFTER a;", 46, "after the CHECK")]
    public void ColumnAttributeOutOfPlace_MariaDbRefuses_MySqlTakes(string sql, int column, string says)
    {
        var refusal = Refusal(sql, SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.MariaDbColumnAttributeOrder, refusal.Code);
        Assert.Equal(column, refusal.Column);
        Assert.Contains(says, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("1064", refusal.Message, StringComparison.Ordinal);
        Clean(sql, SqlDialect.MySql);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a varchar(5), b varchar(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin GENERATED ALWAYS AS (a) STORED UNIQUE KEY COMMENT 'x' INVISIBLE CHECK (b <> ''));")]
    [InlineData("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (k int NOT NULL DEFAULT 1 COMMENT 'k' CHECK (k > 0) CONSTRAINT fk REFERENCES p (id));")]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN k int UNIQUE CHECK (k > 0) AFTER a;")]
    public void ColumnAttributesInMariaDbsOrder_AreAccepted(string sql)
        => Clean(sql, SqlDialect.MariaDb);

    [Theory]
    [InlineData("CREATE TABLE t (k int DEFAULT NULL PRIMARY KEY);", 23)]
    [InlineData("CREATE TABLE t (k int PRIMARY KEY DEFAULT NULL);", 35)]
    [InlineData("CREATE TABLE t (k int NULL DEFAULT (NULL) PRIMARY KEY);", 28)]
    [InlineData("CREATE TABLE t (a int PRIMARY KEY);\nALTER TABLE t ADD COLUMN k int DEFAULT NULL UNIQUE KEY, ADD COLUMN j int DEFAULT NULL KEY;", 74)]
    public void DefaultNullOnTheColumnsOwnPrimaryKey_MariaDbRefuses(string sql, int column)
    {
        var (_, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.NullDefaultOnNotNullColumn);
        Assert.Equal(column, refusal.Column);
        Assert.Contains("1067", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void DefaultNullOnANotNullColumn_IsRefused(SqlDialect dialect)
    {
        var refusal = Refusal("CREATE TABLE t (k int NOT NULL DEFAULT NULL);", dialect);
        Assert.Equal(DiagnosticCodes.NullDefaultOnNotNullColumn, refusal.Code);
        Assert.Equal(32, refusal.Column);
    }

    [Fact]
    public void DefaultNull_WithAKeyAfterTheColumns_OrAutoIncrement_IsAccepted()
    {
        const string Sql = """
            CREATE TABLE t (k int DEFAULT NULL, PRIMARY KEY (k));
            ALTER TABLE t MODIFY k int DEFAULT NULL;
            CREATE TABLE u (k int NOT NULL AUTO_INCREMENT DEFAULT NULL PRIMARY KEY);
            """;
        Assert.False(Clean(Sql, SqlDialect.MariaDb).FindTable(My("t"))!.Columns[0].IsNullable);
        Clean("CREATE TABLE t (k int DEFAULT NULL PRIMARY KEY);", SqlDialect.MySql);
        Clean("CREATE TABLE t (k int NOT NULL DEFAULT NULL);");
    }

    [Fact]
    public void SetDefaultNullOnANotNullColumn_MariaDbRefuses()
    {
        var refusal = Refusal("CREATE TABLE t (k int PRIMARY KEY);\nALTER TABLE t ALTER COLUMN k SET DEFAULT NULL;", SqlDialect.MariaDb);
        Assert.Equal(DiagnosticCodes.NullDefaultOnNotNullColumn, refusal.Code);
        Assert.Equal(2, refusal.Line);
    }

    [Theory]
    [InlineData("CREATE TABLE t (k int, CONSTRAINT k CHECK (k > 0), UNIQUE KEY k (k));")]
    [InlineData("CREATE TABLE t (k int UNIQUE, CONSTRAINT k CHECK (k > 0));")]
    [InlineData("CREATE TABLE t (k int, CONSTRAINT c CHECK (k > 0));\nALTER TABLE t ADD UNIQUE KEY c (k);")]
    public void TableCheckNamedLikeAKey_MariaDbRefuses(string sql)
        => Assert.Equal(DiagnosticCodes.ConstraintExists, Refusal(sql, SqlDialect.MariaDb).Code);

    [Fact]
    public void ColumnCheckNamedLikeAKey_MariaDbAccepts()
    {
        var table = Clean("CREATE TABLE t (k int CHECK (k > 0), UNIQUE KEY k (k), j int, CONSTRAINT j CHECK (j > 0), KEY j (j));", SqlDialect.MariaDb).FindTable(My("t"))!;
        Assert.Contains("k", table.OtherConstraints);
        Assert.Equal(["k", "j"], table.Checks.Select(c => c.Name));
    }
}
