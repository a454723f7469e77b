using SchemaTasks.Schema;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>
/// A migration taken statement by statement: its statements as the migrator runs them, and the
/// schema after each, so repair can say what each one changes and find out how far a run got.
/// </summary>
internal sealed class MigrationSteps
{
    private readonly Catalog[] _schemas;

    private MigrationSteps(IReadOnlyList<SqlScriptStatement> statements, Catalog[] schemas)
    {
        Statements = statements;
        _schemas = schemas;
    }

    /// <summary>The statements, as the migrator splits and runs them.</summary>
    public IReadOnlyList<SqlScriptStatement> Statements { get; }

    public static MigrationSteps Of(EmbeddedMigration migration, AppliedScript script, SqlDialect dialect, Catalog before)
    {
        var statements = script.Split(dialect);
        var schemas = new Catalog[statements.Count + 1];
        schemas[0] = before;
        for (var i = 0; i < statements.Count; i++)
        {
            schemas[i + 1] = SchemaEngine.Apply(schemas[i], statements[i].Text, migration.RelativePath, statements[i].Line).Catalog;
        }

        return new MigrationSteps(statements, schemas);
    }

    /// <summary>The schema after the first <paramref name="count"/> statements.</summary>
    public Catalog After(int count) => _schemas[count];

    /// <summary>The changes statement <paramref name="index"/> (0-based) makes, and whether <paramref name="live"/> holds each.</summary>
    public IReadOnlyList<MigrationObjectCheck> Changes(int index, Catalog live) =>
        FailedMigrationAnalysis.Analyze(_schemas[index], _schemas[index + 1], live);

    /// <summary>What statement <paramref name="index"/> changes, as a person reads it.</summary>
    public string Touches(int index)
    {
        var changes = Changes(index, _schemas[index + 1]);
        if (changes.Count > 0) return string.Join(", ", changes.Select(c => $"{c.Kind} {c.Name}"));
        var words = string.Join(' ', Statements[index].Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length <= 80 ? words : words[..80] + "…";
    }

    /// <summary>Where statement <paramref name="index"/> starts, for messages: <c>statement 2 (line 5)</c>.</summary>
    public string Name(int index) => $"statement {index + 1} (line {Statements[index].Line})";
}
