using SchemaTasks.Schema;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>The differential run only proves the DO idioms it actually generates.</summary>
public sealed class PostgresDoBlockShapesTests
{
    [Fact]
    public void Generator_WritesEveryDoBlockIdiom_AndTheEngineReadsThemWithoutErrors()
    {
        var texts = Enumerable.Range(0, 300).Select(seed => PostgresMigrationGenerator.Generate(seed)).ToList();
        var all = string.Join("\n", texts.SelectMany(s => s.Migrations).Select(m => m.FileText));
        string[] idioms =
        [
            "WHEN duplicate_object THEN null", "WHEN duplicate_table THEN NULL", "WHEN duplicate_column THEN NULL", "WHEN others THEN NULL",
            "EXECUTE format(", "EXECUTE '", "FROM pg_enum", "FROM pg_type", "to_regtype(", "information_schema.columns",
            "information_schema.schemata", "DO 'BEGIN", "DO LANGUAGE plpgsql", "ADD VALUE",
        ];
        Assert.All(idioms, idiom => Assert.Contains(idiom, all, StringComparison.Ordinal));
        Assert.All(texts, sequence => Assert.False(SchemaEngine.Build(sequence.ToMigrationSet(), SqlDialect.Postgres).HasErrors, sequence.Describe()));
    }
}
