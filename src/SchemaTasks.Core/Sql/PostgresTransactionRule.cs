using System.Text.RegularExpressions;

namespace SchemaTasks.Sql;

/// <summary>Whether a PostgreSQL migration runs in one transaction, and why not.</summary>
/// <param name="InTransaction">Whether it runs in one transaction.</param>
/// <param name="Reason">Why it does not (the statement and its line, or the marker), for errors and logs.</param>
internal sealed record TransactionDecision(bool InTransaction, string? Reason);

/// <summary>
/// The rule that decides whether a PostgreSQL migration can run in a transaction. Some commands
/// refuse to run inside a transaction block, and a label added to an enum cannot be used before
/// the transaction that added it commits; a migration holding either runs statement by statement
/// in autocommit mode. A marker comment overrides the rule either way. Documented in
/// <c>docs/migrator.md</c>.
/// </summary>
internal static class PostgresTransactionRule
{
    /// <summary>The marker that makes a migration run without a transaction.</summary>
    public const string NoTransactionMarker = "-- schematasks:no-transaction";

    /// <summary>The marker that makes a migration run in a transaction whatever it holds.</summary>
    public const string TransactionMarker = "-- schematasks:transaction";

    /// <summary>Whether <paramref name="text"/> holds the marker that makes SchemaTasks' migrator run it without a transaction.</summary>
    public static bool IsMarkedNoTransaction(string text)
        => HasMarkerComment(text) && Marker().Match(text) is { Success: true } marker && marker.Groups["no"].Success;

    // The build asks this of every migration that adds an enum label. A case-insensitive search of
    // the whole text cost more than reading the file, so only the comment openers, which an ordinal
    // search finds quickly, are looked at: the marker is a comment line.
    private static bool HasMarkerComment(string text)
    {
        const string Prefix = "schematasks:";
        for (var dashes = text.IndexOf("--", StringComparison.Ordinal); dashes >= 0; dashes = text.IndexOf("--", dashes + 2, StringComparison.Ordinal))
        {
            var word = dashes + 2;
            while (word < text.Length && text[word] is ' ' or '\t') word++;
            if (string.Compare(text, word, Prefix, 0, Prefix.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }

        return false;
    }

    public static TransactionDecision Decide(string text, IReadOnlyList<SqlScriptStatement> statements, bool fileSaysNoTransaction = false)
    {
        if (fileSaysNoTransaction)
        {
            return new TransactionDecision(false, "its '-- migrate:up' line says transaction:false");
        }

        var marker = Marker().Match(text);
        if (marker.Success)
        {
            return marker.Groups["no"].Success
                ? new TransactionDecision(false, $"it is marked '{NoTransactionMarker}'")
                : new TransactionDecision(true, null);
        }

        var added = new List<(string Label, SqlScriptStatement At)>();
        foreach (var statement in statements)
        {
            if (NonTransactional().Match(statement.Text) is { Success: true } command)
            {
                return new TransactionDecision(false, $"{Words(command.Value)} on line {statement.Line} cannot run in a transaction");
            }

            // A file that opens or ends its own transaction would commit ours half-way; run it as written.
            if (TransactionControl().IsMatch(statement.Text))
            {
                return new TransactionDecision(false, $"it controls its own transaction ({Words(statement.Text)} on line {statement.Line})");
            }

            foreach (var (label, at) in added)
            {
                if (statement.Text.Contains(label, StringComparison.Ordinal))
                {
                    return new TransactionDecision(false, $"enum label {label} added on line {at.Line} is used on line {statement.Line}, which PostgreSQL allows only after the label is committed");
                }
            }

            if (AddValue().Match(statement.Text) is { Success: true } add)
            {
                added.Add((add.Groups["label"].Value, statement));
            }
        }

        return new TransactionDecision(true, null);
    }

    private static string Words(string match) => string.Join(' ', match.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    // A line holding only the marker; the last word decides, so "no-transaction" is checked by group.
    private static readonly Regex MarkerPattern = new(@"^[ \t]*--[ \t]*schematasks:(?:(?<no>no-transaction)|transaction)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex Marker() => MarkerPattern;

    // The commands PostgreSQL rejects inside a transaction block, at the start of a statement.
    private static readonly Regex NonTransactionalPattern = new(
        @"^\s*(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\s+(?:\(.*?\)\s*)?\w+\s+CONCURRENTLY|ALTER\s+TABLE\s+\S+\s+DETACH\s+PARTITION\s+\S+\s+CONCURRENTLY|VACUUM|ALTER\s+SYSTEM|CREATE\s+DATABASE|DROP\s+DATABASE|CREATE\s+TABLESPACE|DROP\s+TABLESPACE)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static Regex NonTransactional() => NonTransactionalPattern;

    // A whole statement that begins, commits or rolls back a transaction.
    private static readonly Regex TransactionControlPattern = new(
        @"^\s*(?:BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)(?:\s+(?:WORK|TRANSACTION))?(?:\s+ISOLATION\s+LEVEL\s+[\w\s]+)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex TransactionControl() => TransactionControlPattern;

    // ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label': the label, quotes included, so a later
    // statement using it as a literal is found by plain text search.
    private static readonly Regex AddValuePattern = new(
        @"^\s*ALTER\s+TYPE\s+.+?\s+ADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<label>'(?:[^']|'')*')",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static Regex AddValue() => AddValuePattern;
}
