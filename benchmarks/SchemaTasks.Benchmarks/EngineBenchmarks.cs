using BenchmarkDotNet.Attributes;
using SchemaTasks.Benchmarks.Corpus;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Benchmarks;

/// <summary>
/// The snapshot path of the build: <see cref="SchemaEngine.Build"/> over 1,000 generated
/// migrations, against lexing the same text alone (the floor any parser pays).
/// <see cref="Noise"/> = 10 multiplies only the skipped text (routines, data, comments).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private MigrationSet _set = null!;

    [Params(SqlDialect.Postgres, SqlDialect.MySql)]
    public SqlDialect Dialect { get; set; }

    [Params(1, 10)]
    public int Noise { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _set = CorpusCache.Get(Dialect, Noise).Set;
        var result = SchemaEngine.Build(_set, Dialect);
        if (result.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException($"The generated corpus does not build cleanly: {result.Diagnostics[0]}");
        }
    }

    [Benchmark(Baseline = true, Description = "Lex")]
    public int Lex()
    {
        var tokens = 0;
        foreach (var migration in _set.Migrations)
        {
            var lexer = new SqlLexer(migration.Sql, Dialect, 1, []);
            while (lexer.Next(out _)) tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "SchemaEngine.Build")]
    public Catalog Build() => SchemaEngine.Build(_set, Dialect).Final;
}
