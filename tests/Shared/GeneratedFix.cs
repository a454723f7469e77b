using SchemaTasks.Migrations;
using SchemaTasks.Scaffolding;
using SchemaTasks.Schema;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Testing;

/// <summary>
/// The fix SQL the build would offer for a value, produced by the same code path: migrations
/// to catalog, catalog to value-set file, the object's template rendered with the value.
/// </summary>
internal static class GeneratedFix
{
    public static string For(SqlDialect dialect, string migrationSql, string kind, string name, string column, params string[] values)
    {
        var set = MigrationDiscovery.Discover([new MigrationSourceFile("1_init.sql", migrationSql)]).Set!;
        var valueSets = ValueSetWriter.Write(SchemaEngine.Build(set, dialect).Final);
        var template = valueSets.Split('\n')
            .Select(line => line.Split('\t'))
            .Single(fields => fields is ["object", var k, _, var n, var c, _, _] && k == kind && n == name && c == column)[6]
            .Replace(@"\n", "\n", StringComparison.Ordinal);
        return FixRenderer.Render(values.Select(v => new ValueFix(template, v)), dialect);
    }
}
