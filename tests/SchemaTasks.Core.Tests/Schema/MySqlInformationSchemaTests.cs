using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Conditions on information_schema that MySQL folders put before DDL, answered from the schema
/// built so far: table names compared with their case, indexes by column, constraints by type,
/// columns by nullability and type text. What the catalog cannot give exactly stays an error.
/// </summary>
public class MySqlInformationSchemaTests
{
    private const string Tables = """
        CREATE TABLE Teams (Id varchar(26) NOT NULL PRIMARY KEY, Name varchar(64), Kind enum('D','O'), Props json, Body text, Flag tinyint(1), Count int, Zero bigint DEFAULT 0, Day date DEFAULT '20200101',
          KEY idx_name (Name), UNIQUE KEY uq_kind (Kind, Name), CONSTRAINT ck_count CHECK (Count > 0));
        CREATE TABLE Members (Id int PRIMARY KEY, TeamId varchar(26), CONSTRAINT fk_team FOREIGN KEY (TeamId) REFERENCES Teams (Id));
        """;

    // The column the condition's branch adds to Members: "yes" when it holds, "no" otherwise.
    private static string Branch(string condition, SqlDialect dialect = SqlDialect.MariaDb)
    {
        var catalog = Clean($"""
            {Tables}
            SET @s = (SELECT IF({condition}, 'ALTER TABLE Members ADD COLUMN yes int', 'ALTER TABLE Members ADD COLUMN no int'));
            PREPARE st FROM @s;
            EXECUTE st;
            """, dialect);
        return catalog.FindTable(My("Members"))!.Columns[^1].Name;
    }

