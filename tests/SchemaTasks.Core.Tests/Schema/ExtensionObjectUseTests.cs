using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A function or operator class SchemaTasks knows comes with an extension, used where no
/// migration created that extension, is refused as the server refuses it (ST3080), like an
/// extension's type (ST3030); a migration's own function or operator class of that name, or an
/// extension SchemaTasks does not know, leaves it accepted or a warning.
/// </summary>
public class ExtensionObjectUseTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id uuid DEFAULT uuid_generate_v4(), name text);", 1)]
    [InlineData("CREATE TABLE t (id uuid, name text);\nALTER TABLE t ALTER COLUMN id SET DEFAULT public.uuid_generate_v4();", 2)]
    [InlineData("CREATE TABLE t (name text);\nALTER TABLE t ADD COLUMN d int DEFAULT levenshtein(name, 'x');", 2)]
    [InlineData("CREATE DOMAIN id_t AS uuid DEFAULT uuid_generate_v1();", 1)]
    [InlineData("CREATE TABLE t (name text);\nCREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);", 2)]
    [InlineData("CREATE TABLE t (name text);\nCREATE INDEX ON t USING gist (lower(name) COLLATE \"C\" public.gist_trgm_ops);", 2)]
    [InlineData("CREATE EXTENSION \"uuid-ossp\";\nCREATE TABLE t (name text);\nCREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);", 3)]
    [InlineData("CREATE EXTENSION pg_trgm;\nDROP EXTENSION pg_trgm;\nCREATE TABLE t (name text);\nCREATE INDEX t_name_trgm ON t USING gin (name gin_trgm_ops);", 4)]
    public void ExtensionObjectWithoutItsExtension_IsRefused(string sql, int line)
    {
        var (catalog, diagnostics) = Run(sql);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ExtensionObjectWithoutExtension, DiagnosticSeverity.Error, line), (finding.Code, finding.Severity, finding.Line));
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS", finding.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("t"))?.FindColumn("d", SqlDialect.Postgres));
    }

    [Fact]
    public void ARefusedDefault_LeavesTheTableOut()
    {
        var (catalog, _) = Run("CREATE TABLE t (id uuid DEFAULT uuid_generate_v4(), name text);");
        Assert.Null(catalog.FindTable(Pg("t")));
    }

    [Theory]
    [InlineData("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public;\nCREATE TABLE t (id uuid DEFAULT uuid_generate_v4());")]
    [InlineData("CREATE TABLE t (id uuid DEFAULT gen_random_uuid());")] // PostgreSQL's own since 13.
    [InlineData("CREATE FUNCTION uuid_generate_v4() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';\nCREATE TABLE t (id uuid DEFAULT uuid_generate_v4());")]
    [InlineData("CREATE TABLE t (id uuid DEFAULT 'uuid_generate_v4()'::text::uuid);")]
    [InlineData("CREATE EXTENSION pg_trgm;\nCREATE TABLE t (name text);\nCREATE INDEX ON t USING gin (name gin_trgm_ops);")]
    [InlineData("CREATE TABLE t (name text);\nCREATE INDEX ON t (name text_pattern_ops DESC NULLS LAST);\nCREATE INDEX ON t USING gin (to_tsvector('simple', name));")]
    [InlineData("CREATE OPERATOR CLASS gin_trgm_ops FOR TYPE text USING gin AS STORAGE text;\nCREATE TABLE t (name text);\nCREATE INDEX ON t USING gin (name gin_trgm_ops);")]
    public void ExtensionObjectOfACreatedExtensionOrOfTheMigrations_IsAccepted(string sql)
    {
        var (_, diagnostics) = Run(sql);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AfterAnExtensionSchemaTasksDoesNotKnow_ItIsAWarning()
    {
        var (catalog, diagnostics) = Run("CREATE EXTENSION timescaledb;\nCREATE TABLE t (id uuid DEFAULT uuid_generate_v4());");
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ExtensionObjectWithoutExtension, DiagnosticSeverity.Warning), (finding.Code, finding.Severity));
        Assert.NotNull(catalog.FindTable(Pg("t")));
    }
}
