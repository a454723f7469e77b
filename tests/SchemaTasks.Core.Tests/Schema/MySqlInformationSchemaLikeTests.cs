using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// LIKE filters over information_schema in procedures and SET conditions (an ENUM's column_type
/// tested for a value before it is widened): decided on the column_type text checked against
/// MariaDB, under its case-insensitive collation; a cell whose text is not known, or an ESCAPE
/// clause, stays undecided.
/// </summary>
public class MySqlInformationSchemaLikeTests
{
    private static string Widen(string table) => $"""
        {table}
        DELIMITER $$
        CREATE PROCEDURE widen(IN tbl varchar(64))
        BEGIN
          DECLARE n INT DEFAULT 0;
          SELECT COUNT(*) INTO n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = tbl AND column_name = 'st' AND column_type LIKE '%''c''%';
          IF n = 0 THEN
            SET @s = CONCAT('ALTER TABLE ', tbl, ' MODIFY st enum(''a'',''b'',''c'') NOT NULL DEFAULT ''a''');
            PREPARE stmt FROM @s; EXECUTE stmt; DEALLOCATE PREPARE stmt;
          END IF;
        END $$
        DELIMITER ;
        CALL widen('t');
        """;

    private static string[] Values(Catalog catalog) => catalog.FindTable(My("t"))!.FindColumn("st", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray();

    [Theory]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, st enum('a','b') NOT NULL DEFAULT 'a');", new[] { "a", "b", "c" })]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, st enum('a','c') NOT NULL DEFAULT 'a');", new[] { "a", "c" })]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, st enum('a','C') NOT NULL DEFAULT 'a');", new[] { "a", "C" })]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, st enum('a','cc') NOT NULL DEFAULT 'a');", new[] { "a", "b", "c" })]
    public void A_like_on_column_type_is_decided_on_the_servers_text(string table, string[] values)
    {
        var catalog = Clean(Widen(table), SqlDialect.MariaDb);
        Assert.Equal(values, Values(catalog));
    }

    [Theory]
    [InlineData("'%''c''%' ESCAPE '!'", "LIKE ... ESCAPE")]
    public void A_like_that_is_not_read_stays_undecided(string pattern, string named)
    {
        var sql = Widen("CREATE TABLE t (id int PRIMARY KEY, st enum('a','b') NOT NULL DEFAULT 'a');").Replace("'%''c''%'", pattern, StringComparison.Ordinal);
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains(named, finding.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], Values(catalog));
    }

    [Theory]
    [InlineData("abc", "a%", true)]
    [InlineData("abc", "A_C", true)]
    [InlineData("abc", "a_", false)]
    [InlineData("a%c", "a\\%c", true)]
    [InlineData("abc", "a\\%c", false)]
    [InlineData("enum('a','b')", "%'b'%", true)]
    [InlineData("ab ", "ab", false)]
    [InlineData("", "%", true)]
    public void Like_reads_wildcards_and_escapes(string text, string pattern, bool matches)
        => Assert.Equal(matches, LikeMatcher.Matches(text, pattern, ignoreCase: true));
}
