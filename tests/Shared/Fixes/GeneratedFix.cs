using SchemaTasks.Migrations;
using SchemaTasks.Scaffolding;
using SchemaTasks.Schema;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Testing;

/// <summary>
/// The fix SQL the build would offer for a value, produced by the same code path: migrations
/// to catalog, catalog to value-set file, the file read back as the analyzer reads it, the
/// object's template rendered with the value.
/// </summary>
internal static class GeneratedFix
{
    public static string For(SqlDialect dialect, string migrationSql, string kind, string name, string column, params string[] values)
    {
        var set = MigrationDiscovery.Discover([new MigrationSourceFile("1_init.sql", migrationSql)]).Set!;
        var (contents, error) = ValueSetFile.Read(ValueSetWriter.Write(SchemaEngine.Build(set, dialect).Final));
        Assert.True(contents is not null, error);
        var objectKind = kind == "enum" ? ValueSetObjectKind.EnumType : ValueSetObjectKind.Column;
        var target = contents.Objects.Single(o => o.Kind == objectKind && o.Name == name && o.Column == column);
        return FixRenderer.Render(values.Select(v => new ValueFix(target.FixTemplate, v)), dialect);
    }
}
