using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL CREATE TABLE ... AS of one table's columns, unchanged (SELECT *, plain column
/// names, TABLE t): the new table has their names and types in the query's order, every column
/// nullable, with no default and no constraint. Any other query stays ST2011.
/// </summary>
public class PostgresTableCopyTests
{
    private const string Source = """
        CREATE TYPE mood AS ENUM ('ok', 'sad');
        CREATE DOMAIN positive AS int CHECK (VALUE > 0);
        CREATE TABLE src (
            id serial PRIMARY KEY,
            code varchar(64) NOT NULL DEFAULT 'x',
            amount numeric(10,2) CHECK (amount > 0),
            tags int[],
            m mood,
            p positive,
            twice int GENERATED ALWAYS AS (id * 2) STORED,
            "Quoted" text UNIQUE
        );

        """;

    private static readonly string[] AllColumns = ["id", "code", "amount", "tags", "m", "p", "twice", "Quoted"];

    [Theory]
    [InlineData("CREATE TABLE copy AS SELECT * FROM src WHERE id > 0;")]
    [InlineData("CREATE TABLE copy AS SELECT s.* FROM public.src AS s WHERE s.code IN (SELECT code FROM src) ORDER BY id LIMIT 10;")]
    [InlineData("CREATE TABLE IF NOT EXISTS copy AS TABLE src WITH NO DATA;")]
    [InlineData("CREATE TABLE copy AS SELECT src.* FROM src WITH DATA;")]
    public void EveryColumn_IsCopiedWithItsTypeAndNothingElse(string create)
    {
        var (catalog, diagnostics) = Run(Source + create);
        Assert.Empty(diagnostics);
        var source = catalog.FindTable(Pg("src"))!;
        var copy = catalog.FindTable(Pg("copy"))!;
        Assert.Equal(AllColumns, copy.Columns.Select(c => c.Name));
        Assert.Equal(source.Columns.Select(c => c.Type), copy.Columns.Select(c => c.Type));
        Assert.Equal(source.Columns.Select(c => c.TypeReference), copy.Columns.Select(c => c.TypeReference));
        Assert.All(copy.Columns, c => Assert.True(c.IsNullable && c.Default is null));
        Assert.Empty(copy.Checks);
        Assert.Empty(copy.OtherConstraints);
    }

    [Fact]
    public void ListedColumns_AreCopiedInTheQuerysOrder()
    {
        var catalog = Clean(Source + """
            CREATE TABLE copy AS SELECT s.m, "Quoted", code AS label, tags FROM src s;
            ALTER TABLE copy ADD COLUMN extra uuid;
            ALTER TABLE copy ALTER COLUMN label SET NOT NULL;
            """);
        var copy = catalog.FindTable(Pg("copy"))!;
        Assert.Equal(["m", "Quoted", "label", "tags", "extra"], copy.Columns.Select(c => c.Name));
        Assert.Equal(["mood", "text", "character varying(64)", "integer[]", "uuid"], copy.Columns.Select(c => c.Type));
        Assert.False(copy.Columns[2].IsNullable);
    }

    // A copy of one table's columns the engine cannot make is ST2011 where it is written; any other
    // query makes a table of unknown columns, an error (ST3157) once a statement depends on them.
    [Theory]
    [InlineData("CREATE TABLE copy AS SELECT id, id FROM src;", DiagnosticCodes.UnsupportedStatement)] // 42701 on the server.
    [InlineData("CREATE TABLE copy AS SELECT nope FROM src;", DiagnosticCodes.UnsupportedStatement)] // 42703.
    [InlineData("CREATE TABLE copy AS SELECT id || 'a' AS id FROM src;", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE TABLE copy AS SELECT id, version() AS at FROM src;", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE TABLE copy AS SELECT user FROM src;", DiagnosticCodes.QueryShapedTableUsed)] // current_user, whatever columns src has.
    [InlineData("CREATE TABLE copy AS SELECT id FROM src, src AS o;", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE TABLE copy AS SELECT id, lag(id) OVER w || 'a' AS l FROM src WINDOW w AS (ORDER BY id);", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE TABLE copy AS SELECT id FROM src INTERSECT SELECT id FROM src;", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE TABLE copy AS SELECT src.id FROM src s;", DiagnosticCodes.QueryShapedTableUsed)] // 42P01: src is hidden by its alias.
    [InlineData("CREATE TABLE copy AS SELECT * FROM missing;", DiagnosticCodes.UnsupportedStatement)]
    [InlineData("CREATE VIEW v AS SELECT id || 'a' AS id FROM src;\nCREATE TABLE copy AS SELECT * FROM v;", DiagnosticCodes.UnsupportedStatement)]
    [InlineData("CREATE TEMP TABLE src (z int);\nCREATE TABLE copy AS SELECT * FROM src;", DiagnosticCodes.UnsupportedStatement)] // The temporary src.
    [InlineData("CREATE TABLE copy AS TABLE src WHERE id > 0;", DiagnosticCodes.QueryShapedTableUsed)]
    public void AnyOtherQuery_StaysUnmodelled(string create, string code)
    {
        var (catalog, diagnostics) = Run(Source + create + "\nALTER TABLE copy ADD COLUMN extra int;");
        Assert.Equal(code, Assert.Single(diagnostics).Code);
        Assert.Null(catalog.FindTable(Pg("copy")));
    }

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT id || 'a' AS id FROM src;\nCREATE TABLE copy AS SELECT * FROM v;", "v;")]
    public void AnUnmodelledCopy_IsReportedWhereItsQueryIsWritten(string create, string at)
    {
        var (_, diagnostics) = Run(Source + create);
        var lastLine = create.Split('\n')[^1];
        Assert.Equal((Source.Split('\n').Length - 1 + create.Split('\n').Length, lastLine.IndexOf(at, StringComparison.Ordinal) + 1), (Assert.Single(diagnostics).Line, diagnostics[0].Column));
    }

    [Fact]
    public void ATableMadeFromAnotherQuery_IsNoErrorUntilItsColumnsAreUsed()
    {
        var create = "CREATE TABLE copy AS SELECT id || 'a' AS id FROM src UNION SELECT id FROM src;";
        Assert.Empty(Run(Source + create).Diagnostics);
        var (_, diagnostics) = Run(Source + create + "\nCREATE UNIQUE INDEX copy_id ON copy (id);");
        var line = Source.Split('\n').Length;
        Assert.Equal((DiagnosticCodes.QueryShapedTableUsed, line + 1), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        Assert.Contains($"the CREATE TABLE ... AS at m.sql({line},{create.IndexOf("AS SELECT", StringComparison.Ordinal) + 1})", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyOverAnExistingTable_IsRefused()
    {
        var (_, diagnostics) = Run(Source + "CREATE TABLE copy (a int);\nCREATE TABLE copy AS SELECT * FROM src;");
        Assert.Equal(DiagnosticCodes.TableExists, Assert.Single(diagnostics).Code);
    }
}
