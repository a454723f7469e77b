using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DO blocks that count catalog rows and run DDL when the count is zero: a count selected into an
/// integer variable, FOUND after PERFORM or SELECT ... INTO, and a count subquery compared with 0.
/// What only the data or a comparison with another number could tell stays ST2020.
/// </summary>
public class DoBlockCountTests
{
    private const string Table = "CREATE TABLE t (id int, name varchar(100));\nCREATE TYPE mood AS ENUM ('a');\n";

    private static string Block(string declare, string body)
        => $"DO $$\nDECLARE\n  {declare}\nBEGIN\n  {body}\nEND $$;";

    private static string CountInto(string column)
        => $"SELECT count(*) INTO n FROM information_schema.columns WHERE table_name = 't' AND column_name = '{column}';";

    private const string AddColumn = "ALTER TABLE t ADD COLUMN added int;";

    private static bool Added(Catalog catalog) => catalog.FindTable(Pg("t"))!.FindColumn("added", SqlDialect.Postgres) is not null;

    private static SchemaDiagnostic SingleUndecided(IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, undecided.Code);
        return undecided;
    }

    [Theory]
    [InlineData("name", "n = 0", false)]
    [InlineData("missing", "n = 0", true)]
    [InlineData("name", "n > 0", true)]
    [InlineData("name", "n <> 0", true)]
    [InlineData("missing", "n != 0", false)]
    [InlineData("name", "n >= 1", true)]
    [InlineData("missing", "n < 1", true)]
    [InlineData("name", "n <= 0", false)]
    [InlineData("missing", "n = 0 AND EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood')", true)]
    public void A_count_into_an_integer_compared_with_zero_decides_the_if(string column, string condition, bool runs)
    {
        var (catalog, diagnostics) = Run(Table + Block("n int;", CountInto(column) + $"\n  IF {condition} THEN {AddColumn} END IF;"));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("n bigint := 0;", "", true)]
    [InlineData("n integer;", "SELECT count(1) INTO n FROM pg_type WHERE typname = 'mood';", false)]
    [InlineData("n int := 0;", "n := 0;", true)]
    public void Other_integer_spellings_and_zero_are_followed(string declare, string body, bool runs)
    {
        var (catalog, diagnostics) = Run(Table + Block(declare, body + $"\n  IF n = 0 THEN {AddColumn} END IF;"));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("n int;", "", "IF n = 0", "n, an integer, which is NULL")]
    [InlineData("n int := 0;", "SELECT count(*) INTO n FROM information_schema.columns WHERE table_name = 't';", "IF n = 1", "n, an integer other than compared with 0")]
    [InlineData("n int := 0;", "SELECT count(*) INTO n FROM t;", "IF n = 0", "n, an integer, which is set by 'SELECT count(*) INTO n FROM t'")]
    [InlineData("n int := 0;", "n := n + 1;", "IF n > 0", "n, an integer, which is set by 'n := n + 1'")]
    [InlineData("n int := 0;", "SELECT count(*) INTO n FROM information_schema.columns WHERE table_name = 't';", "IF n", "n, an integer other than compared with 0")]
    [InlineData("n int := 0;", "SELECT max(id) INTO n FROM information_schema.columns WHERE table_name = 't';", "IF n = 0", "n, an integer, which is set by 'SELECT max(id)")]
    [InlineData("n numeric := 0;", "", "IF n = 0", "n, which is neither a boolean")]
    public void A_count_not_followed_leaves_the_if_undecided_naming_it(string declare, string body, string condition, string named)
    {
        var (catalog, diagnostics) = Run(Table + Block(declare, body + $"\n  {condition} THEN {AddColumn} END IF;"));

        Assert.Contains(named, SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Theory]
    [InlineData("PERFORM 1 FROM pg_type WHERE typname = 'mood';", "NOT FOUND", false)]
    [InlineData("PERFORM 1 FROM pg_type WHERE typname = 'other';", "NOT FOUND", true)]
    [InlineData("PERFORM * FROM information_schema.columns WHERE table_name = 't' AND column_name = 'name';", "FOUND", true)]
    [InlineData("SELECT typname INTO v FROM pg_type WHERE typname = 'other';", "NOT FOUND", true)]
    [InlineData("SELECT typname INTO v FROM pg_type WHERE typname = 'mood';", "NOT FOUND", false)]
    [InlineData("SELECT count(*) INTO n FROM pg_type WHERE typname = 'other';", "FOUND", true)]
    [InlineData("", "FOUND", false)]
    [InlineData("PERFORM 1 FROM pg_type WHERE typname = 'other'; ALTER TABLE t ADD COLUMN other int; EXECUTE 'SELECT 1';", "NOT FOUND", true)]
    [InlineData("PERFORM 1 FROM pg_type WHERE typname = 'mood'; FOREACH v IN ARRAY ARRAY['x'] LOOP NULL; END LOOP;", "FOUND", true)]
    public void Found_after_perform_or_select_into_decides_the_if(string body, string condition, bool runs)
    {
        var (catalog, diagnostics) = Run(Table + Block("v text;\n  n int;", body + $"\n  IF {condition} THEN {AddColumn} END IF;"));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("UPDATE t SET id = 1;", "'UPDATE t SET id = 1'")]
    [InlineData("PERFORM count(*) FROM pg_type WHERE typname = 'x';", "'PERFORM count(*)")]
    [InlineData("PERFORM 1 FROM t;", "'PERFORM 1 FROM t'")]
    [InlineData("FOR v IN SELECT typname FROM pg_type LOOP NULL; END LOOP;", "FOUND, which is set inside a FOR loop")]
    [InlineData("IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'f') THEN PERFORM 1 FROM pg_type WHERE typname = 'mood'; END IF;", "FOUND, which is set in an IF branch")]
    public void Found_set_by_what_is_not_decided_leaves_the_if_undecided(string body, string named)
    {
        var (catalog, diagnostics) = Run(Table + Block("v text;", body + $"\n  IF NOT FOUND THEN {AddColumn} END IF;"));

        Assert.Contains(named, SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Theory]
    [InlineData("(SELECT count(*) FROM pg_type WHERE typname = 'other') = 0", true)]
    [InlineData("(SELECT count(*) FROM pg_type WHERE typname = 'mood') = 0", false)]
    [InlineData("(SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'name') > 0", true)]
    [InlineData("NOT (SELECT count(*) FROM pg_type WHERE typname = 'mood') <> 0", false)]
    public void A_count_subquery_compared_with_zero_decides_the_if(string condition, bool runs)
    {
        var (catalog, diagnostics) = Run(Table + $"DO $$ BEGIN IF {condition} THEN {AddColumn} END IF; END $$;");

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("(SELECT count(*) FROM pg_type WHERE typname = 'other') = 2", "a count of rows other than compared with 0")]
    [InlineData("(SELECT count(*) FROM t) = 0", "a test on t")]
    public void A_count_subquery_not_decided_is_reported(string condition, string named)
    {
        var (catalog, diagnostics) = Run(Table + $"DO $$ BEGIN IF {condition} THEN {AddColumn} END IF; END $$;");

        Assert.Contains(named, SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }
}
