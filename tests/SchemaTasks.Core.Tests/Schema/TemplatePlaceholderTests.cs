using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A migration rendered by a program before it runs (Go templates, as an auth server's
/// golang-migrate-style folder writes <c>{{ index .Options "Namespace" }}</c> for its schema) is
/// reported once at its first placeholder, and none of it is applied.
/// </summary>
public class TemplatePlaceholderTests
{
    [Fact]
    public void APlaceholderInNames_IsOneErrorAtTheFirstOne_AndNothingOfTheFileIsApplied()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE plain (id int);
            CREATE TABLE {{ index .Options "Namespace" }}.users (id int);
            ALTER TABLE {{ index .Options "Namespace" }}.users ADD COLUMN email text;
            """);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.TemplatePlaceholder, DiagnosticSeverity.Error, "m.sql", 2, 14), (error.Code, error.Severity, error.File, error.Line, error.Column));
        Assert.Contains("{{ index .Options \"Namespace\" }}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Render the templates", error.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Tables);
    }

    [Fact]
    public void APlaceholderInADoBlocksString_IsReported_InsteadOfDecidingAgainstIt()
    {
        var (catalog, diagnostics) = Run("""
            CREATE SCHEMA IF NOT EXISTS auth;
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{{ index .Options "Namespace" }}') THEN
                CREATE TYPE auth.factor_type AS ENUM ('totp');
              END IF;
            END $$;
            """);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.TemplatePlaceholder, 4, 62), (error.Code, error.Line, error.Column));
        Assert.Empty(catalog.EnumTypes);
    }

    [Theory]
    [InlineData("CREATE TABLE {{.Schema}}.t (id int);")]
    [InlineData("CREATE TABLE t (id int) {{- if .Partitioned }} PARTITION BY RANGE (id) {{- end }};")]
    [InlineData("CREATE TABLE t (id int); -- fine\nSET search_path = '{{ $ns }}';")]
    [InlineData("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS '{{/* a comment */}}';")]
    [InlineData("CREATE TABLE t (id int);\nGRANT ALL ON t TO {{ quote .Role }};")]
    public void GoTemplateActions_AreReported(string sql)
    {
        var (catalog, diagnostics) = Run(sql);
        Assert.Equal([DiagnosticCodes.TemplatePlaceholder], diagnostics.Select(d => d.Code));
        Assert.Empty(catalog.Tables);
    }

    [Theory]
    [InlineData("CREATE TABLE t (m int[][] DEFAULT '{{1,2},{3,4}}', n text[][] DEFAULT '{{a}}', o text[][] DEFAULT '{{ a }}', p text[][] DEFAULT '{{\"x\"}}');")]
    [InlineData("CREATE TABLE t (j jsonb DEFAULT '{\"a\": {\"b\": {\"c\": 1}}}');\nINSERT INTO t VALUES ('{\"a\": {\"b\": 1}}');")]
    [InlineData("-- rendered by: {{ index .Options \"Namespace\" }}\nCREATE TABLE t (id int); /* {{.Schema}} */")]
    [InlineData("CREATE TABLE t (f float8[][] DEFAULT '{{.5,1.5}}', g text[][] DEFAULT '{{a,b},{c,d}}');")]
    public void ArraysJsonAndComments_AreNotPlaceholders(string sql)
    {
        var catalog = Clean(sql);
        Assert.NotNull(catalog.FindTable(Pg("t")));
    }

    [Theory]
    [InlineData("INSERT INTO t (id, body) VALUES (1, E'Hi {{.UserName}}, \"{{.Labels.name}}\" was deleted');")]
    [InlineData("UPDATE t SET body = 'Hi {{ .UserName }}' WHERE id = 1;")]
    [InlineData("INSERT INTO t (id, body) VALUES (1, 'a');\nUPDATE t SET body = REPLACE(body, 'a', '{{ template \"x\" . }}');")]
    public void PlaceholdersInTheStringsOfDataStatements_AreData(string data)
    {
        // golang-migrate renders nothing: such a file runs as written, and its strings are rows either way.
        var catalog = Clean("CREATE TABLE t (id int PRIMARY KEY, body text);\n" + data + "\nALTER TABLE t ADD COLUMN kind text;");
        Assert.Equal(["id", "body", "kind"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }

    [Fact]
    public void APlaceholderOutsideADataStatementsStrings_IsStillReported()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int PRIMARY KEY, body text);\nINSERT INTO {{.Schema}}.t (id, body) VALUES (1, 'a');");
        Assert.Equal((DiagnosticCodes.TemplatePlaceholder, 2, 13), (Assert.Single(diagnostics).Code, diagnostics[0].Line, diagnostics[0].Column));
    }

    [Fact]
    public void OnlyTheFileWithThePlaceholder_IsLeftOut_AndItsLineCountsFromWhereItsSqlStarts()
    {
        var (first, _) = Run("CREATE TABLE a (id int);");
        var (after, diagnostics) = SchemaEngine.Apply(first, "\n\nCREATE TABLE b (id int) -- x\n  TABLESPACE {{.Space}};", "2_b.up.sql", firstLine: 5);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("2_b.up.sql", 8, 14), (error.File, error.Line, error.Column));
        Assert.Equal([Pg("a")], after.Tables.Keys);
    }

    [Fact]
    public void MySqlPlaceholders_AreReportedToo_AndHashCommentsDoNotCount()
    {
        var (_, diagnostics) = Run("# {{.Ignored}}\nCREATE TABLE `{{.Prefix}}users` (id int);", SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.TemplatePlaceholder, 2, 15), (error.Code, error.Line, error.Column));
    }
}
