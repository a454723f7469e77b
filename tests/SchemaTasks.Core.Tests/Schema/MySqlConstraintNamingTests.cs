using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The names MariaDB gives unnamed foreign keys (numbered past the highest table_ibfk_N), the
/// PRIMARY name of every MySQL/MariaDB primary key, and the ENUM/SET lists both refuse. Checked on
/// MariaDB 10.11 (the Differential tests run them there).
/// </summary>
public class MySqlConstraintNamingTests
{
    private const string Parent = "CREATE TABLE p (id int PRIMARY KEY);\n";

    private static string Names(Catalog catalog, string table)
        => string.Join(",", catalog.FindTable(My(table))!.OtherConstraints.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, d int, FOREIGN KEY (a) REFERENCES p(id), FOREIGN KEY (b) REFERENCES p(id), FOREIGN KEY (c) REFERENCES p(id));\nALTER TABLE t DROP FOREIGN KEY t_ibfk_2;\nALTER TABLE t ADD FOREIGN KEY (d) REFERENCES p(id);", "PRIMARY,t_ibfk_1,t_ibfk_3,t_ibfk_4")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, d int, FOREIGN KEY (a) REFERENCES p(id), FOREIGN KEY (b) REFERENCES p(id), FOREIGN KEY (c) REFERENCES p(id));\nALTER TABLE t DROP FOREIGN KEY t_ibfk_3, ADD FOREIGN KEY (d) REFERENCES p(id);", "PRIMARY,t_ibfk_1,t_ibfk_2,t_ibfk_4")]
    [InlineData("CREATE TABLE t (a int, b int, c int, CONSTRAINT t_ibfk_7 FOREIGN KEY (a) REFERENCES p(id), FOREIGN KEY (b) REFERENCES p(id), FOREIGN KEY (c) REFERENCES p(id));", "t_ibfk_1,t_ibfk_2,t_ibfk_7")]
    [InlineData("CREATE TABLE t (a int, b int, c int, FOREIGN KEY (a) REFERENCES p(id));\nALTER TABLE t ADD CONSTRAINT t_ibfk_9 FOREIGN KEY (b) REFERENCES p(id);\nALTER TABLE t ADD FOREIGN KEY (c) REFERENCES p(id);", "t_ibfk_1,t_ibfk_10,t_ibfk_9")]
    [InlineData("CREATE TABLE t (a int, b int, c int, d int, CONSTRAINT t_ibfk_05 FOREIGN KEY (a) REFERENCES p(id), CONSTRAINT T_IBFK_8 FOREIGN KEY (b) REFERENCES p(id), CONSTRAINT t_ibfk_3x FOREIGN KEY (c) REFERENCES p(id));\nALTER TABLE t ADD FOREIGN KEY (d) REFERENCES p(id);", "T_IBFK_8,t_ibfk_05,t_ibfk_1,t_ibfk_3x")]
    [InlineData("CREATE TABLE t (a int, b int, c int, FOREIGN KEY (a) REFERENCES p(id), FOREIGN KEY (b) REFERENCES p(id));\nALTER TABLE t DROP FOREIGN KEY t_ibfk_1;\nRENAME TABLE t TO w;\nALTER TABLE w ADD FOREIGN KEY (c) REFERENCES p(id);", "w_ibfk_2,w_ibfk_3")]
    [InlineData("CREATE TABLE t (a int, c int, CONSTRAINT t_ibfk_5 UNIQUE (a));\nALTER TABLE t ADD FOREIGN KEY (c) REFERENCES p(id);", "t_ibfk_1,t_ibfk_5")]
    public void MariaDb_NumbersUnnamedForeignKeys_PastTheHighest(string sql, string names)
        => Assert.Equal(names, Names(CleanButGeneratedNameDrops(Parent + sql, SqlDialect.MariaDb), sql.Contains("RENAME TABLE", StringComparison.Ordinal) ? "w" : "t"));

    [Theory]
    [InlineData("CREATE TABLE t (a int, b int, CONSTRAINT t_ibfk_2 FOREIGN KEY (a) REFERENCES p(id), FOREIGN KEY (b) REFERENCES p(id), FOREIGN KEY (a) REFERENCES p(id));", 1)]
    [InlineData("CREATE TABLE t (a int, b int, c int, FOREIGN KEY (a) REFERENCES p(id));\nALTER TABLE t ADD CONSTRAINT t_ibfk_2 FOREIGN KEY (b) REFERENCES p(id), ADD FOREIGN KEY (c) REFERENCES p(id);", 2)]
    public void MariaDb_AGeneratedNameGivenInTheSameStatement_IsRefused(string sql, int line)
    {
        var (_, diagnostics) = Run(Parent + sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintExists, line + 1), (error.Code, error.Line));
        Assert.Contains("t_ibfk_2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void PrimaryKey_IsNamedPrimary_WhateverIsWritten(SqlDialect dialect)
    {
        var sql = "CREATE TABLE s (id int NOT NULL, CONSTRAINT s_pk PRIMARY KEY (id), CONSTRAINT s_pk UNIQUE (id));\nCREATE TABLE s2 (id int NOT NULL);\nALTER TABLE s2 ADD CONSTRAINT s2_pk PRIMARY KEY (id);\nALTER TABLE s2 DROP PRIMARY KEY;\n";
        var catalog = Clean(sql, dialect);
        Assert.Equal("PRIMARY,s_pk", Names(catalog, "s"));
        Assert.Equal(string.Empty, Names(catalog, "s2"));

        var (_, diagnostics) = Run("CREATE TABLE s (id int NOT NULL, CONSTRAINT s_pk PRIMARY KEY (id));\nALTER TABLE s DROP CONSTRAINT s_pk;", dialect);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a enum('a','a'));", 1)]
    [InlineData("CREATE TABLE t (a enum('a','a '));", 1)]
    [InlineData("CREATE TABLE t (a set('x','y','x '));", 1)]
    [InlineData("CREATE TABLE t (a set('a','b,c'));", 1)]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t ADD b enum('x','x');", 2)]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t MODIFY a set('q','q ');", 2)]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t CHANGE a a2 set('q','r,s');", 2)]
    [InlineData("SET sql_mode = '';\nCREATE TABLE t (a set('a,'));", 2)]
    public void ValueListsTheServerRefuses_AreReported(string sql, int line)
    {
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql })
        {
            var (catalog, diagnostics) = Run(sql, dialect);
            Assert.Equal((DiagnosticCodes.RefusedValueList, line), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
            if (line == 1) Assert.Null(catalog.FindTable(My("t")));
        }
    }

    [Theory]
    [InlineData("CREATE TABLE t (a enum('a',' a'), b enum('a','a\t'), c enum('a','b,c'), d enum('a','A') COLLATE utf8mb4_bin);")]
    [InlineData("CREATE TABLE t (a enum('a','a ') CHARACTER SET binary);")]
    [InlineData("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';\nCREATE TABLE t (a enum('a','a'));")]
    public void ValueListsTheServerTakes_AreAccepted(string sql)
        => Clean(sql, SqlDialect.MariaDb);
}
