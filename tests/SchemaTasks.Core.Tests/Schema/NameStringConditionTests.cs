using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// <c>to_regclass</c> and <c>to_regnamespace</c> read their argument as a dotted name list, not
/// as SQL (checked against PostgreSQL 15): whitespace around the dots is allowed, a run of any
/// other characters is one part, and a comment or an empty part is a syntax error the server
/// raises, which fails the DO block. A template left in a name (<c>'/* TEMPLATE: schema */t'</c>)
/// was read as the table <c>t</c> before, and the block's DDL was taken as run.
/// </summary>
public class NameStringConditionTests
{
    private static string Guarded(string condition)
        => $"CREATE TABLE t (id int);\nDO $$\nBEGIN\n  IF {condition} THEN\n    ALTER TABLE t ADD COLUMN found int;\n  END IF;\nEND $$;";

    [Theory]
    [InlineData("to_regclass(' t ') IS NOT NULL", true)]
    [InlineData("to_regclass('public . t') IS NOT NULL", true)]
    [InlineData("to_regclass('\"t\"') IS NOT NULL", true)]
    [InlineData("to_regclass('T') IS NOT NULL", true)]
    [InlineData("to_regclass('\"T\"') IS NOT NULL", false)]
    [InlineData("to_regclass('t-1') IS NOT NULL", false)]
    [InlineData("to_regclass('/*x*/t') IS NOT NULL", false)]
    [InlineData("to_regnamespace(' public ') IS NOT NULL", true)]
    [InlineData("to_regnamespace('/*x*/public') IS NOT NULL", false)]
    public void Names_are_read_as_the_server_reads_them(string condition, bool found)
    {
        var (catalog, diagnostics) = Run(Guarded(condition));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(found, catalog.FindTable(Pg("t"))!.Columns.Any(c => c.Name == "found"));
    }

    [Theory]
    [InlineData("to_regclass('/* TEMPLATE: schema */t') IS NOT NULL", "42602", 4, 18)]
    [InlineData("to_regclass('public.') IS NULL", "42602", 4, 18)]
    [InlineData("to_regclass('') IS NULL", "42602", 4, 18)]
    [InlineData("to_regclass('\"t') IS NULL", "42602", 4, 18)]
    [InlineData("to_regclass('a.b.c.d') IS NULL", "42601", 4, 18)]
    [InlineData("to_regnamespace('a.b') IS NULL", "42602", 4, 22)]
    public void A_string_the_server_refuses_fails_the_block_where_it_is_written(string condition, string sqlState, int line, int column)
    {
        var (catalog, diagnostics) = Run(Guarded(condition));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DoBlockNameRefused, error.Code);
        Assert.Contains(sqlState, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.DoesNotContain(catalog.FindTable(Pg("t"))!.Columns, c => c.Name == "found");
    }

    [Theory]
    [InlineData("invalid_name")]
    [InlineData("others")]
    public void A_handler_that_catches_the_error_runs_instead(string condition)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (id int);\nDO $$\nBEGIN\n  IF to_regclass('/*x*/ t') IS NOT NULL THEN ALTER TABLE t ADD COLUMN found int; END IF;\nEXCEPTION WHEN {condition} THEN ALTER TABLE t ADD COLUMN caught int;\nEND $$;");
        Assert.Empty(diagnostics);
        var columns = catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name).ToList();
        Assert.Contains("caught", columns);
        Assert.DoesNotContain("found", columns);
    }
}
