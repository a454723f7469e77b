using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Procedures that declare handlers for particular errors (1060 duplicate column, SQLSTATE
/// '42000', ...) around DDL that may fail: the engine knows the number of the error it refuses a
/// statement with where that is certain, so the handler's choice is decided; where it is not, the
/// call is ST2023 naming the handler.
/// </summary>
public class MySqlProcedureHandlerTests
{
    private static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) Call(string table, string body)
        => Run($"""
            {table}
            DELIMITER $$
            CREATE PROCEDURE p()
            BEGIN
            {body}
            END $$
            DELIMITER ;
            CALL p();
            DROP PROCEDURE p;
            """, SqlDialect.MariaDb);

    private static string[] Columns(Catalog catalog) => catalog.FindTable(My("t"))!.Columns.Select(c => c.Name).ToArray();

    private const string WithC = "CREATE TABLE t (id int PRIMARY KEY, c int, KEY k (c));";

    [Theory]
    [InlineData("CONTINUE HANDLER FOR 1060", "ALTER TABLE t ADD c int;", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR SQLSTATE '42S21'", "ALTER TABLE t ADD c int;", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR SQLSTATE VALUE '42000'", "ALTER TABLE t DROP INDEX missing;", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR 1091", "ALTER TABLE t DROP COLUMN missing;", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR 1054", "ALTER TABLE t MODIFY missing int;", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR 1061", "ALTER TABLE t ADD KEY k (id);", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR 1050", "CREATE TABLE t (x int);", new[] { "id", "c", "d" })]
    [InlineData("CONTINUE HANDLER FOR 1060, 1061", "ALTER TABLE t ADD KEY k (id);", new[] { "id", "c", "d" })]
    [InlineData("EXIT HANDLER FOR 1060", "ALTER TABLE t ADD c int;", new[] { "id", "c" })]
    [InlineData("CONTINUE HANDLER FOR 1060", "ALTER TABLE t ADD e int;", new[] { "id", "c", "e", "d" })]
    public void A_handler_for_the_error_the_statement_raises_takes_it(string handler, string statement, string[] columns)
    {
        var (catalog, diagnostics) = Call(WithC, $"  DECLARE {handler} BEGIN END;\n  {statement}\n  ALTER TABLE t ADD d enum('x','y') DEFAULT 'x';");

        Assert.Empty(diagnostics);
        Assert.Equal(columns, Columns(catalog));
    }

    [Theory]
    [InlineData("CONTINUE HANDLER FOR 1060", "ALTER TABLE t DROP COLUMN missing;", DiagnosticCodes.ColumnNotFound)]
    [InlineData("CONTINUE HANDLER FOR SQLSTATE '42S21'", "ALTER TABLE t ADD KEY k (id);", DiagnosticCodes.ConstraintExists)]
    [InlineData("CONTINUE HANDLER FOR NOT FOUND, SQLWARNING", "ALTER TABLE t ADD c int;", DiagnosticCodes.ColumnExists)]
    public void A_handler_for_another_error_leaves_the_failure(string handler, string statement, string code)
    {
        var (catalog, diagnostics) = Call(WithC, $"  DECLARE {handler} BEGIN END;\n  {statement}\n  ALTER TABLE t ADD d int;");

        Assert.Equal(code, Assert.Single(diagnostics).Code);
        Assert.Equal(["id", "c"], Columns(catalog));
    }

    [Fact]
    public void A_handler_for_a_number_does_not_decide_an_error_whose_number_is_not_known()
    {
        var (catalog, diagnostics) = Call(WithC, "  DECLARE CONTINUE HANDLER FOR 1060 BEGIN END;\n  ALTER TABLE missing ADD c int;\n  ALTER TABLE t ADD d int;");

        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, finding.Code);
        Assert.Contains("the handler declared at line 5, which may or may not catch the error of the statement at line 6", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "c"], Columns(catalog));
    }

    [Fact]
    public void An_exit_handler_ends_only_the_block_that_declares_it()
    {
        var body = "  BEGIN\n    DECLARE EXIT HANDLER FOR 1060 BEGIN END;\n    ALTER TABLE t ADD c int;\n    ALTER TABLE t ADD skipped int;\n  END;\n  ALTER TABLE t ADD d int;";
        var (catalog, diagnostics) = Call(WithC, body);

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "c", "d"], Columns(catalog));
    }

    [Fact]
    public void A_handler_declared_in_an_inner_block_is_gone_after_it()
    {
        var body = "  BEGIN\n    DECLARE CONTINUE HANDLER FOR 1060 BEGIN END;\n  END;\n  ALTER TABLE t ADD c int;\n  ALTER TABLE t ADD d int;";
        var (catalog, diagnostics) = Call(WithC, body);

        Assert.Equal(DiagnosticCodes.ColumnExists, Assert.Single(diagnostics).Code);
        Assert.Equal(["id", "c"], Columns(catalog));
    }

    [Fact]
    public void The_most_specific_handler_of_a_block_takes_the_error()
    {
        var body = "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN END;\n  DECLARE CONTINUE HANDLER FOR 1060 BEGIN END;\n  ALTER TABLE t ADD c int;\n  ALTER TABLE t ADD d int;";
        var (catalog, diagnostics) = Call(WithC, body);

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "c", "d"], Columns(catalog));
    }

    [Fact]
    public void An_anonymous_block_takes_handlers_too()
    {
        var (catalog, diagnostics) = Run(WithC + "\nBEGIN NOT ATOMIC\n  DECLARE CONTINUE HANDLER FOR 1060 BEGIN END;\n  ALTER TABLE t ADD c int;\n  ALTER TABLE t ADD d int;\nEND;", SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "c", "d"], Columns(catalog));
    }
}
