using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>Applies SQL text to an empty catalog.</summary>
internal static class CatalogBuild
{
    public static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) Run(string sql, SqlDialect dialect = SqlDialect.Postgres)
        => SchemaEngine.Apply(Catalog.Empty(dialect), sql, "m.sql");

    public static Catalog Clean(string sql, SqlDialect dialect = SqlDialect.Postgres)
    {
        var (catalog, diagnostics) = Run(sql, dialect);
        Assert.Empty(diagnostics);
        return catalog;
    }

    /// <summary>As <see cref="Clean"/>, but a MariaDB history may drop foreign keys by their generated names (ST3075, a warning).</summary>
    public static Catalog CleanButGeneratedNameDrops(string sql, SqlDialect dialect)
    {
        var (catalog, diagnostics) = Run(sql, dialect);
        Assert.All(diagnostics, d => Assert.Equal((DiagnosticCodes.MariaDbGeneratedForeignKeyName, DiagnosticSeverity.Warning), (d.Code, d.Severity)));
        return catalog;
    }

    public static QualifiedName Pg(string name) => new("public", name);

    public static QualifiedName My(string name) => new(string.Empty, name);
}
