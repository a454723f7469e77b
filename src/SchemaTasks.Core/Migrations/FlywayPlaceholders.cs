using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Migrations;

/// <summary>
/// Flyway's placeholder replacement, which it applies to every SQL migration before running it
/// (on by default, <c>placeholderReplacement</c>): each <c>${name}</c> (the name is everything up
/// to the next <c>}</c>, matched by exact case, in comments and strings alike) becomes its value;
/// a name with no value stops Flyway ("No value provided for placeholder"). The values Flyway
/// gives by itself are known here when the build can know them: <c>flyway:defaultSchema</c>
/// (PostgreSQL's <c>public</c>, the first schema of a new connection's search path, which is what
/// SchemaTasks places unqualified objects in), <c>flyway:table</c> (the history table) and
/// <c>flyway:filename</c>. The others (<c>flyway:user</c>, <c>flyway:database</c>,
/// <c>flyway:timestamp</c>, <c>flyway:workingDirectory</c>, <c>flyway:environment</c>, and
/// <c>flyway:defaultSchema</c> on MySQL and MariaDB, where it is the connection's database)
/// exist only when Flyway runs: outside comments and the strings of data statements they are
/// reported and left as written, since the schema would depend on them. A value given in the
/// settings wins over both, so a project can state what it runs with.
/// </summary>
internal static class FlywayPlaceholders
{
    private const string Prefix = "${";
    private const char Suffix = '}';

    // What only Flyway's run knows (Flyway 10's built-in placeholders).
    private static readonly HashSet<string> RunTimeNames = new(StringComparer.Ordinal)
    {
        "flyway:user", "flyway:database", "flyway:timestamp", "flyway:workingDirectory", "flyway:environment",
    };

    /// <summary>The file's SQL as Flyway runs it, its placeholders replaced; problems go to <paramref name="diagnostics"/>.</summary>
    /// <param name="file">The migration file.</param>
    /// <param name="settings">The values given, and whether Flyway replaces at all.</param>
    /// <param name="dialect">The dialect, if known: it decides <c>flyway:defaultSchema</c> and where comments are.</param>
    /// <param name="historyTable">Flyway's <c>table</c> setting, or <see langword="null"/> for its default.</param>
    /// <param name="names">How the settings are named in messages.</param>
    /// <param name="diagnostics">Where an unknown placeholder (<c>ST1030</c>) or a run-time one (<c>ST1031</c>) is reported.</param>
    /// <param name="reported">The names already reported as without a value in this folder: each is reported once, at its first place.</param>
    public static string Replace(MigrationSourceFile file, FlywayPlaceholderSettings settings, SqlDialect? dialect, string? historyTable, MigrationSettingNames names, List<SchemaDiagnostic> diagnostics, HashSet<string> reported)
    {
        var text = file.Text;
        if (!settings.Replace || text.IndexOf(Prefix, StringComparison.Ordinal) < 0) return text;

        var known = Known(file, settings, dialect, historyTable);
        var result = new System.Text.StringBuilder(text.Length);
        List<SqlToken>? tokens = null;
        var copied = 0;
        for (var start = text.IndexOf(Prefix, StringComparison.Ordinal); start >= 0; start = text.IndexOf(Prefix, copied, StringComparison.Ordinal))
        {
            var end = text.IndexOf(Suffix, start + Prefix.Length);
            var (line, column) = TextPosition.PositionOf(text, start);
            if (end < 0)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FlywayPlaceholderWithoutValue,
                    $"'{Shown(text.Substring(start))}' opens a Flyway placeholder that is never closed with '}}': Flyway reads the rest of the file as its name, has no value for it, and stops (\"No value provided for placeholder\"). Close it, or write '$' and '{{' apart if it is not a placeholder.",
                    file.RelativePath,
                    line,
                    column));
                break;
            }

            var name = text.Substring(start + Prefix.Length, end - start - Prefix.Length);
            result.Append(text, copied, start - copied);
            copied = end + 1;
            if (known.TryGetValue(name, out var value))
            {
                result.Append(value);
                continue;
            }

            result.Append(text, start, end + 1 - start); // Left as written: a diagnostic says why.
            if (RunTimeNames.Contains(name) || name == "flyway:defaultSchema")
            {
                if (dialect is not { } lexed) continue; // No schema is built without a dialect.
                tokens ??= SqlLexer.Lex(text, lexed).Tokens;
                if (!TemplatePlaceholders.ShapesSchema(text, tokens, start)) continue; // A comment, or data: no schema depends on it.
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FlywayPlaceholderAtRunTime,
                    $"'${{{name}}}' is {RunTimeMeaning(name)}, which Flyway knows only when it runs; the schema this statement builds would depend on it, so SchemaTasks does not guess it. Give the value SchemaTasks should assume: {Setting(names, name, "<value>")}, or write the SQL without it.",
                    file.RelativePath,
                    line,
                    column));
                continue;
            }

            if (!reported.Add(name)) continue;
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.FlywayPlaceholderWithoutValue,
                $"Flyway placeholder '${{{name}}}' has no value: Flyway replaces every placeholder in a migration before running it, and stops at one it has no value for (\"No value provided for placeholder\"). Give it the value Flyway is given (its 'placeholders.{name}' setting): {Setting(names, name, "<value>")}. Only its first place in the folder is reported.",
                file.RelativePath,
                line,
                column));
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    /// <summary>Where the first placeholder Flyway would replace in <paramref name="text"/> starts, or <see langword="null"/>.</summary>
    public static (int Line, int Column, string Text)? First(string text)
    {
        var start = text.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0) return null;
        var end = text.IndexOf(Suffix, start + Prefix.Length);
        var (line, column) = TextPosition.PositionOf(text, start);
        return (line, column, end < 0 ? Shown(text.Substring(start)) : text.Substring(start, end + 1 - start));
    }

    private static Dictionary<string, string> Known(MigrationSourceFile file, FlywayPlaceholderSettings settings, SqlDialect? dialect, string? historyTable)
    {
        var slash = file.RelativePath.LastIndexOf('/');
        var known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["flyway:table"] = string.IsNullOrWhiteSpace(historyTable) ? "flyway_schema_history" : historyTable!.Trim(),
            ["flyway:filename"] = slash < 0 ? file.RelativePath : file.RelativePath.Substring(slash + 1),
        };
        if (dialect == SqlDialect.Postgres) known["flyway:defaultSchema"] = "public";
        foreach (var given in settings.Values)
        {
            known[given.Key] = given.Value;
        }

        return known;
    }

    private static string RunTimeMeaning(string name) => name switch
    {
        "flyway:user" => "the user Flyway connects as",
        "flyway:database" => "the name of the database Flyway connects to",
        "flyway:timestamp" => "the time Flyway runs the migration",
        "flyway:workingDirectory" => "the folder Flyway runs in",
        "flyway:environment" => "the name of the environment Flyway is given",
        _ => "Flyway's default schema, on MySQL and MariaDB the database of its connection",
    };

    private static string Setting(MigrationSettingNames names, string name, string value) =>
        names.FlywayPlaceholders.Replace("{name}", name, StringComparison.Ordinal).Replace("{value}", value, StringComparison.Ordinal);

    private static string Shown(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text.Substring(0, end);
        return line.Length <= 40 ? line : line.Substring(0, 40) + "…";
    }

}
