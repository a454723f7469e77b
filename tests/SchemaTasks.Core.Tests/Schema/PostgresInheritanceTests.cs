using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE ... INHERITS</c> of tracked tables, what the engine does not follow
/// after it (reported, the children left out), and <c>COMMENT ON</c> a missing table, column or
/// constraint. The server's side of each is in the Npgsql project's differential tests.
/// </summary>
public sealed class PostgresInheritanceTests
{
    private const string BuildEvents = """
        CREATE TABLE build_events (build_id integer, type varchar(32) NOT NULL, payload text NOT NULL, event_id integer NOT NULL DEFAULT 0, CONSTRAINT ev_pos CHECK (event_id >= 0), PRIMARY KEY (build_id, event_id));
        """;

    [Fact]
    public void AChildOfATrackedTable_TakesItsColumnsAndChecks_ButNotItsKeys()
    {
        var catalog = Clean(BuildEvents + "CREATE TABLE check_build_events (note text, payload text DEFAULT '') INHERITS (build_events);");
        var child = catalog.Tables[Pg("check_build_events")];
        Assert.Equal(["build_id", "type", "payload", "event_id", "note"], child.Columns.Select(c => c.Name));
        Assert.Equal(("character varying(32)", false), (child.Columns[1].Type, child.Columns[1].IsNullable));
        Assert.Equal(("''", false), (child.Columns[2].Default, child.Columns[2].IsNullable));
        Assert.Equal("0", child.Columns[3].Default);
        Assert.False(child.Columns[0].IsNullable); // NOT NULL from the parent's primary key.
        Assert.Equal(["ev_pos"], child.Checks.Select(c => c.Name));
        Assert.Empty(child.OtherConstraints);
    }

    [Fact]
    public void AParentTheMigrationsDoNotCreate_IsReportedWithAdviceThatHelps()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE c (a int) INHERITS (elsewhere);\nALTER TABLE c ADD COLUMN b int;");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 1), (error.Code, error.Line));
        Assert.Contains("declaring the columns in the child does not help", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Tables);
    }

    [Fact]
    public void AParentsChangeThatReachesItsChildren_IsFollowedInEach()
    {
        var catalog = Clean(BuildEvents + "CREATE TABLE c () INHERITS (build_events);\nCREATE TABLE g () INHERITS (c);\nALTER TABLE build_events ADD COLUMN extra int;\nALTER TABLE g ADD COLUMN more int;");
        Assert.Equal([Pg("build_events"), Pg("c"), Pg("g")], catalog.Tables.Keys.Order());
        Assert.Equal("extra", catalog.Tables[Pg("c")].Columns[^1].Name);
        Assert.Equal(["extra", "more"], catalog.Tables[Pg("g")].Columns[^2..].Select(c => c.Name));
    }

    [Fact]
    public void AParentsKeyOrRename_StaysInTheParent_AndTheChildFollowsTheNewName()
    {
        var catalog = Clean(BuildEvents + "CREATE TABLE c () INHERITS (build_events);\nALTER TABLE build_events ADD CONSTRAINT u UNIQUE (payload);\nALTER TABLE build_events RENAME TO events;\nDROP TABLE events CASCADE;");
        Assert.Empty(catalog.Tables);
    }

    [Theory]
    [InlineData("COMMENT ON COLUMN \"public\".\"param\".\"required\" IS 'x';", DiagnosticCodes.ColumnNotFound, 2, 36)]
    [InlineData("COMMENT ON TABLE nope IS 'x';", DiagnosticCodes.TableNotFound, 2, 18)]
    [InlineData("COMMENT ON COLUMN nope.is_required IS 'x';", DiagnosticCodes.TableNotFound, 2, 19)]
    [InlineData("COMMENT ON CONSTRAINT nope ON param IS 'x';", DiagnosticCodes.ConstraintNotFound, 2, 23)]
    public void ACommentOnWhatDoesNotExist_IsReportedAtItsName(string comment, string code, int line, int column)
    {
        var (_, diagnostics) = Run("CREATE TABLE \"public\".\"param\" (\"id\" varchar(128) PRIMARY KEY, \"is_required\" int2 NOT NULL);\n" + comment);
        var found = Assert.Single(diagnostics);
        Assert.Equal((code, line, column), (found.Code, found.Line, found.Column));
    }

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT 1 AS x; COMMENT ON COLUMN v.y IS 'x';")] // The engine does not know a view's columns.
    [InlineData("CREATE TYPE comp AS (p int); COMMENT ON COLUMN comp.q IS 'x';")]
    [InlineData("CREATE TABLE t (a int); CREATE TEMP TABLE t (b int); COMMENT ON COLUMN t.b IS 'x';")]
    [InlineData("COMMENT ON TABLE auth.users IS 'x';")] // A schema the migrations do not create.
    [InlineData("CREATE TABLE t (a int); COMMENT ON COLUMN t.xmin IS 'x'; COMMENT ON CONSTRAINT t_pkey ON DOMAIN d IS 'x'; COMMENT ON INDEX nope IS 'x';")]
    [InlineData("CREATE TABLE t (LIKE elsewhere); COMMENT ON COLUMN t.b IS 'x';")] // Its shape is unknown (already reported).
    public void ACommentTheEngineCannotJudge_IsNotReported(string sql)
    {
        var (_, diagnostics) = Run(sql);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.TableNotFound or DiagnosticCodes.ColumnNotFound or DiagnosticCodes.ConstraintNotFound);
    }
}