    private static SchemaDiagnostic Undecided(string condition, SqlDialect dialect = SqlDialect.MariaDb)
    {
        var (_, diagnostics) = Run($"""
            {Tables}
            SET @s = (SELECT IF({condition}, 'ALTER TABLE Members ADD COLUMN yes int', 'SELECT 1'));
            PREPARE st FROM @s;
            EXECUTE st;
            """, dialect);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDynamicSql, finding.Code);
        return finding;
    }

    private const string Here = "table_schema = DATABASE()";

    [Theory]
    [InlineData("(SELECT COUNT(*) FROM information_schema.TABLES WHERE table_name = '{0}' AND " + Here + ") > 0")]
    [InlineData("EXISTS(SELECT 1 FROM information_schema.TABLES WHERE table_name = '{0}' AND " + Here + ")")]
    [InlineData("(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = '{0}' AND " + Here + " AND column_name = 'ID') > 0")]
    [InlineData("(SELECT COUNT(*) FROM information_schema.STATISTICS WHERE table_name = '{0}' AND " + Here + " AND index_name = 'IDX_NAME') > 0")]
    [InlineData("(SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE table_name = '{0}' AND " + Here + " AND constraint_name = 'primary') > 0")]
    [InlineData("(SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE table_name = '{0}' AND constraint_schema = DATABASE() AND constraint_name = 'FK_TEAM') > 0")]
    public void TableNames_CompareWithTheirCase_OtherNamesInAnyCase(string test)
    {
        var table = test.Contains("REFERENTIAL", StringComparison.Ordinal) ? "Members" : "Teams";
        Assert.Equal("yes", Branch(string.Format(System.Globalization.CultureInfo.InvariantCulture, test, table)));
        Assert.Equal("no", Branch(string.Format(System.Globalization.CultureInfo.InvariantCulture, test, table.ToLowerInvariant())));
    }

    [Theory]
    [InlineData("Teams", "Name", "yes")]
    [InlineData("Teams", "kind", "yes")]
    [InlineData("Teams", "Id", "yes")]
    [InlineData("Teams", "Body", "no")]
    [InlineData("Members", "Id", "yes")]
    public void Statistics_ByColumnName_FindTheIndexesHoldingIt(string table, string column, string branch)
        => Assert.Equal(branch, Branch($"EXISTS(SELECT 1 FROM information_schema.STATISTICS WHERE table_name = '{table}' AND {Here} AND column_name = '{column}')"));

    [Theory]
    [InlineData("COUNT(*) AS n", "= 2")]
    [InlineData("COUNT(1) n", "= 2")]
    [InlineData("COUNT(seq_in_index)", "= 2")]
    public void Counts_WithAnAliasOrOfAColumn_AreDecided(string count, string comparison)
        => Assert.Equal("yes", Branch($"(SELECT {count} FROM information_schema.STATISTICS WHERE table_name = 'Teams' AND {Here} AND column_name = 'Name') {comparison}"));

    [Theory]
    [InlineData("COUNT(DISTINCT index_name)", "COUNT of an expression")]
    [InlineData("COUNT(column_default)", "information_schema.STATISTICS by")]
    public void Counts_OfWhatIsNotARowCount_AreUndecided(string count, string part)
        => Assert.Contains(part, Undecided($"(SELECT {count} FROM information_schema.STATISTICS WHERE table_name = 'Teams' AND {Here} AND column_name = 'Name') > 0").Message, StringComparison.Ordinal);

    [Fact]
    public void Statistics_CountsOneRowPerIndexOfTheColumn()
        => Assert.Equal("yes", Branch($"(SELECT COUNT(*) FROM information_schema.STATISTICS WHERE table_name = 'Teams' AND {Here} AND column_name = 'Name') = 2"));

    [Fact]
    public void Statistics_OfAForeignKeysColumn_IsUndecided()
    {
        var finding = Undecided($"EXISTS(SELECT 1 FROM information_schema.STATISTICS WHERE table_name = 'Members' AND {Here} AND column_name = 'TeamId')");
        Assert.Contains("foreign key fk_team", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb, "fk_team", null)]
    [InlineData(SqlDialect.MariaDb, "TeamId", null)]
    [InlineData(SqlDialect.MariaDb, "other_name", "no")]
    [InlineData(SqlDialect.MySql, "other_name", "no")]
    public void Statistics_ByIndexName_OnATableWithAForeignKey_IsDecidedUnlessItMayNameItsIndex(SqlDialect dialect, string index, string? branch)
    {
        var test = $"EXISTS(SELECT 1 FROM information_schema.STATISTICS WHERE table_name = 'Members' AND {Here} AND index_name = '{index}')";
        if (branch is null) Assert.Contains("foreign key fk_team", Undecided(test, dialect).Message, StringComparison.Ordinal);
        else Assert.Equal(branch, Branch(test, dialect));
    }

    [Theory]
    [InlineData("column_name = NULL")]
    [InlineData("column_name != NULL")]
    public void Filters_ComparedWithNull_MatchNoRow(string filter)
        => Assert.Equal("no", Branch($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND {filter}) > 0"));

    [Theory]
    [InlineData("Teams", "UNIQUE", "yes")]
    [InlineData("Teams", "unique ", "yes")]
    [InlineData("Teams", "PRIMARY KEY", "yes")]
    [InlineData("Teams", "CHECK", "yes")]
    [InlineData("Teams", "FOREIGN KEY", "no")]
    [InlineData("Members", "FOREIGN KEY", "yes")]
    [InlineData("Members", "UNIQUE", "no")]
    [InlineData("Members", "CHECK", "no")]
    public void TableConstraints_ByType_AreDecided(string table, string type, string branch)
        => Assert.Equal(branch, Branch($"(SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE table_name = '{table}' AND {Here} AND constraint_type = '{type}') > 0"));

    [Theory]
    [InlineData("table_name = 'Teams'", "yes")]
    [InlineData("table_name = 'Team'", "no")]
    [InlineData("table_name = 'Teams' AND column_name = 'Name' AND is_nullable = 'YES'", "yes")]
    [InlineData("table_name = 'Teams' AND column_name = 'Id' AND is_nullable = 'yes'", "no")]
    [InlineData("table_name = 'Teams' AND column_name = 'Id' AND is_nullable != 'YES'", "yes")]
    public void Columns_ByTableAloneOrNullability_AreDecided(string filters, string branch)
        => Assert.Equal(branch, Branch($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE {filters} AND {Here}) > 0"));

    [Theory]
    [InlineData("Body", "column_type != 'text'", "no")]
    [InlineData("Body", "column_type != 'TEXT'", "no")]
    [InlineData("Name", "column_type != 'text'", "yes")]
    [InlineData("Name", "column_type = 'varchar(64)'", "yes")]
    [InlineData("Kind", "column_type != 'ENUM(\"D\", \"O\")'", "yes")]
    [InlineData("Kind", "column_type = 'enum(''D'',''O'')'", "yes")]
    [InlineData("Props", "column_type != 'JSON'", "yes")]
    [InlineData("Props", "data_type = 'longtext'", "yes")]
    [InlineData("Count", "column_type = 'int(11)'", "yes")]
    [InlineData("Flag", "data_type != 'tinyint'", "no")]
    public void Columns_ByTypeText_AreDecidedOnMariaDb(string column, string filter, string branch)
        => Assert.Equal(branch, Branch($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND column_name = '{column}' AND {filter}) > 0"));

    [Theory]
    [InlineData("Name", "!= 'varchar(250)'", "yes")]
    [InlineData("Name", "= 'VARCHAR(64)'", "yes")]
    [InlineData("Missing", "!= 'varchar(250)'", "no")]
    public void Columns_TypeAsAValue_IsDecided(string column, string comparison, string branch)
        => Assert.Equal(branch, Branch($"(SELECT column_type FROM Information_Schema.Columns WHERE table_name = 'Teams' AND {Here} AND column_name = '{column}') {comparison}"));

    [Fact]
    public void NotOfAComparisonWithNull_IsStillNotTrue()
        => Assert.Equal("no", Branch($"NOT ((SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND column_name = 'Missing') = 'int')"));

    [Theory]
    [InlineData("Count", "column_type = 'int'", SqlDialect.MySql, "column_type of Teams.Count")]
    [InlineData("Props", "column_type != 'JSON'", SqlDialect.MySql, "column_type of Teams.Props")]
    [InlineData("Body", "column_type != 'TEXT'", SqlDialect.MySql, "MySQL 8 collation")]
    [InlineData("Name", "column_default IS NULL", SqlDialect.MySql, "column_default of Teams.Name")]
    [InlineData("Day", "column_default IS NULL", SqlDialect.MariaDb, "column_default of Teams.Day")]
    [InlineData("Name", "(column_default IS NULL OR table_name = 'Teams')", SqlDialect.MariaDb, "information_schema.COLUMNS by")]
    [InlineData("Name", "character_maximum_length = 64", SqlDialect.MariaDb, "information_schema.COLUMNS by")]
    public void Columns_PropertiesWhoseTextIsNotChecked_AreUndecided(string column, string filter, SqlDialect dialect, string part)
    {
        var finding = Undecided($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND column_name = '{column}' AND {filter}) > 0", dialect);
        Assert.Contains(part, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "column_default IS NOT NULL", "yes")]
    [InlineData("Name", "column_default = 'null'", "yes")]
    [InlineData("Name", "column_default = 0", "yes")]
    [InlineData("Id", "column_default IS NULL", "yes")]
    [InlineData("Zero", "column_default = 0", "yes")]
    [InlineData("Zero", "column_default = '0'", "yes")]
    [InlineData("Id", "(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT != 0)", "yes")]
    [InlineData("Zero", "(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT != 0)", "no")]
    [InlineData("Name", "(column_type != 'varchar' AND data_type != 'varchar' OR is_nullable = 'NO')", "no")]
    public void Columns_ByDefaultOnMariaDb_AreDecided(string column, string filter, string branch)
        => Assert.Equal(branch, Branch($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND column_name = '{column}' AND {filter}) > 0"));

    [Theory]
    [InlineData("Name", "IS NULL", "no")]
    [InlineData("Id", "IS NULL", "yes")]
    [InlineData("Zero", "= 0", "yes")]
    [InlineData("Name", "= 0", "yes")]
    public void Columns_DefaultAsAValue_IsDecidedOnMariaDb(string column, string comparison, string branch)
        => Assert.Equal(branch, Branch($"(SELECT Column_Default FROM Information_Schema.Columns WHERE table_name = 'Teams' AND {Here} AND column_name = '{column}') {comparison}"));

    [Fact]
    public void Columns_SharedTypeText_IsDecidedOnMySqlToo()
        => Assert.Equal("no", Branch($"(SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 'Teams' AND {Here} AND column_name = 'Body' AND column_type != 'text') > 0", SqlDialect.MySql));
}
