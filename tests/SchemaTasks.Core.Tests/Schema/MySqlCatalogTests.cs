using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

public class MySqlCatalogTests
{
    private static Catalog My(string sql) => Clean(sql, SqlDialect.MySql);

    [Fact]
    public void EnumAndSetColumns_KeepValuesAndStripTrailingSpaces()
    {
        var catalog = My("CREATE TABLE `Jobs` (`Kind` ENUM('A ', 'b''c', \"d\\\"e\") NOT NULL DEFAULT 'A', flags SET('x','y') CHARACTER SET utf8mb4 COLLATE utf8mb4_bin);");
        var table = catalog.FindTable(CatalogBuild.My("Jobs"))!;
        Assert.Null(catalog.FindTable(CatalogBuild.My("jobs")));
        var kind = table.FindColumn("kind", SqlDialect.MySql)!;
        Assert.Equal("Kind", kind.Name);
        Assert.Equal(["A", "b'c", "d\"e"], kind.InlineValues!.Values.ToArray());
        Assert.Equal(("enum('A','b''c','d\"e')", false), (kind.Type, kind.IsNullable));
        var flags = catalog.GetAllowedValues(CatalogBuild.My("Jobs"), "FLAGS")!;
        Assert.Equal(AllowedValuesSourceKind.InlineSet, flags.Sources.Single().Kind);
    }

    [Fact]
    public void AlterTable_ModifyChangeRenameAndChecks()
    {
        var catalog = My("""
            CREATE TABLE IF NOT EXISTS t (
              id INT(11) UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'key',
              s VARCHAR(20),
              `n` tinyint(1) DEFAULT 0,
              PRIMARY KEY (`id`), UNIQUE KEY uq_s (s), INDEX (n)
            ) ENGINE=InnoDB;
            ALTER TABLE t ADD COLUMN (a INT, b BOOLEAN), ALGORITHM=INPLACE, LOCK=NONE;
            ALTER TABLE t CHANGE COLUMN s state VARCHAR(30) NOT NULL, MODIFY b ENUM('y','n') AFTER a, RENAME COLUMN a TO aa;
            ALTER TABLE t ADD CONSTRAINT state_values CHECK (`state` in (_utf8mb4'open',_utf8mb4'closed')), DROP COLUMN n;
            RENAME TABLE t TO t2;
            """);
        var table = catalog.FindTable(CatalogBuild.My("t2"))!;
        Assert.Equal(["id", "state", "aa", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal(["int unsigned", "varchar(30)", "int", "enum('y','n')"], table.Columns.Select(c => c.Type));
        Assert.Equal(["open", "closed"], catalog.GetAllowedValues("t2.STATE")!.Values.ToArray());
        Assert.Contains("uq_s", table.OtherConstraints);
    }

    [Fact]
    public void UnnamedCheck_GetsMySqlGeneratedName()
    {
        var catalog = My("CREATE TABLE t (s varchar(5) CHECK (s IN ('a')), CHECK (s <> ''));\nALTER TABLE t DROP CHECK t_chk_2;");
        var check = Assert.Single(catalog.FindTable(CatalogBuild.My("t"))!.Checks);
        Assert.Equal(("t_chk_1", "s"), (check.Name, check.Column));
    }

    [Fact]
    public void DelimiterBlocksAndCompoundBodies_AreSkipped()
    {
        var catalog = My("""
            CREATE TABLE x (id int);
            DELIMITER $$
            CREATE PROCEDURE p()
            BEGIN
              CREATE TABLE inside_proc (id int);
              IF 1 THEN SELECT 1; END IF;
            END$$
            DELIMITER ;
            CREATE TRIGGER trg BEFORE INSERT ON x FOR EACH ROW
            BEGIN
              DECLARE v INT;
              CASE WHEN 1 THEN SET v = 1; ELSE SET v = 2; END CASE;
              CREATE TABLE inside_trigger (id int);
            END;
            CREATE TABLE after_bodies (id int); # CREATE TABLE hash_comment (id int);
            -- CREATE TABLE dash_comment (id int);
            SELECT 1--1;
            /*!40101 CREATE TABLE versioned (id int) */;
            INSERT INTO x VALUES ('CREATE TABLE in_string (id int)', "it\"s; CREATE TABLE y (id int)");
            """);
        Assert.Equal(["after_bodies", "versioned", "x"], catalog.Tables.Keys.Select(k => k.Name));
    }

    [Fact]
    public void ModifyMissingColumn_IsErrorNamingColumn()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a int);\nALTER TABLE t MODIFY COLUMN b int;", SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 2, 15), (error.Code, error.Line, error.Column));
    }
}
