using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>Flyway's placeholders (<c>${name}</c>), replaced as Flyway replaces them before a migration runs.</summary>
public class FlywayPlaceholderTests
{
    [Fact]
    public void UnknownPlaceholder_IsOneST1030_AtItsFirstPlace_NotAnErrorPerStatement()
    {
        var reading = Read(
            new Dictionary<string, string>(),
            ("V1__init.sql", "CREATE TABLE ${schema}.a (id int);\nCREATE TABLE ${schema}.b (id int);\n"),
            ("V2__more.sql", "-- in ${schema} too\nCREATE TABLE ${schema}.c (id int);\n"));

        Assert.Null(reading.Set);
        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.FlywayPlaceholderWithoutValue, "V1__init.sql", 1, 14), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'${schema}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema=<value> to <SchemaFlywayPlaceholders>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenValues_AreReplacedEverywhere_AndTheSchemaIsBuiltFromThem()
    {
        var reading = Read(
            new Dictionary<string, string> { ["schema"] = "app", ["kindA"] = "a" },
            ("V1__init.sql", "CREATE SCHEMA ${schema};\nCREATE TABLE ${schema}.t (id int PRIMARY KEY, kind text CHECK (kind IN ('${kindA}', 'b')));\n"));

        var json = Build(reading);

        Assert.Contains("\"schema\": \"app\"", json, StringComparison.Ordinal);
        Assert.Contains("\"a\",", json, StringComparison.Ordinal);
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
        // The checksum stays the file's own: Flyway's is computed before replacement.
        Assert.Equal(MigrationChecksum.Compute(reading.Files[0].Text), reading.Set!.Migrations[0].Checksum);
    }

    [Fact]
    public void DefaultSchema_OnPostgres_IsPublic_SoADoBlockComparingWithItIsDecided()
    {
        var reading = Read(
            new Dictionary<string, string>(),
            ("V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY);\nDO $$\nBEGIN\n  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = '${flyway:defaultSchema}' AND table_name = 't') THEN\n    ALTER TABLE t ADD COLUMN c int;\n  END IF;\nEND $$;\n"));

        Assert.Contains("\"name\": \"c\"", Build(reading), StringComparison.Ordinal);
    }

    [Fact]
    public void TableAndFilename_AreKnown()
    {
        var reading = Read(
            new Dictionary<string, string>(),
            ("V1__init.sql", "CREATE TABLE t (id int, src text CHECK (src IN ('${flyway:filename}', '${flyway:table}')));\n"));

        var json = Build(reading);
        Assert.Contains("\"V1__init.sql\"", json, StringComparison.Ordinal);
        Assert.Contains("\"flyway_schema_history\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RunTimePlaceholder_WhereTheSchemaDependsOnIt_IsST1031_ButNotInACommentOrAnInsertedString()
    {
        var reading = Read(
            new Dictionary<string, string>(),
            ("V1__init.sql", "-- by ${flyway:user} at ${flyway:timestamp}\nCREATE TABLE t (id int, owner text NOT NULL DEFAULT '${flyway:user}');\nINSERT INTO t VALUES (1, '${flyway:user}');\n"));

        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.FlywayPlaceholderAtRunTime, 2, 54), (error.Code, error.Line, error.Column));
        Assert.Contains("the user Flyway connects as", error.Message, StringComparison.Ordinal);

        // Given a value, it is what SchemaTasks assumes.
        var pinned = Read(new Dictionary<string, string> { ["flyway:user"] = "app" }, ("V1__init.sql", reading.Files[0].Text));
        Assert.Contains("\"default\": \"'app'\"", Build(pinned), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSchema_OnMariaDb_IsTheConnectionsDatabase_KnownOnlyAtRunTime()
    {
        var reading = MigrationFolderReader.ReadFiles(
            [new MigrationSourceFile("V1__init.sql", "CREATE TABLE ${flyway:defaultSchema}.t (id int);\n")],
            new MigrationFolderSettings { Layout = MigrationLayout.Flyway, Dialect = SqlDialect.MariaDb });

        Assert.Equal(DiagnosticCodes.FlywayPlaceholderAtRunTime, Assert.Single(reading.Diagnostics).Code);
    }

    [Fact]
    public void ReplacementOff_LeavesTheTextAsWritten()
    {
        var files = new[] { new MigrationSourceFile("V1__init.sql", "CREATE TABLE t (id int, s text DEFAULT '${x}');\n") };
        var reading = MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings
        {
            Layout = MigrationLayout.Flyway,
            Dialect = SqlDialect.Postgres,
            FlywayPlaceholders = new FlywayPlaceholderSettings { Replace = false },
        });

        Assert.Empty(reading.Diagnostics);
        Assert.Equal(files[0].Text, reading.Set!.Migrations[0].Sql);
    }

    [Fact]
    public void ValuesSetting_IsNameEqualsValue()
    {
        Assert.Equal("a=b", FlywayPlaceholderSettings.ParseValues(["x=a=b", " "], "S", out _)!["x"]);
        Assert.Null(FlywayPlaceholderSettings.ParseValues(["novalue"], "SchemaFlywayPlaceholders", out var error));
        Assert.Equal(DiagnosticCodes.UnknownSetting, error!.Code);
    }

    private static MigrationFolderReading Read(Dictionary<string, string> values, params (string Path, string Text)[] files) =>
        MigrationFolderReader.ReadFiles(
            files.Select(f => new MigrationSourceFile(f.Path, f.Text)).ToList(),
            new MigrationFolderSettings { Layout = MigrationLayout.Flyway, Dialect = SqlDialect.Postgres, FlywayPlaceholders = new FlywayPlaceholderSettings { Values = values } });

    private static string Build(MigrationFolderReading reading)
    {
        Assert.Empty(reading.Diagnostics);
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(reading.Set!, SqlDialect.Postgres);
        Assert.Empty(diagnostics);
        return SnapshotJson.Write(SchemaSnapshot.Create(reading.Set!, catalog));
    }
}
