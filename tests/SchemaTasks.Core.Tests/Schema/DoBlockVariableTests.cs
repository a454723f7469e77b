using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DO blocks that test the catalog into a boolean variable and guard DDL with it (Mattermost's
/// shape): the variable is followed while the block's text decides it, and an IF that reads one
/// it cannot follow is ST2020 naming the variable.
/// </summary>
public class DoBlockVariableTests
{
    private const string Table = "CREATE TABLE t (id int, name varchar(100));\n";

    private static string Block(string declare, string body)
        => $"DO $$\nDECLARE\n  {declare}\nBEGIN\n  {body}\nEND $$;";

    private static string CountInto(string variable, string column, string comparison = "!= 0", string extra = "")
        => $"SELECT count(*) {comparison} INTO {variable} FROM information_schema.columns WHERE table_name = 't' AND table_schema = current_schema() AND column_name = '{column}'{extra};";

    private static bool Added(Catalog catalog) => catalog.FindTable(Pg("t"))!.FindColumn("added", SqlDialect.Postgres) is not null;

    private static SchemaDiagnostic SingleUndecided(IReadOnlyList<SchemaDiagnostic> diagnostics)
    {
        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, undecided.Code);
        return undecided;
    }

    [Theory]
    [InlineData("name", "!= 0", true)]
    [InlineData("missing", "!= 0", false)]
    [InlineData("name", "<> 0", true)]
    [InlineData("name", "> 0", true)]
    [InlineData("missing", ">= 1", false)]
    [InlineData("name", "= 0", false)]
    [InlineData("missing", "= 0", true)]
    public void A_count_of_catalog_rows_into_a_variable_decides_the_if(string column, string comparison, bool runs)
    {
        var (catalog, diagnostics) = Run(Table + Block("v boolean := false;", CountInto("v", column, comparison) + "\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;"));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("varchar(100)", true)]
    [InlineData("varchar(2000)", false)]
    public void Column_exists_and_not_type_exists_follows_the_type(string type, bool runs)
    {
        var body = CountInto("col_exists", "name") + "\n  " + CountInto("type_exists", "name", extra: " AND data_type = 'character varying' AND character_maximum_length = 2000")
                   + "\n  IF col_exists AND NOT type_exists THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run($"CREATE TABLE t (id int, name {type});\n" + Block("type_exists boolean := false;\n  col_exists boolean := false;", body));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Fact]
    public void Not_data_type_equal_to_a_spelling_the_server_never_shows_is_true()
    {
        var (catalog, diagnostics) = Run(Table + Block("v boolean := false;", CountInto("v", "name", extra: " AND NOT data_type = 'varchar(100)'") + "\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;"));

        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }

    [Theory]
    [InlineData("alter_a OR alter_b", true)]
    [InlineData("alter_a AND alter_b", false)]
    [InlineData("NOT alter_a", true)]
    public void Variables_combine_with_and_or_not(string condition, bool runs)
    {
        var body = CountInto("alter_a", "missing") + "\n  " + CountInto("alter_b", "id", extra: " AND data_type != 'jsonb'")
                   + $"\n  IF {condition} THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run(Table + Block("alter_a boolean := false;\n  alter_b boolean := false;", body));

        Assert.Empty(diagnostics);
        Assert.Equal(runs, Added(catalog));
    }

    [Theory]
    [InlineData("v := EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 't');")]
    [InlineData("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 't') INTO v;")]
    [InlineData("v := to_regclass('t') IS NOT NULL;")]
    public void An_assigned_condition_is_decided_as_an_if_would_decide_it(string assignment)
    {
        var (catalog, diagnostics) = Run(Table + Block("v boolean;", assignment + "\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;"));

        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }

    [Fact]
    public void The_initial_value_decides_when_nothing_sets_the_variable()
    {
        var (catalog, diagnostics) = Run(Table + Block("v boolean := true;", "IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;"));

        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }

    [Theory]
    [InlineData("v boolean := false;", "FOR i IN SELECT id FROM t LOOP v := true; END LOOP;", "v, which is set inside a FOR loop")]
    [InlineData("v boolean := false;", "IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'f') THEN v := true; END IF;", "v, which is set in an IF branch")]
    [InlineData("v boolean := false;", "SELECT true INTO v FROM information_schema.columns WHERE table_name = 't';", "v, which is set by 'SELECT true INTO v")]
    [InlineData("v boolean := false;", "EXECUTE 'SELECT true' INTO v;", "v, which is set by an EXECUTE")]
    [InlineData("v boolean;", "", "v, which is NULL")]
    [InlineData("v text := 'x';", "", "v, which is neither a boolean")]
    [InlineData("v boolean := false;", "SELECT count(*) != 0 INTO v FROM information_schema.columns WHERE table_name = 't' AND numeric_precision = 32;", "v, which is set by 'SELECT count(*)")]
    public void A_variable_not_followed_leaves_the_if_undecided_naming_it(string declare, string body, string named)
    {
        var (catalog, diagnostics) = Run(Table + Block(declare, body + "\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;"));

        Assert.Contains(named, SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Fact]
    public void A_variable_inside_a_query_is_never_taken_for_a_column()
    {
        var body = "SELECT count(*) != 0 INTO v FROM information_schema.columns WHERE table_name = 't' AND column_name = wanted;\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run(Table + Block("wanted text := 'nope';\n  v boolean := false;", body));

        Assert.Contains("the variable wanted in a query", SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Fact]
    public void A_variable_set_from_an_unrolled_loop_variable_is_not_followed()
    {
        var body = "FOR i IN 1..2 LOOP\n    v := EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = i);\n  END LOOP;\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run(Table + Block("v boolean := false;", body));

        Assert.Contains("v, which is set from a loop variable", SingleUndecided(diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Added(catalog));
    }

    [Fact]
    public void A_value_set_before_a_caught_error_stays_as_on_the_server()
    {
        var body = "BEGIN v := true; ALTER TABLE missing ADD COLUMN x int; EXCEPTION WHEN undefined_table THEN NULL; END;\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run(Table + Block("v boolean := false;", body));

        Assert.Empty(diagnostics);
        Assert.True(Added(catalog));
    }

    [Fact]
    public void An_inner_block_variable_shadows_the_outer_one()
    {
        var body = "DECLARE v boolean := true; BEGIN NULL; END;\n  IF v THEN ALTER TABLE t ADD COLUMN added int; END IF;";
        var (catalog, diagnostics) = Run(Table + Block("v boolean := false;", body));

        Assert.Empty(diagnostics);
        Assert.False(Added(catalog));
    }
}
