using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>pop renders each migration as a Go template with its connection's options: <c>{{ index .Options "name" }}</c>.</summary>
public class PopTemplateOptionTests
{
    private const string Schema = "CREATE SCHEMA IF NOT EXISTS {{ index .Options \"Namespace\" }};\n";

    [Fact]
    public void GivenOption_IsRenderedInBothSpellings_AndTheSchemaIsBuiltFromIt()
    {
        var reading = Read(
            new Dictionary<string, string> { ["Namespace"] = "auth" },
            ("00_init.up.sql", Schema + "CREATE TABLE {{ index .Options \"Namespace\" }}.users (id uuid PRIMARY KEY);\n"),
            ("20210101000000_kind.up.sql", "DO $$ BEGIN\n  CREATE TYPE {{.Options.Namespace}}.kind AS ENUM ('a', 'b');\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\nALTER TABLE {{index .Options `Namespace`}}.users ADD COLUMN kind {{ .Options.Namespace }}.kind;\n"));

        var json = Build(reading);

        Assert.Contains("\"schema\": \"auth\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"kind\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", json, StringComparison.Ordinal);
        // The checksum stays the file's own, as the manifest embeds the file as written.
        Assert.Equal(MigrationChecksum.Compute(reading.Files[0].Text), reading.Set!.Migrations[0].Checksum);
    }

    [Fact]
    public void TrimMarkers_RemoveTheWhiteSpaceBesideTheAction_AsGoDoes()
    {
        var reading = Read(
            new Dictionary<string, string> { ["Prefix"] = "app_" },
            ("1_init.up.sql", "CREATE TABLE   {{- \n .Options.Prefix }}users (id int);\nCREATE TABLE {{ .Options.Prefix -}}   \n  orders (id int);\n"));

        Assert.Empty(reading.Diagnostics);
        Assert.Equal("CREATE TABLEapp_users (id int);\nCREATE TABLE app_orders (id int);\n", reading.Set!.Migrations[0].Sql);
    }

    [Fact]
    public void OptionWithoutValue_IsOneST1036_AtItsFirstPlaceInTheSchema_NotInACommentOrAnInsertedString()
    {
        var reading = Read(
            new Dictionary<string, string>(),
            ("1_init.up.sql", "-- lives in {{ index .Options \"Namespace\" }}\nINSERT INTO notes VALUES ('{{ .Options.Namespace }}');\n" + Schema + "CREATE TABLE {{ index .Options \"Namespace\" }}.t (id int);\n"),
            ("2_more.up.sql", "CREATE TABLE {{ index .Options \"Namespace\" }}.u (id int);\n"));

        Assert.Null(reading.Set);
        var error = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.PopOptionWithoutValue, "1_init.up.sql", 3, 29), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'Namespace'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Namespace=<value> to <SchemaPopOptions>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherActions_AreLeftForTheEngine_WhichReportsThemAsST2012()
    {
        var reading = Read(
            new Dictionary<string, string> { ["Namespace"] = "auth" },
            ("1_init.up.sql", "CREATE TABLE {{ .Database }}.t (id int);\n"));

        Assert.Empty(reading.Diagnostics);
        var (_, diagnostics) = SchemaEngine.BuildFinal(reading.Set!, SqlDialect.Postgres);
        Assert.Equal(DiagnosticCodes.TemplatePlaceholder, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void OtherLayouts_RenderNothing()
    {
        var reading = MigrationFolderReader.ReadFiles(
            [new MigrationSourceFile("1_init.up.sql", "CREATE TABLE {{ .Options.Namespace }}_t (id int);\n")],
            new MigrationFolderSettings { Layout = MigrationLayout.GolangMigrate, Dialect = SqlDialect.Postgres, PopOptions = new Dictionary<string, string> { ["Namespace"] = "auth" } });

        Assert.Contains("{{", reading.Set!.Migrations[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsSetting_IsNameEqualsValue()
    {
        Assert.Equal("a=b", MigrationFolderSettings.ParsePopOptions(["x=a=b", " "], "S", out _)!["x"]);
        Assert.Null(MigrationFolderSettings.ParsePopOptions(["novalue"], "SchemaPopOptions", out var error));
        Assert.Equal(DiagnosticCodes.UnknownSetting, error!.Code);
        Assert.Contains("pop connection option", error.Message, StringComparison.Ordinal);
    }

    private static MigrationFolderReading Read(Dictionary<string, string> values, params (string Path, string Text)[] files) =>
        MigrationFolderReader.ReadFiles(
            files.Select(f => new MigrationSourceFile(f.Path, f.Text)).ToList(),
            new MigrationFolderSettings { Layout = MigrationLayout.Pop, Dialect = SqlDialect.Postgres, PopOptions = values });

    private static string Build(MigrationFolderReading reading)
    {
        Assert.Empty(reading.Diagnostics);
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(reading.Set!, SqlDialect.Postgres);
        Assert.Empty(diagnostics);
        return SnapshotJson.Write(SchemaSnapshot.Create(reading.Set!, catalog));
    }
}
