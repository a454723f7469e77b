using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// What MariaDB 10.11 makes of TEXT(n) and BLOB(n) by the charset, and the column definitions it
/// refuses by their charset or ON UPDATE clause (errors 1074, 1294, 1115). Each was checked on the server.
/// </summary>
public sealed class MariaDbColumnRuleTests
{
    private static string TypeOf(Catalog catalog, string table, string column) => catalog.FindTable(My(table))!.FindColumn(column, SqlDialect.MariaDb)!.Type;

    [Theory]
    [InlineData("blob(10)", "", "tinyblob")]
    [InlineData("blob(255)", "", "tinyblob")]
    [InlineData("blob(256)", "", "blob")]
    [InlineData("blob(70000)", "", "mediumblob")]
    [InlineData("blob(16777216)", "", "longblob")]
    [InlineData("blob(0)", "", "blob")]
    [InlineData("text(100)", " CHARSET latin1", "tinytext")]
    [InlineData("text(256)", " CHARSET latin1", "text")]
    [InlineData("text(65536)", " CHARSET latin1", "mediumtext")]
    [InlineData("text(16777216)", " CHARSET latin1", "longtext")]
    [InlineData("text(63)", " CHARSET utf8mb4", "tinytext")]
    [InlineData("text(64)", " CHARSET utf8mb4", "text")]
    [InlineData("text(16384)", " CHARSET utf8mb4", "mediumtext")]
    [InlineData("text(4194304)", " CHARSET utf8mb4", "longtext")]
    [InlineData("text(85)", " CHARSET utf8mb3", "tinytext")]
    [InlineData("text(86)", " CHARSET utf8", "text")]
    [InlineData("text(20000000)", "", "longtext")]
    [InlineData("text(300)", "", "text")]
    public void SizedLobTypes_AreTheServersTypes(string type, string tableOptions, string expected)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (a {type}){tableOptions};", SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.Equal(expected, TypeOf(catalog, "t", "a"));
    }

    [Fact]
    public void TextLength_FollowsTheColumnsCharset_InAlterTableToo()
    {
        var catalog = Clean("""
            CREATE TABLE t (a int, b text(100) CHARSET latin1) CHARSET utf8mb4;
            ALTER TABLE t ADD c text(100), ADD d text(100) CHARACTER SET latin1, MODIFY a text(100);
            """, SqlDialect.MariaDb);
        Assert.Equal(("text", "tinytext", "text", "tinytext"), (TypeOf(catalog, "t", "a"), TypeOf(catalog, "t", "b"), TypeOf(catalog, "t", "c"), TypeOf(catalog, "t", "d")));
    }

    [Fact]
    public void TextLength_OfTheDatabasesCharset_IsAWarning()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a text(100));", SqlDialect.MariaDb);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.TypeUndecidedByCharset, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("tinytext in latin1, text in utf8mb4", warning.Message, StringComparison.Ordinal);
        Assert.Equal("text", TypeOf(catalog, "t", "a"));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a varchar(16384)) CHARSET utf8mb4;", "max = 16383")]
    [InlineData("CREATE TABLE t (a varchar(21845)) CHARSET utf8mb3;", "max = 21844")]
    [InlineData("CREATE TABLE t (a varchar(32767) CHARSET ucs2);", "max = 32766")]
    [InlineData("CREATE TABLE t (a int) CHARSET utf8mb4;\nALTER TABLE t ADD b varchar(20000);", "max = 16383")]
    [InlineData("CREATE TABLE t (a int);\nALTER TABLE t MODIFY a varchar(20000) CHARACTER SET utf8mb4;", "max = 16383")]
    public void Varchar_TooLongForItsCharset_IsRefused(string sql, string most)
    {
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.TypeWidthRefused, DiagnosticSeverity.Error), (refusal.Code, refusal.Severity));
        Assert.Contains($"error 1074, Column length too big for column '{(sql.Contains("ADD b", StringComparison.Ordinal) ? "b" : "a")}' ({most})", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a varchar(16383)) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE t (a varchar(65532)) CHARSET latin1;")]
    [InlineData("SET sql_mode = 'NO_ENGINE_SUBSTITUTION';\nCREATE TABLE t (a varchar(20000)) CHARSET utf8mb4;")]
    public void Varchar_ThatFits_OrWithoutStrictMode_IsTaken(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void Varchar_OfTheDatabasesCharset_IsAWarning()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a varchar(20000));", SqlDialect.MariaDb);
        Assert.Equal((DiagnosticCodes.TypeUndecidedByCharset, DiagnosticSeverity.Warning), (Assert.Single(diagnostics).Code, diagnostics[0].Severity));
        Assert.Equal("varchar(20000)", TypeOf(catalog, "t", "a"));
    }

    [Theory]
    [InlineData("CREATE TABLE t (c int ON UPDATE current_timestamp);")]
    [InlineData("CREATE TABLE t (c date ON UPDATE current_timestamp);")]
    [InlineData("CREATE TABLE t (id int);\nALTER TABLE t ADD c varchar(10) ON UPDATE now();")]
    [InlineData("CREATE TABLE t (c timestamp);\nALTER TABLE t MODIFY c int ON UPDATE current_timestamp;")]
    public void OnUpdate_OfAColumnNotTimestampOrDatetime_IsRefused(string sql)
    {
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnDefinitionRefused, sql.Split('\n').Length), (refusal.Code, refusal.Line));
        Assert.Contains("error 1294", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnUpdate_OfATimestampOrDatetime_IsTaken()
        => Assert.Empty(Run("CREATE TABLE t (a timestamp NULL ON UPDATE current_timestamp, b datetime(3) DEFAULT '2020-01-01 10:00' ON UPDATE current_timestamp(3));", SqlDialect.MariaDb).Diagnostics);

    [Theory]
    [InlineData("CREATE TABLE t (c varchar(10) CHARACTER SET nope);")]
    [InlineData("CREATE TABLE t (c int) CHARSET nope;")]
    [InlineData("CREATE TABLE t (c varchar(10) CHARSET gb18030);")]
    [InlineData("CREATE TABLE t (c int);\nALTER TABLE t CONVERT TO CHARACTER SET 'nope';")]
    public void AnUnknownCharset_IsRefused(string sql)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnDefinitionRefused, sql.Split('\n').Length), (refusal.Code, refusal.Line));
        Assert.Contains("error 1115", refusal.Message, StringComparison.Ordinal);
        if (!sql.Contains("ALTER", StringComparison.Ordinal)) Assert.Null(catalog.FindTable(My("t")));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a varchar(768), b int, PRIMARY KEY (a, b)) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE t (a varchar(3073) PRIMARY KEY) CHARSET latin1;")]
    [InlineData("CREATE TABLE t (a varbinary(3073), PRIMARY KEY (a));")]
    [InlineData("CREATE TABLE t (a varchar(3073), PRIMARY KEY (a));")]
    [InlineData("CREATE TABLE t (a char(255), b char(255), c char(255), d char(255), PRIMARY KEY (a, b, c, d)) CHARSET utf8mb4;")]
    [InlineData("SET sql_mode = '';\nCREATE TABLE t (a varchar(1000), PRIMARY KEY (a)) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE t (a varchar(1000)) CHARSET utf8mb4;\nALTER TABLE t ADD PRIMARY KEY (a);")]
    [InlineData("CREATE TABLE t (a varchar(700) CHARSET utf8mb4 PRIMARY KEY);\nALTER TABLE t MODIFY a varchar(800) CHARSET utf8mb4;")]
    public void APrimaryKeyOver3072Bytes_IsRefused(string sql)
    {
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnDefinitionRefused, sql.Split('\n').Length), (refusal.Code, refusal.Line));
        Assert.Contains("error 1071", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a varchar(767), b int, PRIMARY KEY (a, b)) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE t (a varchar(1000), PRIMARY KEY (a(768))) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE t (a varchar(1000), b int, UNIQUE KEY (a), KEY (a), PRIMARY KEY (b)) CHARSET utf8mb4;\nALTER TABLE t ADD c int;")]
    public void AKeyTheServerTakes_IsTaken(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void APrimaryKeyOfTheDatabasesCharset_IsAWarning()
    {
        var warning = Assert.Single(Run("CREATE TABLE t (a varchar(1000), PRIMARY KEY (a));\nALTER TABLE t ADD b int;", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.TypeUndecidedByCharset, DiagnosticSeverity.Warning, 1), (warning.Code, warning.Severity, warning.Line));
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32766) NOT NULL) CHARSET latin1;")]
    [InlineData(SqlDialect.MySql, "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32766) NOT NULL) CHARSET latin1;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(32765), b varchar(32766)) CHARSET latin1;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(16383) NOT NULL, b int NOT NULL) CHARSET utf8mb4;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32757) NOT NULL, c tinyblob NOT NULL) CHARSET latin1;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32765) NOT NULL, e set('x') NOT NULL) CHARSET latin1;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32765) NOT NULL) CHARSET latin1;\nALTER TABLE r MODIFY a varchar(32766) NULL;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE r (a varchar(10000) NOT NULL, b varchar(10000) NOT NULL) CHARSET latin1;\nALTER TABLE r CONVERT TO CHARACTER SET utf8mb4;")]
    [InlineData(SqlDialect.MariaDb, "SET sql_mode = '';\nCREATE TABLE r (a varchar(40000) NOT NULL, b varchar(40000) NOT NULL) CHARSET latin1;")]
    public void ARowOver65535Bytes_IsRefused(SqlDialect dialect, string sql)
    {
        var refusal = Assert.Single(Run(sql, dialect).Diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnDefinitionRefused, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1118", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE r (a varchar(32765) NOT NULL, b varchar(32766) NOT NULL) CHARSET latin1;")]
    [InlineData("CREATE TABLE r (a varchar(16383) NOT NULL) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE r (a varchar(32766) NOT NULL, b varchar(32756) NOT NULL, c tinyblob NOT NULL) CHARSET latin1;")]
    [InlineData("SET sql_mode = '';\nCREATE TABLE r (a varchar(20000), b varchar(20000)) CHARSET utf8mb4;")]
    [InlineData("CREATE TABLE r (a varchar(32000) NOT NULL, t text, u longtext, b varchar(32000) NOT NULL) CHARSET latin1;\nALTER TABLE r ADD c int;")]
    public void ARowUpTo65535Bytes_IsTaken(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void ARowOverByTheDatabasesCharset_IsAWarning()
    {
        var warning = Assert.Single(Run("CREATE TABLE r (a varchar(10000), b varchar(10000));", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.TypeUndecidedByCharset, DiagnosticSeverity.Warning, 1), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("error 1118", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a varchar(65533)", "latin1", "text")]
    [InlineData("a varchar(70000)", "latin1", "mediumtext")]
    [InlineData("a varchar(16777216)", "latin1", "longtext")]
    [InlineData("a varchar(16384)", "utf8mb4", "mediumtext")]
    [InlineData("a varchar(21845) CHARSET utf8mb3", "latin1", "text")]
    [InlineData("a varchar(21846) CHARSET utf8mb3", "latin1", "mediumtext")]
    [InlineData("a varbinary(65533)", "latin1", "blob")]
    [InlineData("a varbinary(70000)", "utf8mb4", "mediumblob")]
    [InlineData("a varchar(16000)", "utf8mb4", "varchar(16000)")]
    public void WithoutStrictMode_ALongVarchar_BecomesATextType(string column, string charset, string stored)
    {
        var (catalog, diagnostics) = Run($"SET sql_mode = '';\nCREATE TABLE t ({column}) CHARSET {charset};\nCREATE TABLE u (id int) CHARSET {charset};\nALTER TABLE u ADD {column};", SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        Assert.Equal(stored, catalog.FindTable(My("t"))!.FindColumn("a", SqlDialect.MariaDb)!.Type);
        Assert.Equal(stored, catalog.FindTable(My("u"))!.FindColumn("a", SqlDialect.MariaDb)!.Type);
    }

    [Fact]
    public void WithoutStrictMode_ALongVarcharOfTheDatabasesCharset_TakesUtf8mb4sType_WithAWarning()
    {
        var (catalog, diagnostics) = Run("SET sql_mode = '';\nCREATE TABLE t (a varchar(20000), b varchar(16000), c varchar(5000000));", SqlDialect.MariaDb);
        Assert.Equal([(DiagnosticCodes.TypeUndecidedByCharset, 2), (DiagnosticCodes.TypeUndecidedByCharset, 2)], diagnostics.Select(d => (d.Code, d.Line)));
        Assert.Contains("column a of t is varchar(20000)", diagnostics[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("varchar(20000) in latin1, mediumtext in utf8mb4", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("mediumtext in latin1, longtext in utf8mb4", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Equal(("mediumtext", "varchar(16000)", "longtext"), (TypeOf(catalog, "t", "a"), TypeOf(catalog, "t", "b"), TypeOf(catalog, "t", "c")));
    }

    [Theory]
    [InlineData("datetime", "'0000-00-00 00:00:00'")]
    [InlineData("datetime(3)", "'0000-00-00 00:00:00.000'")]
    [InlineData("timestamp", "'0000-00-00 00:00:00'")]
    [InlineData("timestamp(2)", "'0000-00-00 00:00:00.00'")]
    public void ANotNullDatetimeWithOnUpdateAndNoDefault_TakesTheZeroDate(string type, string stored)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE t (a {type} NOT NULL ON UPDATE current_timestamp, n {type} NULL ON UPDATE current_timestamp, d {type} NOT NULL DEFAULT '2020-01-01' ON UPDATE current_timestamp, p {type} NOT NULL);
            CREATE TABLE u (id int);
            ALTER TABLE u ADD a {type} NOT NULL ON UPDATE current_timestamp, ADD m int;
            ALTER TABLE u MODIFY m {type} NOT NULL ON UPDATE current_timestamp;
            CREATE TABLE v (a {type} NOT NULL ON UPDATE current_timestamp);
            ALTER TABLE v ALTER COLUMN a DROP DEFAULT;
            """, SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
        var t = catalog.FindTable(My("t"))!;
        Assert.Equal(stored, t.FindColumn("a", SqlDialect.MariaDb)!.Default);
        Assert.Null(t.FindColumn("n", SqlDialect.MariaDb)!.Default);
        Assert.StartsWith("'2020-01-01 00:00:00", t.FindColumn("d", SqlDialect.MariaDb)!.Default, StringComparison.Ordinal);
        Assert.Null(t.FindColumn("p", SqlDialect.MariaDb)!.Default);
        Assert.Equal(stored, catalog.FindTable(My("u"))!.FindColumn("a", SqlDialect.MariaDb)!.Default);
        Assert.Equal(stored, catalog.FindTable(My("u"))!.FindColumn("m", SqlDialect.MariaDb)!.Default);
        Assert.Null(catalog.FindTable(My("v"))!.FindColumn("a", SqlDialect.MariaDb)!.Default);
    }

    [Fact]
    public void MySql_KeepsTheWrittenTypes()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a text(100), b blob(10), c int ON UPDATE current_timestamp);", SqlDialect.MySql);
        Assert.Empty(diagnostics);
        var table = catalog.FindTable(My("t"))!;
        Assert.Equal(("text(100)", "blob(10)"), (table.FindColumn("a", SqlDialect.MySql)!.Type, table.FindColumn("b", SqlDialect.MySql)!.Type));
    }
}
