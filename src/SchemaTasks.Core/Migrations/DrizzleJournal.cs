using System.Globalization;
using System.Text.Json;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Migrations;

/// <summary>
/// drizzle-kit's <c>meta/_journal.json</c>: the order of the migrations and their tags. drizzle's
/// migrator reads <c>&lt;tag&gt;.sql</c> for each entry, in the journal's order, and records the
/// entry's <c>when</c> (milliseconds) as <c>created_at</c>.
/// </summary>
internal static class DrizzleJournal
{
    /// <summary>The journal's path relative to the migrations folder.</summary>
    public const string Path = "meta/_journal.json";

    /// <summary>One entry: the tag, its <c>when</c>, and the journal line it is on.</summary>
    public sealed record Entry(string Tag, long When, int Line);

    /// <summary>The entries, or <see langword="null"/> with an <c>ST1012</c> error.</summary>
    public static IReadOnlyList<Entry>? Read(MigrationSourceFile journal, List<SchemaDiagnostic> diagnostics)
    {
        var entries = new List<Entry>();
        try
        {
            using var document = JsonDocument.Parse(journal.Text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("entries", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return Unreadable(journal, "it has no \"entries\" array", 1, diagnostics);
            }

            var searchFrom = 0;
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var hasTag = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.String;
                var hasWhen = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("when", out var when) && when.ValueKind == JsonValueKind.Number && when.TryGetInt64(out _);
                if (!hasTag || !hasWhen)
                {
                    return Unreadable(journal, $"entry {index} lacks a string \"tag\" or a whole-number \"when\"", LineOfEntry(journal.Text, null, ref searchFrom), diagnostics);
                }

                var name = item.GetProperty("tag").GetString()!;
                entries.Add(new Entry(name, item.GetProperty("when").GetInt64(), LineOfEntry(journal.Text, name, ref searchFrom)));
                index++;
            }
        }
        catch (JsonException error)
        {
            var line = (int)((error.LineNumber ?? 0) + 1);
            return Unreadable(journal, "it is not valid JSON: " + error.Message, line, diagnostics);
        }

        return entries;
    }

    /// <summary>
    /// The dialect the journal declares (<c>"dialect": "postgresql"</c>, <c>"pg"</c> before
    /// drizzle-kit 0.21, or <c>"mysql"</c>, which a mariadb setting refines); <see langword="null"/>
    /// for another (SQLite, SingleStore), a missing one, or a journal that cannot be read, which
    /// <see cref="Read"/> reports.
    /// </summary>
    public static SqlDialect? DeclaredDialect(MigrationSourceFile journal)
    {
        try
        {
            using var document = JsonDocument.Parse(journal.Text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("dialect", out var dialect) || dialect.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return dialect.GetString() switch
            {
                "postgresql" or "pg" => SqlDialect.Postgres,
                "mysql" => SqlDialect.MySql,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The id drizzle's history records for an entry: its <c>when</c>.</summary>
    public static string Id(long when) => when.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<Entry>? Unreadable(MigrationSourceFile journal, string why, int line, List<SchemaDiagnostic> diagnostics)
    {
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.UnreadableJournal,
            $"drizzle-kit's journal '{journal.RelativePath}' cannot be read: {why}. Restore it from version control, or regenerate it with drizzle-kit.",
            journal.RelativePath,
            line));
        return null;
    }

    // The line of the entry's "tag" value, searched from the previous entry on, so each entry
    // points at its own line even when two tags are alike. A tag written with escapes is not
    // found as such and points at the line after the previous entry instead. (No serializer:
    // the native tool has no reflection-based JSON.)
    private static int LineOfEntry(string text, string? tag, ref int searchFrom)
    {
        var at = tag is null ? -1 : text.IndexOf("\"" + tag + "\"", searchFrom, StringComparison.Ordinal);
        if (at < 0) return TextPosition.LineOf(text, searchFrom);
        searchFrom = at + 1;
        return TextPosition.LineOf(text, at);
    }
}
