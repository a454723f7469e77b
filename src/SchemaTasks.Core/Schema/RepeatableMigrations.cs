using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Snapshot;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Flyway's repeatable migrations (<c>R__&lt;description&gt;.sql</c>), which Flyway runs after
/// every versioned one, in description order, and again whenever one's checksum changes.
/// SchemaTasks does not apply them: their history has no version, and the migrator does not run
/// them. Views, functions and grants, what they usually hold, are not tracked; a statement that
/// changes a tracked object (a table's columns, an enum, a CHECK) would leave the snapshot without
/// what every database has, so each such file is reported (<c>ST1032</c>) at its first such
/// statement, found by applying the file, statement by statement, to the schema after the
/// versioned migrations and comparing the tracked schema before and after.
/// </summary>
internal static class RepeatableMigrations
{
    /// <summary>Reports each repeatable migration of <paramref name="set"/> that changes a tracked object of <paramref name="schema"/>, or that the engine cannot read.</summary>
    public static void Check(MigrationSet set, Catalog schema, List<SchemaDiagnostic> diagnostics)
    {
        string? before = null; // Written only when a statement returns another catalog.
        foreach (var repeatable in set.Repeatables)
        {
            var catalog = schema;
            var lines = repeatable.Sql.Split('\n');
            foreach (var statement in SqlScript.SplitMigration(repeatable.Sql, schema.Dialect, set.Layout, repeatable.SqlStartLine))
            {
                var (after, found) = SchemaEngine.Apply(catalog, statement.Text, repeatable.RelativePath, statement.Line);
                var refused = found.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                // Until a change is found, the catalog's tracked schema is the versioned migrations' one.
                if (refused is null && (ReferenceEquals(after, catalog) || Tracked(after) == (before ??= Tracked(schema))))
                {
                    catalog = after;
                    continue;
                }

                var why = refused is null
                    ? "it changes an object SchemaTasks tracks"
                    : $"SchemaTasks cannot tell what it does to the objects it tracks ({refused.Code}: {refused.Message})";
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FlywayRepeatableChangesSchema,
                    $"Flyway runs the repeatable migration '{repeatable.RelativePath}' after every versioned one, and again whenever it changes; this statement is part of every database it runs on, and {why}. SchemaTasks does not apply repeatable migrations (their history has no version, and its migrator does not run them), so its schema would lack this change. Move the change into a versioned migration (V<version>__<description>.sql), and keep only views, functions and grants in repeatable ones.",
                    repeatable.RelativePath,
                    statement.Line,
                    Column(lines, statement, repeatable.SqlStartLine)));
                break;
            }
        }
    }

    // The tracked schema as the snapshot writes it: what a difference in it means is what the snapshot would show.
    private static string Tracked(Catalog catalog) => SnapshotJson.Write(new SchemaSnapshot(catalog.Dialect, [], catalog));

    // Where the statement starts on its line: its first characters, found on that line.
    private static int Column(string[] lines, SqlScriptStatement statement, int firstLine)
    {
        var index = statement.Line - firstLine;
        if (index < 0 || index >= lines.Length) return 1;
        var text = statement.Text.TrimStart();
        var start = lines[index].IndexOf(text.Substring(0, Math.Min(text.Length, 12)), StringComparison.Ordinal);
        return start < 0 ? 1 : start + 1;
    }
}
