using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL reads a constant's input when it takes the default, so <c>DEFAULT 'now'</c> on a
/// timestamp (also <c>'today'</c>, <c>'tomorrow'</c>, <c>'yesterday'</c>, and on date and time
/// columns, written as a cast or not) stores the moment the migration ran as a fixed value, not
/// the moment of each insert (checked on PostgreSQL 15: pg_get_expr shows
/// <c>'2026-12-07 09:25:17.233485'::timestamp without time zone</c>). The snapshot cannot know that
/// value; the engine keeps the written text and reports it, with the function that was meant.
/// </summary>
internal static class PostgresMomentDefaults
{
    private static readonly string[] Words = ["now", "today", "tomorrow", "yesterday"];

    // The longest quoted word with a few spaces around it: 'yesterday' is 11 characters.
    private const int LongestWritten = 24;

    /// <summary>Reports <paramref name="stored"/> (the default as the engine stores it) when it is such a constant on a date or time type.</summary>
    public static void Report(string type, string stored, DefaultOwner owner, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || Kind(type) is not { } kind || stored.Length < 5 || stored[^1] != '\'') return;
        var quote = stored.IndexOf('\'', StringComparison.Ordinal);
        if (quote < 0 || stored.Length - quote > LongestWritten) return; // A date or time literal, not one of the words.
        if (quote > 0 && Kind(stored[..quote].Trim().ToLowerInvariant()) is null) return; // timestamp 'now', as written.
        if (StoredLiterals.PlainString(stored[quote..], context.Rules) is not { } text) return;
        var word = text.Trim().ToLowerInvariant();
        if (Array.IndexOf(Words, word) < 0) return;
        var meant = (kind, word) switch
        {
            ("date", "now" or "today") => "CURRENT_DATE",
            ("date", "tomorrow") => "CURRENT_DATE + 1",
            ("date", _) => "CURRENT_DATE - 1",
            ("time", _) => "LOCALTIME (CURRENT_TIME for time with time zone)",
            (_, "now") => "now()",
            (_, "today") => "CURRENT_DATE",
            (_, "tomorrow") => "CURRENT_DATE + 1",
            _ => "CURRENT_DATE - 1",
        };
        context.Warning(
            DiagnosticCodes.DefaultFixedWhenMigrated,
            $"DEFAULT {stored} on {owner.Describe(context)} ({type}) is read once, when the migration runs: PostgreSQL stores that moment as a fixed default, not the time of each insert, and the snapshot, which cannot know it, records {stored} as written. Write DEFAULT {meant} for the value at each insert; if the fixed moment is meant, write it as a literal.",
            at);
    }

    // The date and time types whose input reads those words: "date", "time" or "timestamp", or null.
    private static string? Kind(string type)
    {
        if (type == "date") return "date";
        if (!type.StartsWith("time", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal)) return null;
        if (type.StartsWith("timestamp", StringComparison.Ordinal)) return type is "timestamp" or "timestamptz" || type.EndsWith(" time zone", StringComparison.Ordinal) ? "timestamp" : null;
        return type is "time" or "timetz" || type.EndsWith(" time zone", StringComparison.Ordinal) ? "time" : null;
    }
}
