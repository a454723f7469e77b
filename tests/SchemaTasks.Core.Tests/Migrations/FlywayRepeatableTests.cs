using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>Flyway's repeatable migrations (<c>R__</c>): not applied, and reported when they change a tracked object.</summary>
public class FlywayRepeatableTests
{
    [Fact]
    public void RepeatableThatChangesATrackedObject_IsST1032_AtItsFirstSuchStatement()
    {
        var diagnostics = Build(
            ("V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY);\n"),
            ("R__types.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM t;\n  DO $$ BEGIN CREATE TYPE status AS ENUM ('new', 'done'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;\nALTER TABLE t ADD COLUMN IF NOT EXISTS st status NOT NULL DEFAULT 'new';\n"));

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FlywayRepeatableChangesSchema, DiagnosticSeverity.Error, "R__types.sql", 2, 3), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Contains("versioned migration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatableOfViewsAndFunctions_IsQuiet_AndNotHistory()
    {
        var files = new[]
        {
            new MigrationSourceFile("V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY);\n"),
            new MigrationSourceFile("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM t;\nCREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"),
        };
        var reading = MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        Assert.Equal(["V1__init.sql"], reading.Set!.Migrations.Select(m => m.RelativePath));
        Assert.Empty(SchemaEngine.BuildFinal(reading.Set, SqlDialect.Postgres).Diagnostics);
    }

    [Fact]
    public void Repeatables_RunInDescriptionOrder_AfterEveryVersionedOne()
    {
        var files = new[]
        {
            new MigrationSourceFile("R__b_views.sql", "SELECT 1;\n"),
            new MigrationSourceFile("R__a.sql", "SELECT 1;\n"),
            new MigrationSourceFile("V1__init.sql", "SELECT 1;\n"),
        };

        var set = MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings { Dialect = SqlDialect.Postgres }).Set!;

        Assert.Equal(["R__a.sql", "R__b_views.sql"], set.Repeatables.Select(r => r.RelativePath));
    }

    private static IReadOnlyList<SchemaDiagnostic> Build(params (string Path, string Text)[] files)
    {
        var reading = MigrationFolderReader.ReadFiles(files.Select(f => new MigrationSourceFile(f.Path, f.Text)).ToList(), new MigrationFolderSettings { Dialect = SqlDialect.Postgres });
        Assert.Empty(reading.Diagnostics);
        return SchemaEngine.BuildFinal(reading.Set!, SqlDialect.Postgres).Diagnostics;
    }
}
