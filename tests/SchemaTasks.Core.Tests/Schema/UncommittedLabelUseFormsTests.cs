using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The forms of a use of an enum label added in the same transaction beyond a default, a cast, a
/// comparison and INSERT ... VALUES: typed literals, arrays, routine arguments, INSERT ... SELECT
/// and CTEs, LANGUAGE sql bodies; and drizzle's one transaction for every pending migration. Each
/// was checked on PostgreSQL 15
/// (tests/SchemaTasks.Npgsql.Tests/Differential/PostgresUncommittedLabelFormsTests.cs).
/// </summary>
public class UncommittedLabelUseFormsTests
{
    private const string Setup = """
        CREATE TYPE status AS ENUM ('a', 'b');
        CREATE TABLE t (id int, s status, arr status[]);
        CREATE TABLE u (id int, s status, note text);
        CREATE FUNCTION f(x status) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE PROCEDURE p(x status) LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION g(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';

        """;

    private const string Add = "ALTER TYPE status ADD VALUE 'c';\n";

    [Theory]
    [InlineData("SELECT status 'c';", "'c'")]
    [InlineData("SELECT 1 FROM t WHERE s = public.status 'c';", "'c'")]
    [InlineData("UPDATE t SET id = 2 RETURNING 'c'::status;", "'c'")]
    [InlineData("SELECT 1 FROM t WHERE s = ANY ('{a,c}');", "'{a,c}'")]
    [InlineData("SELECT 1 FROM t WHERE s <> ALL ('{c}'::status[]);", "'{c}'")]
    [InlineData("SELECT ARRAY['a', 'c']::status[];", "'c'")]
    [InlineData("SELECT 1 FROM t WHERE arr @> '{c}';", "'{c}'")]
    [InlineData("UPDATE t SET arr = '{a,c}';", "'{a,c}'")]
    [InlineData("INSERT INTO t (id, arr) VALUES (1, '{c}');", "'{c}'")]
    [InlineData("SELECT 1 FROM t WHERE s NOT BETWEEN 'a' AND 'c';", "'c'")]
    [InlineData("SELECT f('c');", "'c'")]
    [InlineData("SELECT public.f(x => 'c');", "'c'")]
    [InlineData("CALL p('c');", "'c'")]
    [InlineData("INSERT INTO t (id, s) SELECT 1, 'c';", "'c'")]
    [InlineData("INSERT INTO t SELECT id, 'c' AS s FROM u;", "'c'")]
    [InlineData("WITH x AS (SELECT 1) INSERT INTO t (id, s) VALUES (1, 'c');", "'c'")]
    [InlineData("WITH x AS (INSERT INTO t (id, s) VALUES (1, 'c') RETURNING 1) SELECT 1;", "'c'")]
    [InlineData("UPDATE t SET s = 'c' FROM u WHERE t.id = u.id;", "'c'")]
    [InlineData("CREATE FUNCTION h() RETURNS SETOF t LANGUAGE sql AS $$ SELECT * FROM t WHERE s = 'c' $$;", "'c'")]
    [InlineData("CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $$ SELECT f('c') $$;", "'c'")]
    [InlineData("CREATE FUNCTION h() RETURNS status LANGUAGE sql BEGIN ATOMIC SELECT 'c'::status; END;", "'c'")]
    [InlineData("CREATE FUNCTION h() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1 FROM t WHERE s = 'c'; END;", "'c'")]
    [InlineData("CREATE FUNCTION h() RETURNS status LANGUAGE sql RETURN 'c'::status;", "'c'")]
    public void A_use_is_an_error_at_its_constant(string use, string constant)
    {
        var text = "-- migrate:up\n" + Add + use + "\n";

        var error = Assert.Single(Build(text));

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelUsed, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Equal((3, use.IndexOf(constant, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT g('c');")]
    [InlineData("SELECT 'c';")]
    [InlineData("SELECT 1 FROM t WHERE s::text = 'c';")]
    [InlineData("INSERT INTO u (id, note) SELECT 1, 'c';")]
    [InlineData("ALTER TYPE status ADD VALUE 'd' AFTER 'c';")]
    [InlineData("CREATE FUNCTION h() RETURNS status LANGUAGE plpgsql AS $$ BEGIN RETURN 'c'::status; END $$;")]
    [InlineData("SET check_function_bodies = off;\nCREATE FUNCTION h() RETURNS status LANGUAGE sql AS $$ SELECT 'c'::status $$;")]
    public void A_constant_the_server_does_not_read_as_the_label_is_not_reported(string use)
    {
        // The control, a cast after it, shows the check still runs there.
        var diagnostics = Build("-- migrate:up\n" + Add + use + "\nSELECT 'c'::status;\n");

        Assert.Equal(DiagnosticCodes.UncommittedEnumLabelUsed, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_argument_of_an_overloaded_function_is_a_warning()
    {
        const string overloads = "CREATE FUNCTION k(x status) RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION k(x text) RETURNS int LANGUAGE sql AS 'SELECT 2';\n";
        var warning = Assert.Single(Build("-- migrate:up\n" + Setup + overloads, "-- migrate:up\n" + Add + "SELECT k('c');\n"));

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRead, DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("k has overloads", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drizzle_warns_of_a_label_an_earlier_migration_added()
    {
        var folder = Drizzle(Setup, Add, "INSERT INTO t (id, s) VALUES (1, 'c');\n");

        var warning = Assert.Single(SchemaEngine.BuildFinal(folder, SqlDialect.Postgres).Diagnostics);

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelOfEarlierMigration, DiagnosticSeverity.Warning, "20240103000000_c/migration.sql", 1), (warning.Code, warning.Severity, warning.File, warning.Line));
        Assert.Contains("20240102000000_b/migration.sql", warning.Message, StringComparison.Ordinal);
        Assert.Contains("runs every pending migration in one transaction", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_layout_commits_each_migration_and_is_not_warned()
    {
        var set = Discover(MigrationLayout.Dbmate, ("1_a.sql", "-- migrate:up\n" + Setup), ("2_b.sql", "-- migrate:up\n" + Add), ("3_c.sql", "-- migrate:up\nINSERT INTO t (id, s) VALUES (1, 'c');\n"));

        Assert.Empty(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);
    }

    private static IReadOnlyList<SchemaDiagnostic> Build(string text)
        => Build("-- migrate:up\n" + Setup, text);

    private static IReadOnlyList<SchemaDiagnostic> Build(string first, string second)
        => SchemaEngine.BuildFinal(Discover(MigrationLayout.Dbmate, ("20240101000000_a.sql", first), ("20240102000000_b.sql", second)), SqlDialect.Postgres).Diagnostics;

    private static MigrationSet Drizzle(params string[] files)
        => Discover(MigrationLayout.Drizzle, files.Select((text, i) => ($"2024010{i + 1}000000_{(char)('a' + i)}/migration.sql", text)).ToArray());

    private static MigrationSet Discover(MigrationLayout layout, params (string Path, string Text)[] files)
    {
        // dbmate refuses a file without a down marker: each gets an empty one.
        var discovered = MigrationDiscovery.Discover(files.Select(f => new MigrationSourceFile(f.Path, layout == MigrationLayout.Dbmate ? f.Text + "\n-- migrate:down\n" : f.Text)).ToList(), layout);
        return discovered.Set ?? throw new InvalidOperationException(string.Join("\n", discovered.Diagnostics));
    }
}
