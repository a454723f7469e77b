using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A DO block's IF over information_schema.views, decided from the views the migrations made;
/// and an IF whose condition cannot be decided but whose branches, to an ELSE, are written alike:
/// the outcome is the same whichever runs. Branches that differ stay ST2020.
/// </summary>
public class DoBlockSameBranchesTests
{
    private const string Table = "CREATE TABLE links (id int PRIMARY KEY, name varchar(64));\n";

    // As marquez's V52: the view is dropped and made again around the ALTER when it exists.
    private const string RetypeAroundView = """
        DO $$
        DECLARE v_exists boolean;
        BEGIN
          SELECT EXISTS (SELECT * FROM information_schema.views WHERE table_schema = 'public' AND table_name = 'links_view') INTO v_exists;
          IF v_exists THEN
            DROP VIEW links_view;
            ALTER TABLE links ALTER COLUMN name TYPE text;
            CREATE VIEW links_view AS SELECT id, name FROM links;
          ELSE
            ALTER TABLE links ALTER COLUMN name TYPE text;
          END IF;
        END $$;
        """;

    [Theory]
    [InlineData("")]
    [InlineData("CREATE VIEW links_view AS SELECT id, name FROM links;\n")]
    [InlineData("CREATE MATERIALIZED VIEW links_view AS SELECT id FROM links;\n")] // not in information_schema.views: the ELSE runs
    public void AnInformationSchemaViewsTest_IsDecided(string view)
    {
        var (catalog, diagnostics) = Run(Table + view + RetypeAroundView);
        Assert.Empty(diagnostics);
        Assert.Equal("text", catalog.FindTable(Pg("links"))!.FindColumn("name", SqlDialect.Postgres)!.Type);
    }

    [Theory]
    [InlineData("ELSE ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x';")]
    [InlineData("ELSIF (SELECT count(*) FROM links) > 5 THEN ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x'; ELSE ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x';")]
    public void BranchesWrittenAlike_AreRunOnce(string rest)
    {
        var (catalog, diagnostics) = Run(Table + $"""
            DO $$
            BEGIN
              IF (SELECT count(*) FROM links) > 10 THEN ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x'; {rest} END IF;
            END $$;
            """);
        Assert.Empty(diagnostics);
        var note = catalog.FindTable(Pg("links"))!.FindColumn("note", SqlDialect.Postgres)!;
        Assert.False(note.IsNullable);
    }

    [Theory]
    [InlineData("END IF;")] // no ELSE: when the condition is false, nothing runs
    [InlineData("ELSE ALTER TABLE links ADD COLUMN note text; END IF;")]
    [InlineData("ELSE alter table links ADD COLUMN note text NOT NULL DEFAULT 'x'; END IF;")]
    [InlineData("ELSIF (SELECT count(*) FROM links) > 5 THEN ALTER TABLE links ADD COLUMN other int; ELSE ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x'; END IF;")]
    public void BranchesThatDiffer_StayUndecided(string rest)
    {
        var (catalog, diagnostics) = Run(Table + $"""
            DO $$
            BEGIN
              IF (SELECT count(*) FROM links) > 10 THEN ALTER TABLE links ADD COLUMN note text NOT NULL DEFAULT 'x'; {rest}
            END $$;
            """);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, finding.Code);
        Assert.Null(catalog.FindTable(Pg("links"))!.FindColumn("note", SqlDialect.Postgres));
    }
}
