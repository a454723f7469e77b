using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Loops over values written in the DO block are run once per value (PlpgsqlLoopValues); any
/// loop whose values, or whose variable, the text does not fix stays ST2020 when it changes
/// the schema. Each unrolled case's outcome was checked on PostgreSQL 15.
/// </summary>
public class DoBlockLoopTests
{
    private const string Tables = "CREATE TABLE script (path text PRIMARY KEY);\nCREATE TABLE flow (path text PRIMARY KEY);\n";

    private static string[] Columns(Catalog catalog, string table) => catalog.FindTable(Pg(table))!.Columns.Select(c => c.Name).ToArray();

    private static SchemaDiagnostic Undecided(string sql)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, error.Code);
        return error;
    }

    [Fact]
    public void ForEach_over_a_constant_array_variable_runs_the_body_once_per_element()
    {
        var catalog = Clean(Tables + """
            DO $do$
            DECLARE
              i text;
              arr text[] := array['script', 'flow'];
            BEGIN
              FOREACH i IN ARRAY arr LOOP
                EXECUTE FORMAT($$ ALTER TABLE %1$I ADD COLUMN extra_perms JSONB NOT NULL DEFAULT '{}'; ALTER TABLE %1$I ADD CONSTRAINT proper_id CHECK (path <> ''); $$, i);
              END LOOP;
            END
            $do$;
            """);
        Assert.Equal(["path", "extra_perms"], Columns(catalog, "script"));
        Assert.Equal(["path", "extra_perms"], Columns(catalog, "flow"));
        Assert.Equal("proper_id", Assert.Single(catalog.FindTable(Pg("flow"))!.Checks).Name);
    }

    [Theory]
    [InlineData("DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow']::text[] LOOP EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD COLUMN z int'; END LOOP; END")]
    [InlineData("DECLARE t text; names text[] := '{script,flow}'; BEGIN FOREACH t IN ARRAY names LOOP EXECUTE format('ALTER TABLE %s ADD COLUMN z int', t); END LOOP; END")]
    [InlineData("DECLARE t varchar; BEGIN FOR t IN SELECT unnest(ARRAY['script', 'flow']) LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END")]
    [InlineData("DECLARE t text; BEGIN FOR t IN SELECT unnest(ARRAY['script', 'flow']) AS name LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END")]
    public void Arrays_written_in_the_block_are_unrolled(string body)
    {
        var catalog = Clean(Tables + $"DO $$ {body} $$;");
        Assert.Equal(["path", "z"], Columns(catalog, "script"));
        Assert.Equal(["path", "z"], Columns(catalog, "flow"));
    }

    [Theory]
    [InlineData("FOR i IN 1..3 LOOP", new[] { "c1", "c2", "c3" })]
    [InlineData("FOR i IN REVERSE 3 .. 1 LOOP", new[] { "c3", "c2", "c1" })]
    [InlineData("FOR i IN 1..5 BY 2 LOOP", new[] { "c1", "c3", "c5" })]
    [InlineData("FOR i IN 2..1 LOOP", new string[0])]
    public void Integer_ranges_are_unrolled(string head, string[] added)
    {
        var catalog = Clean($"CREATE TABLE t (id int);\nDO $$ BEGIN {head} EXECUTE format('ALTER TABLE t ADD COLUMN c%s int', i); END LOOP; END $$;");
        Assert.Equal(["id", .. added], Columns(catalog, "t"));
    }

    [Fact]
    public void Nested_loops_bind_each_variable()
    {
        var catalog = Clean(Tables + "DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow'] LOOP FOR n IN 1..2 LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN %I int', t, t || n); END LOOP; END LOOP; END $$;");
        Assert.Equal(["path", "script1", "script2"], Columns(catalog, "script"));
        Assert.Equal(["path", "flow1", "flow2"], Columns(catalog, "flow"));
    }

    [Theory]
    [InlineData("DECLARE t text; arr text[] := ARRAY['script']; BEGIN arr := arr || 'flow'; FOREACH t IN ARRAY arr LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END", "may assign the array variable arr")]
    [InlineData("DECLARE t text; arr text[] := ARRAY['script']; BEGIN SELECT array_agg(tablename) INTO arr FROM pg_tables; FOREACH t IN ARRAY arr LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END", "may assign the array variable arr")]
    [InlineData("DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow'] LOOP t := 'flow'; EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END", "may assign the loop variable t")]
    [InlineData("DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow'] LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); EXIT WHEN t = 'script'; END LOOP; END", "EXIT")]
    [InlineData("DECLARE t text; arr text[] := (SELECT array_agg(tablename) FROM pg_tables); BEGIN FOREACH t IN ARRAY arr LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END", "not constants written in the block")]
    [InlineData("DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', NULL] LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END LOOP; END", "not constants written in the block")]
    [InlineData("DECLARE t regclass; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow'] LOOP EXECUTE format('ALTER TABLE %s ADD COLUMN z int', t); END LOOP; END", "declared regclass")]
    [InlineData("DECLARE r record; BEGIN FOR r IN SELECT unnest(ARRAY['script', 'flow']) LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN z int', r.unnest); END LOOP; END", "declared record")]
    [InlineData("DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY[1e3] LOOP EXECUTE format('ALTER TABLE script ADD COLUMN c%s int', t); END LOOP; END", "not constants written in the block")]
    [InlineData("BEGIN FOR i IN 1..3000000000 LOOP EXECUTE format('ALTER TABLE script ADD COLUMN c%s int', i); END LOOP; END", "depends on the data")]
    [InlineData("BEGIN FOR i IN 1..1001 LOOP EXECUTE format('ALTER TABLE script ADD COLUMN c%s int', i); END LOOP; END", "more than the 1000")]
    [InlineData("BEGIN FOR i IN 1..600 LOOP EXECUTE 'SELECT 1'; END LOOP; FOR i IN 1..600 LOOP EXECUTE format('ALTER TABLE script ADD COLUMN c%s int', i); END LOOP; END", "with the loops before it")]
    public void Loops_whose_values_the_text_does_not_fix_are_undecided(string body, string reason)
    {
        var error = Undecided(Tables + $"DO $$ {body} $$;");
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_on_the_loop_variable_is_not_decided()
    {
        // Read as SQL, "table_name = t" would compare with a column named t; on the server it is the variable.
        var error = Undecided(Tables + "DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script'] LOOP IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = t AND column_name = 'z') THEN EXECUTE format('ALTER TABLE %I ADD COLUMN z int', t); END IF; END LOOP; END $$;");
        Assert.Contains("the loop variable it tests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_over_constants_that_changes_nothing_is_quiet()
        => Clean(Tables + "DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['a', 'b'] LOOP RAISE NOTICE '%', t; END LOOP; END $$;");
}
