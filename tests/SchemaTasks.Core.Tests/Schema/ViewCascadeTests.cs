using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A DROP ... CASCADE takes exactly the views that depend on what it drops, and those that
/// depend on them (checked on PostgreSQL 15); every other view stays known, so a later change
/// to a column it uses is still refused (ST3050). Where a view may depend on what is dropped
/// through something its recorded uses do not hold (a routine it calls, a type it names, a
/// primary key its GROUP BY leans on), it is marked perhaps dropped: an existence test on it is
/// not decided, and it no longer makes the engine refuse anything.
/// </summary>
public class ViewCascadeTests
{
    private const string Tables = """
        CREATE SCHEMA app;
        CREATE TABLE other (id int PRIMARY KEY, x int);
        CREATE TABLE app.elsewhere (id int PRIMARY KEY, y int);
        CREATE TABLE t (id int PRIMARY KEY, c int, d int, name text);
        CREATE VIEW keeps AS SELECT c FROM t;
        """;

    // Whether view `name` exists after `sql`, as an existence test in a DO block decides it (null: not decided).
    private static bool? Exists(string sql, string name)
    {
        var guarded = $"{sql}\nDO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM pg_class WHERE relname = '{name}') THEN\n    ALTER TABLE t ADD COLUMN found int;\n  END IF;\nEND $$;";
        var (catalog, diagnostics) = Run(guarded);
        if (diagnostics.Any(d => d.Code == DiagnosticCodes.UndecidableDoBlock)) return null;
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return catalog.FindTable(Pg("t"))!.Columns.Any(c => c.Name == "found");
    }

    // The ST3050 refusals of `change` after `sql`.
    private static List<string> Refusals(string sql, string change)
        => [.. Run(sql + "\n" + change).Diagnostics.Where(d => d.Code == DiagnosticCodes.ViewDependsOnColumn).Select(d => d.Message)];

    [Theory]
    [InlineData("DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW on_other AS SELECT x FROM other;\nDROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW on_other AS SELECT x FROM other;\nALTER TABLE other DROP COLUMN x CASCADE;")]
    [InlineData("CREATE VIEW on_app AS SELECT y FROM app.elsewhere;\nDROP SCHEMA app CASCADE;")]
    [InlineData("CREATE VIEW on_other AS SELECT x FROM other;\nDROP VIEW on_other CASCADE;")]
    [InlineData("CREATE MATERIALIZED VIEW m AS SELECT x FROM other;\nDROP MATERIALIZED VIEW m CASCADE;")]
    [InlineData("CREATE SEQUENCE s;\nCREATE VIEW on_s AS SELECT last_value FROM s;\nDROP SEQUENCE s CASCADE;")]
    [InlineData("CREATE TYPE mood AS ENUM ('a');\nALTER TABLE other ADD COLUMN m mood;\nDROP TYPE mood CASCADE;")]
    [InlineData("ALTER TABLE other DROP CONSTRAINT other_pkey CASCADE;")]
    [InlineData("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW calls AS SELECT f(x) FROM other;\nDROP FUNCTION f(int) CASCADE;")]
    public void AViewTheCascadeDoesNotTake_StillGuardsItsColumns(string cascade)
    {
        // Before, any DROP ... CASCADE left every view perhaps dropped, and this DROP COLUMN was accepted.
        var refusal = Assert.Single(Refusals(Tables + cascade, "ALTER TABLE t DROP COLUMN c;"));
        Assert.Contains("view keeps,", refusal, StringComparison.Ordinal);
        Assert.True(Exists(Tables + cascade, "keeps"));
    }

