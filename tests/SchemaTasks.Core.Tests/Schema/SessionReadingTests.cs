using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Session settings that change how the server reads the text after them: MySQL's sql_mode with
/// ANSI_QUOTES ("x" is a name) or NO_BACKSLASH_ESCAPES (a backslash is itself), PostgreSQL's
/// standard_conforming_strings off (a backslash escapes in '...'). The statements after the SET
/// are read as the server reads them (checked on MariaDB 10.11 and PostgreSQL 15), in the same
/// migration and the next ones, read ahead or not; a SET SchemaTasks cannot follow is ST3124 or
/// ST3125 at the SET.
/// </summary>
public class SessionReadingTests
{
    private static string[] EnumLabels(Catalog catalog, string table, string column, SqlDialect dialect)
        => [.. catalog.FindTable(dialect == SqlDialect.Postgres ? Pg(table) : My(table))!.FindColumn(column, dialect)!.InlineValues!.Values];

    [Theory]
    [InlineData("SET sql_mode = 'ANSI_QUOTES';")]
    [InlineData("SET sql_mode = 'ANSI';")]
    [InlineData("SET sql_mode = 'POSTGRESQL,STRICT_TRANS_TABLES';")]
    [InlineData("SET SESSION sql_mode = 'ANSI_QUOTES';")]
    [InlineData("SET LOCAL sql_mode = 'ANSI_QUOTES';")]
    [InlineData("SET @@sql_mode = 'ANSI_QUOTES';")]
    [InlineData("SET @@SESSION.sql_mode := 'ANSI_QUOTES';")]
    [InlineData("SET sql_mode = ANSI_QUOTES;")]
    [InlineData("SET sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES');")]
    [InlineData("SET @m = 'ANSI_QUOTES';\nSET sql_mode = @m;")]
    [InlineData("SET NAMES utf8mb4, sql_mode = 'ANSI_QUOTES';")]
    public void UnderAnsiQuotes_DoubleQuotesMakeNames(string set)
    {
        var (catalog, diagnostics) = Run($"""
            {set}
            CREATE TABLE "t" ("c" int, e ENUM('a', 'b'));
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(My("t"))!.FindColumn("c", SqlDialect.MariaDb));
        Assert.Equal(["a", "b"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void UnderAnsiQuotes_AnEnumOfDoubleQuotedLabels_IsRefused()
    {
        var (catalog, diagnostics) = Run("""
            SET sql_mode = 'ANSI_QUOTES';
            CREATE TABLE t (e ENUM("a", "b"));
            """, SqlDialect.MariaDb);

        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, refusal.Severity);
        Assert.Contains("1064", refusal.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(My("t")));
    }

    [Theory]
    [InlineData("SET sql_mode = DEFAULT;")]
    [InlineData("SET sql_mode = 'STRICT_TRANS_TABLES';")]
    [InlineData("SET sql_mode = '';")]
    [InlineData("SET SESSION sql_mode = REPLACE(@@sql_mode, 'ONLY_FULL_GROUP_BY', '');\nSET sql_mode = 'TRADITIONAL';")]
    [InlineData("SET STATEMENT sql_mode = 'ANSI_QUOTES' FOR SELECT 1;\nSET sql_mode = DEFAULT;")]
    public void BackToAModeWithoutAnsiQuotes_DoubleQuotesMakeStringsAgain(string reset)
    {
        var (catalog, diagnostics) = Run($"""
            SET sql_mode = 'ANSI_QUOTES';
            {reset}
            CREATE TABLE t (e ENUM("a", "b") DEFAULT "b");
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["a", "b"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void MySqlDumpsSavedModeRestored_ReadsAsBefore()
    {
        var (catalog, diagnostics) = Run("""
            /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
            SET sql_mode = 'ANSI_QUOTES';
            CREATE TABLE "a" (id int);
            /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
            CREATE TABLE t (e ENUM("x", "y"));
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(My("a")));
        Assert.Equal(["x", "y"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void UnderNoBackslashEscapes_ABackslashIsItself()
    {
        var (catalog, diagnostics) = Run("""
            SET sql_mode = 'NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES';
            CREATE TABLE t (e ENUM('a\', 'b\n', 'c''d') DEFAULT 'a\');
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["a\\", "b\\n", "c'd"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void ASetInAProcedureBody_IsNotFollowed_AsTheServerRestoresTheCallersMode()
    {
        var (catalog, diagnostics) = Run("""
            CREATE PROCEDURE p () BEGIN SET sql_mode = 'ANSI_QUOTES'; END;
            CALL p();
            CREATE TABLE t (e ENUM("x", "y"));
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["x", "y"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void ASetInAnAnonymousBlock_IsNotFollowed_AsTheServerRestoresTheModeAfterIt()
    {
        var (catalog, diagnostics) = Run("""
            BEGIN NOT ATOMIC SET sql_mode = 'ANSI_QUOTES'; END;
            CREATE TABLE t (e ENUM("x", "y"));
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["x", "y"], EnumLabels(catalog, "t", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void ASetOfTheModeRunByExecute_IsReported_AsItLastsPastTheExecute()
    {
        var (_, diagnostics) = Run("""
            SET @s = 'SET sql_mode = ''ANSI_QUOTES''';
            PREPARE st FROM @s;
            EXECUTE st;
            CREATE TABLE t (e ENUM('x', 'y'));
            """, SqlDialect.MariaDb);

        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SessionReadingUndecided, undecided.Code);
        Assert.Equal(DiagnosticSeverity.Error, undecided.Severity);
    }

    [Theory]
    [InlineData("SET sql_mode = @OLD_SQL_MODE;", 1, 1)]
    [InlineData("SET sql_mode = CONCAT('ANSI', @suffix);", 1, 1)]
    [InlineData("SET sql_mode = REPLACE(@@sql_mode, 'ANSI_QUOTES', '');", 1, 1)]
    [InlineData("SET NAMES utf8mb4, sql_mode = 4;", 1, 1)]
    [InlineData("SET GLOBAL sql_mode = 'ANSI_QUOTES';", 1, 1)]
    [InlineData("SET GLOBAL max_connections = 10, sql_mode = 'NO_BACKSLASH_ESCAPES';", 1, 1)]
    [InlineData("SET foreign_key_checks = 0;\n  SET @@GLOBAL.sql_mode = 'ANSI';", 2, 3)]
    [InlineData("SET PERSIST sql_mode = 'ANSI_QUOTES';", 1, 1)]
    public void AModeSchemaTasksCannotPlace_IsReportedAtTheSet(string set, int line, int column)
    {
        var (_, diagnostics) = Run($"""
            {set}
            CREATE TABLE t (e ENUM('x', 'y'));
            """, SqlDialect.MariaDb);

        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SessionReadingUndecided, undecided.Code);
        Assert.Equal(DiagnosticSeverity.Error, undecided.Severity);
        Assert.Equal((line, column), (undecided.Line, undecided.Column));
    }

    [Fact]
    public void AGlobalModeWithoutTheReadingModes_IsNoFinding()
    {
        var (_, diagnostics) = Run("""
            SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES';
            CREATE TABLE t (e ENUM("x", "y"));
            """, SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void OnMySql_OnlyAnsiAndAnsiQuotesMakeNames()
    {
        var (catalog, diagnostics) = Run("""
            SET sql_mode = 'ANSI';
            CREATE TABLE "t" ("c" int);
            """, SqlDialect.MySql);

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(My("t")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheModeCarriesIntoTheNextMigrations(bool readAhead)
    {
        var (catalog, diagnostics) = RunMigrations(SqlDialect.MariaDb, readAhead, "SET sql_mode = 'ANSI_QUOTES';", "CREATE TABLE \"t\" (\"c\" int);", "SET sql_mode = DEFAULT;", "CREATE TABLE u (e ENUM(\"x\"));");

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(My("t")));
        Assert.Equal(["x"], EnumLabels(catalog, "u", "e", SqlDialect.MariaDb));
    }

    [Fact]
    public void AMigrationTooLongToReadAhead_ThatSetsTheMode_HasTheNextOneReadAgain()
    {
        var data = new StringBuilder();
        while (data.Length < 300 * 1024) data.Append("INSERT INTO a (id) VALUES (1);\n");
        data.Append("SET sql_mode = 'ANSI_QUOTES';\n");

        var (catalog, diagnostics) = RunMigrations(SqlDialect.MariaDb, true, "CREATE TABLE a (id int);", data.ToString(), "CREATE TABLE \"t\" (\"c\" int);");

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(My("t"))!.FindColumn("c", SqlDialect.MariaDb));
    }

    [Theory]
    [InlineData("SET standard_conforming_strings = off;")]
    [InlineData("SET SESSION standard_conforming_strings TO 'off';")]
    [InlineData("SET standard_conforming_strings = false;")]
    [InlineData("SET standard_conforming_strings = 0;")]
    [InlineData("SET standard_conforming_strings = of;")]
    public void WithStandardStringsOff_ABackslashEscapesInAPlainString(string set)
    {
        var (catalog, diagnostics) = Run($"""
            {set}
            CREATE TYPE e AS ENUM ('a\'b', 'c\\d', 'x\ty');
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(["a'b", "c\\d", "x\ty"], catalog.FindEnumType(Pg("e"))!.Labels.ToArray());
    }

    [Theory]
    [InlineData("SET standard_conforming_strings = on;")]
    [InlineData("SET standard_conforming_strings TO DEFAULT;")]
    [InlineData("RESET standard_conforming_strings;")]
    [InlineData("RESET ALL;")]
    public void WithStandardStringsOnAgain_ABackslashIsItself(string reset)
    {
        var (catalog, diagnostics) = Run($"""
            SET standard_conforming_strings = off;
            {reset}
            CREATE TYPE e AS ENUM ('a\', 'b');
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(["a\\", "b"], catalog.FindEnumType(Pg("e"))!.Labels.ToArray());
    }

    [Theory]
    [InlineData("SET LOCAL standard_conforming_strings = off;")]
    [InlineData("SET standard_conforming_strings = 'o';")]
    [InlineData("SELECT set_config('standard_conforming_strings', 'off', false);")]
    public void AStandardStringsChangeSchemaTasksDoesNotFollow_IsReportedAtIt(string set)
    {
        var (_, diagnostics) = Run($"""
            {set}
            CREATE TYPE e AS ENUM ('a', 'b');
            """);

        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.StandardStringsUndecided, undecided.Code);
        Assert.Equal(DiagnosticSeverity.Error, undecided.Severity);
        Assert.Equal((1, 1), (undecided.Line, undecided.Column));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StandardStringsOffCarriesIntoTheNextMigrations(bool readAhead)
    {
        var (catalog, diagnostics) = RunMigrations(SqlDialect.Postgres, readAhead, "SET standard_conforming_strings = off;", "CREATE TYPE e AS ENUM ('a\\'b');");

        Assert.Empty(diagnostics);
        Assert.Equal(["a'b"], catalog.FindEnumType(Pg("e"))!.Labels.ToArray());
    }

    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) RunMigrations(SqlDialect dialect, bool readAhead, params string[] texts)
    {
        var migrations = texts.Select((text, i) => new Migration($"{i + 1}_step", $"{i + 1}", "step", $"{i + 1}_step.sql", "checksum", text)).ToList();
        return SchemaEngine.BuildFinal(new MigrationSet(MigrationLayout.GolangMigrate, dialect, migrations), dialect, readAhead ? ReadAhead.Always : ReadAhead.Never);
    }
}
