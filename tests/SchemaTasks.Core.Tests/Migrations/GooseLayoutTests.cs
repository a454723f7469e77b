using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

public class GooseLayoutTests
{
    private const string Create =
        "-- +goose Up\n" +                                   // line 1
        "CREATE TYPE job_status AS ENUM ('queued');\n" +     // line 2
        "CREATE TABLE jobs (id int, status job_status);\n" + // line 3
        "\n" +                                               // line 4
        "-- +goose Down\n" +                                 // line 5
        "DROP TABLE jobs;\n" +                               // line 6
        "DROP TYPE job_status;\n";                           // line 7

    [Fact]
    public void Goose_SqlHoldsOnlyTheUpSection_IdIsTheVersionAsANumber()
    {
        var migration = Assert.Single(new MigrationFolder().With("00001_create_jobs.sql", Create).DiscoverClean(MigrationLayout.Goose).Migrations);

        Assert.Equal(("1", "create_jobs"), (migration.Id, migration.Name));
        Assert.Contains("CREATE TABLE jobs", migration.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", migration.Sql, StringComparison.Ordinal);
        Assert.Equal(1, migration.SqlStartLine);
    }

    [Fact]
    public void Goose_IsDetectedFromItsUpAnnotation_InAnyCase()
    {
        var set = new MigrationFolder()
            .With("20240101000000_a.sql", "-- +GOOSE UP\nCREATE TABLE a (id int);\n")
            .With("20240102000000_b.sql", "--   +goose up  \nCREATE TABLE b (id int);\n-- +goose down\nDROP TABLE b;\n")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Goose, set.Layout);
        Assert.Equal(["20240101000000", "20240102000000"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Goose_OrdersByVersionAsANumber()
    {
        var set = new MigrationFolder()
            .With("10_c.sql", "-- +goose Up\nSELECT 1;\n")
            .With("2_b.sql", "-- +goose Up\nSELECT 1;\n")
            .With("001_a.sql", "-- +goose Up\nSELECT 1;\n")
            .DiscoverClean(MigrationLayout.Goose);

        Assert.Equal(["1", "2", "10"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Goose_DownSectionDdl_DoesNotReachTheSchema()
    {
        var set = new MigrationFolder().With("1_create.sql", Create).DiscoverClean(MigrationLayout.Goose);

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        Assert.Single(built.Final.Tables);
        Assert.Single(built.Final.EnumTypes);
    }

    [Fact]
    public void Goose_StatementBlock_PlpgsqlBodyWithSemicolons_IsOneStatement()
    {
        var text =
            "-- +goose Up\n" +
            "CREATE TABLE jobs (id int);\n" +
            "-- +goose StatementBegin\n" +
            "CREATE FUNCTION touch() RETURNS trigger AS $$\n" +
            "BEGIN\n" +
            "  NEW.id := NEW.id + 1;\n" +
            "  RETURN NEW;\n" +
            "END;\n" +
            "$$ LANGUAGE plpgsql;\n" +
            "-- +goose StatementEnd\n" +
            "ALTER TABLE jobs ADD COLUMN note text;\n" +
            "-- +goose Down\n" +
            "DROP TABLE jobs;\n";
        var set = new MigrationFolder().With("1_fn.sql", text).DiscoverClean(MigrationLayout.Goose);

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["id", "note"], built.Final.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void Goose_StatementBlock_MySqlProcedureBody_DdlInsideIsNotApplied()
    {
        var text =
            "-- +goose Up\n" +
            "CREATE TABLE jobs (id int);\n" +
            "-- +goose StatementBegin\n" +
            "CREATE PROCEDURE widen()\n" +
            "BEGIN\n" +
            "  ALTER TABLE jobs ADD COLUMN wide int;\n" +
            "  SELECT 1;\n" +
            "END;\n" +
            "-- +goose StatementEnd\n";
        var set = new MigrationFolder().With("1_proc.sql", text).DiscoverClean(MigrationLayout.Goose);

        var built = SchemaEngine.Build(set, SqlDialect.MySql);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["id"], built.Final.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void Goose_NoTransaction_IsReadFromTheScript()
    {
        var script = MigrationScripts.Of(MigrationLayout.Goose, "1_idx.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- +goose Down\nDROP INDEX i;\n");

        Assert.True(script.NoTransaction);
        Assert.Equal(2, script.FirstLine);
        Assert.DoesNotContain("DROP", script.Sql, StringComparison.Ordinal);
        Assert.False(MigrationScripts.Of(MigrationLayout.Goose, "2_a.sql", "-- +goose Up\nSELECT 1;\n").NoTransaction);
    }

    [Theory]
    [InlineData("CREATE TABLE a (id int);\n", 1, "no '-- +goose Up'")]
    [InlineData("-- +goose Up\nSELECT 1;\n-- +goose Up\nSELECT 2;\n", 3, "second '-- +goose Up'")]
    [InlineData("-- +goose Down\nDROP TABLE a;\n-- +goose Up\nSELECT 1;\n", 1, "'-- +goose Down' before '-- +goose Up'")]
    [InlineData("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n", 2, "never closed")]
    [InlineData("-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n", 3, "without a '-- +goose StatementBegin'")]
    [InlineData("-- +goose Up\nCREATE TABLE a (id int)\n-- +goose Down\nDROP TABLE a;\n", 2, "does not end with ';'")]
    [InlineData("SELECT 0;\n-- +goose Up\nSELECT 1;\n", 1, "SQL before '-- +goose Up'")]
    public void Goose_BadAnnotations_AreST1015_AtTheirLine_AndNothingIsRead(string text, int line, string says)
    {
        var result = new MigrationFolder().With("1_bad.sql", text).Discover(MigrationLayout.Goose);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.GooseAnnotation, "1_bad.sql", line), (error.Code, error.File, error.Line));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Goose_FileWithoutUpAnnotation_InAGooseFolder_IsAnError()
    {
        var result = new MigrationFolder()
            .With("1_a.sql", "-- +goose Up\nCREATE TABLE a (id int);\n")
            .With("2_b.sql", "CREATE TABLE b (id int);\n")
            .Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.GooseAnnotation, "2_b.sql", 1), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void Goose_VersionZero_IsRefused()
    {
        var result = new MigrationFolder().With("0_init.sql", "-- +goose Up\nSELECT 1;\n").Discover(MigrationLayout.Goose);

        Assert.Null(result.Set);
        Assert.Equal(DiagnosticCodes.UnrecognisedMigrationFile, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Goose_DuplicateVersion_IsST1004()
    {
        var result = new MigrationFolder()
            .With("1_a.sql", "-- +goose Up\nSELECT 1;\n")
            .With("001_b.sql", "-- +goose Up\nSELECT 1;\n")
            .Discover(MigrationLayout.Goose);

        Assert.Null(result.Set);
        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Goose_EnvsubVariable_IsAWarningAtItsColumn_OnlyWhileOn()
    {
        var text =
            "-- +goose Up\n" +
            "-- +goose ENVSUB ON\n" +
            "CREATE TABLE ${TABLE_NAME} (id int);\n" +
            "-- +goose ENVSUB OFF\n" +
            "CREATE TABLE b (note text DEFAULT '${NOT_SUBSTITUTED}');\n";
        var result = new MigrationFolder().With("1_env.sql", text).Discover(MigrationLayout.Goose);

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.EnvironmentSubstitution);
        Assert.Equal((DiagnosticSeverity.Warning, 3, 14), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("TABLE_NAME", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Goose_GoMigration_WithoutDeclaration_IsReportedByVersion_AndKeptInOrder()
    {
        var result = new MigrationFolder()
            .With("00001_init.sql", "-- +goose Up\nCREATE TABLE jobs (id int);\n")
            .With("00002_backfill.go", "package migrations\n\nimport \"github.com/pressly/goose/v3\"\n\nfunc init() { goose.AddMigrationContext(up, down) }\n")
            .With("00003_more.sql", "-- +goose Up\nALTER TABLE jobs ADD COLUMN note text;\n")
            .With("helpers.go", "package migrations\n")
            .With("00002_backfill_test.go", "package migrations\n")
            .Discover();

        Assert.NotNull(result.Set);
        Assert.Equal(MigrationLayout.Goose, result.Set.Layout);
        Assert.Equal(["1", "2", "3"], result.Set.Migrations.Select(m => m.Id));
        Assert.Equal("00002_backfill.go", result.Set.Migrations[1].RelativePath);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.UndeclaredCodeMigration, DiagnosticSeverity.Warning, "00002_backfill.go", 1, 1), (warning.Code, warning.Severity, warning.File, warning.Line, warning.Column));
        Assert.Contains("goose migration 2 ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Goose_GoMigration_DeclaredEffect_IsApplied()
    {
        var set = new MigrationFolder()
            .With("00001_init.sql", "-- +goose Up\nCREATE TYPE job_status AS ENUM ('queued');\n")
            .With("00002_add_status.go",
                "package migrations\n" +
                "\n" +
                "/* schematasks:equivalent\n" +
                "   ALTER TYPE job_status ADD VALUE 'running';\n" +
                "*/\n" +
                "func init() { goose.AddMigrationContext(upAddStatus, nil) }\n")
            .DiscoverClean();

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        Assert.Equal(["queued", "running"], built.Final.EnumTypes.Values.Single().Labels.ToArray());
        Assert.Equal(3, set.Migrations[1].SqlStartLine);
    }

    [Fact]
    public void Goose_GoMigration_CannotBeRunBySchemaTasks()
    {
        var script = MigrationScripts.Of(MigrationLayout.Goose, "00002_backfill.go", "package migrations\n");

        Assert.True(script.IsCode);
        Assert.Equal(string.Empty, script.Sql);
    }

    [Fact]
    public void Goose_FilesInSubfolders_AreNotRead()
    {
        var result = new MigrationFolder()
            .With("1_a.sql", "-- +goose Up\nSELECT 1;\n")
            .With("seeds/1_seed.sql", "INSERT INTO a VALUES (1);\n")
            .Discover();

        Assert.Single(result.Set!.Migrations);
        Assert.Equal(DiagnosticCodes.FileNotRead, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Goose_FolderOfGoMigrationsOnly_IsGoose_AndEachIsReported()
    {
        // As some services keep them: every migration a Go function, no .sql file at all.
        var result = new MigrationFolder()
            .With("20240214010641_initial.go", "package migrations\n\nfunc init() { goose.AddMigrationContext(up, down) }\n")
            .With("20241008232129_conflicting_items.go", "package migrations\n\n/* schematasks:equivalent\nCREATE TABLE conflicting_items (item_id varchar);\n*/\nfunc init() { goose.AddMigrationContext(up, down) }\n")
            .Discover();

        Assert.NotNull(result.Set);
        Assert.Equal(MigrationLayout.Goose, result.Set.Layout);
        Assert.Equal(["20240214010641", "20241008232129"], result.Set.Migrations.Select(m => m.Id));
        Assert.Equal(("20240214010641_initial.go", DiagnosticCodes.UndeclaredCodeMigration), (Assert.Single(result.Diagnostics).File, result.Diagnostics[0].Code));
    }
}