    [Theory]
    [InlineData("CREATE VIEW gone AS SELECT x FROM other;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW gone AS SELECT t.c FROM t WHERE EXISTS (SELECT 1 FROM other);", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE MATERIALIZED VIEW gone AS SELECT id FROM other;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW app.gone AS SELECT x FROM public.other;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW first AS SELECT x FROM other;\nCREATE VIEW second AS SELECT x FROM first;\nCREATE VIEW gone AS SELECT * FROM second;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW first AS SELECT x FROM other;\nCREATE VIEW gone AS SELECT f.x, t.d FROM t, first f;", "DROP VIEW first CASCADE;")]
    [InlineData("CREATE VIEW gone AS SELECT * FROM other;", "ALTER TABLE other DROP COLUMN x CASCADE;")]
    [InlineData("CREATE VIEW first AS SELECT x FROM other;\nCREATE VIEW gone AS SELECT x FROM first;", "ALTER TABLE other DROP COLUMN x CASCADE;")]
    [InlineData("CREATE VIEW gone AS SELECT y FROM app.elsewhere;", "DROP SCHEMA app CASCADE;")]
    [InlineData("CREATE VIEW app.inside AS SELECT 1 AS one;\nCREATE VIEW gone AS SELECT one FROM app.inside;", "DROP SCHEMA app CASCADE;")]
    [InlineData("CREATE TYPE mood AS ENUM ('a');\nALTER TABLE other ADD COLUMN m mood;\nCREATE VIEW gone AS SELECT x FROM other WHERE m = 'a';", "DROP TYPE mood CASCADE;")]
    [InlineData("CREATE SEQUENCE s;\nCREATE VIEW gone AS SELECT last_value FROM s;", "DROP SEQUENCE s CASCADE;")]
    [InlineData("CREATE VIEW first AS SELECT x FROM other;\nALTER VIEW first RENAME TO renamed;\nCREATE VIEW gone AS SELECT x FROM renamed;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW first AS SELECT y FROM app.elsewhere;\nALTER VIEW first SET SCHEMA app;\nCREATE VIEW gone AS SELECT y FROM app.first;\nALTER SCHEMA app RENAME TO moved;", "DROP TABLE moved.elsewhere CASCADE;")]
    public void AViewThatDependsOnWhatIsDropped_IsGone(string views, string cascade)
    {
        var sql = Tables + views + "\n" + cascade;
        Assert.False(Exists(sql, "gone"));
        Assert.True(Exists(sql, "keeps")); // Reads nothing the cascade drops.

        // Its name is free again, and the view made under it is the one the engine guards.
        var again = sql + "\nCREATE VIEW gone AS SELECT d FROM t;";
        Assert.Empty(Run(again).Diagnostics);
        Assert.Contains("view gone,", Assert.Single(Refusals(again, "ALTER TABLE t DROP COLUMN d;")), StringComparison.Ordinal);
    }

    [Fact]
    public void DropColumnCascade_TakesOnlyTheViewsThatUseThatColumn()
    {
        var sql = Tables + """
            CREATE VIEW uses_c AS SELECT id, c FROM t;
            CREATE VIEW uses_d AS SELECT id, d FROM t;
            CREATE VIEW on_uses_d AS SELECT d FROM uses_d;
            ALTER TABLE t DROP COLUMN c CASCADE;
            """;
        Assert.False(Exists(sql, "uses_c"));
        Assert.False(Exists(sql, "keeps"));
        Assert.True(Exists(sql, "uses_d"));
        var refusals = Refusals(sql, "ALTER TABLE t DROP COLUMN d;");
        Assert.Contains(refusals, r => r.Contains("view uses_d,", StringComparison.Ordinal) || r.Contains("view on_uses_d,", StringComparison.Ordinal));
    }

    [Theory]
    // A view calling a routine the cascade drops, where another schema has a routine of the name: which one it calls is not resolved.
    [InlineData("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE FUNCTION app.f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW unsure AS SELECT f(c) FROM t;", "DROP FUNCTION f(int) CASCADE;")]
    // A routine whose arguments use a dropped table's row type goes with the table (PostgreSQL 15).
    [InlineData("CREATE FUNCTION g(other) RETURNS int LANGUAGE sql AS 'select 1';\nCREATE VIEW unsure AS SELECT g(NULL) AS a, c FROM t;", "DROP TABLE other CASCADE;")]
    // A cast to a dropped type, a regclass constant.
    [InlineData("CREATE TYPE mood AS ENUM ('a');\nCREATE VIEW unsure AS SELECT 'a'::mood AS a, c FROM t;", "DROP TYPE mood CASCADE;")]
    [InlineData("CREATE SEQUENCE s;\nCREATE VIEW unsure AS SELECT nextval('s') AS a, c FROM t;", "DROP SEQUENCE s CASCADE;")]
    // GROUP BY the primary key lets the view use the table's other columns.
    [InlineData("CREATE VIEW unsure AS SELECT id, c FROM t GROUP BY id;", "ALTER TABLE t DROP CONSTRAINT t_pkey CASCADE;")]
    // A relation the engine does not know dropped by name.
    [InlineData("CREATE VIEW unsure AS SELECT u.a, t.c FROM t, unknown_view u;", "DROP VIEW IF EXISTS unknown_view CASCADE;")]
    [InlineData("CREATE VIEW unsure AS SELECT m.a, t.c FROM t, app.made_unread m;", "DROP SCHEMA app CASCADE;")]
    // A function of a dropped schema.
    [InlineData("CREATE VIEW unsure AS SELECT app.f(c) FROM t;", "DROP SCHEMA app CASCADE;")]
    // A view reading a view that is perhaps dropped is perhaps dropped too.
    [InlineData("CREATE FUNCTION lower(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW first AS SELECT lower(c) AS a, c FROM t;\nCREATE VIEW unsure AS SELECT a, c FROM first;", "DROP FUNCTION lower(int) CASCADE;")]
    public void AViewThatMayDependThroughWhatIsNotRecorded_IsPerhapsDropped(string views, string cascade)
    {
        var sql = Tables + views + "\n" + cascade;
        Assert.Null(Exists(sql, "unsure"));
        Assert.True(Exists(sql, "keeps"));
        Assert.DoesNotContain(Refusals(sql, "ALTER TABLE t DROP COLUMN c;"), r => r.Contains("view unsure,", StringComparison.Ordinal) || r.Contains("view first,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW first AS SELECT f(c) AS a, c FROM t;\nCREATE VIEW gone AS SELECT a, c FROM first;", "DROP FUNCTION f(int) CASCADE;")]
    [InlineData("CREATE FUNCTION app.f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW first AS SELECT app.f(c) AS a, c FROM t;\nCREATE VIEW gone AS SELECT a, c FROM first;", "DROP FUNCTION app.f CASCADE;")]
    public void AViewThatSurelyCallsTheDroppedFunction_GoesWithIt_AndTheViewsThatReadIt(string views, string cascade)
    {
        var sql = Tables + views + "\n" + cascade;
        Assert.False(Exists(sql, "first"));
        Assert.False(Exists(sql, "gone"));
        Assert.True(Exists(sql, "keeps"));
    }

    [Theory]
    [InlineData("ALTER TABLE t ADD CONSTRAINT t_d_key UNIQUE (d);\nCREATE VIEW grouped AS SELECT d, count(*) FROM t GROUP BY d;", "ALTER TABLE t DROP CONSTRAINT t_d_key CASCADE;")]
    [InlineData("CREATE VIEW grouped AS SELECT c, count(*) FROM t GROUP BY c;", "DROP TABLE other CASCADE;")]
    [InlineData("CREATE VIEW grouped AS SELECT lower(name) AS n, count(*) FROM t GROUP BY 1;", "DROP TYPE IF EXISTS nothing CASCADE;")]
    public void WhatTheCascadeCannotReachThroughIt_LeavesAViewKnown(string views, string cascade)
        => Assert.True(Exists(Tables + views + "\n" + cascade, "grouped"));

    [Fact]
    public void DroppingAViewAnotherReads_WithoutCascade_IsRefusedNamingTheReader()
    {
        var refusals = Refusals(Tables + "\nCREATE VIEW on_keeps AS SELECT c FROM keeps;", "DROP VIEW keeps;");

        var refusal = Assert.Single(refusals);
        Assert.Contains("PostgreSQL refuses to drop keeps: view on_keeps, created at m.sql(6,1), reads it (SQLSTATE 2BP01", refusal, StringComparison.Ordinal);
        Assert.True(Exists(Tables + "\nCREATE VIEW on_keeps AS SELECT c FROM keeps;\nDROP VIEW keeps, on_keeps;", "keeps") == false);
    }
}
