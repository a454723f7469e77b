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

        var added = new Dictionary<string, SqlScriptStatement>(StringComparer.Ordinal); // By the label's spelling.
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

            if (AlterType().IsMatch(statement.Text))
            {
                // ADD VALUE ... AFTER 'c' and RENAME VALUE read no label as a value: not a use.
                if (AddValue().Match(statement.Text) is { Success: true } add) added[Unquoted(add.Groups["label"].Value)] = statement;
                else if (RenameValue().Match(statement.Text) is { Success: true } rename) Renamed(added, Unquoted(rename.Groups["from"].Value), Unquoted(rename.Groups["to"].Value));
                continue;
            }

            if (added.Count > 0 && UsedLabel(statement.Text, added) is { } used)
            {
                return new TransactionDecision(false, $"enum label '{used.Replace("'", "''")}' added on line {added[used].Line} is used on line {statement.Line}, which PostgreSQL allows only after the label is committed");
            }
        }

        return new TransactionDecision(true, null);
    }

    // A statement after an ADD VALUE is read as the build reads it first (LabelConstants): a string
    // constant, an array literal's element or a LANGUAGE sql body's constant spelled as the label.
    // The migrator has no catalog to tell which column or parameter is of the enum type, so any such
    // constant counts; running the file statement by statement then costs only its atomicity.
    private static string? UsedLabel(string text, Dictionary<string, SqlScriptStatement> added)
    {
        var (tokens, _) = SqlLexer.Lex(text, SqlDialect.Postgres);
        var labels = new AddedLabels(added);
        // An array literal that cannot be read exactly may hold any of them: the first stands for all.
        return LabelConstants.MayHold(text, tokens, labels, out _) ? labels.Used ?? added.Keys.First() : null;
    }

    // The labels the file added so far; remembers the one a constant spelled.
    private sealed class AddedLabels(Dictionary<string, SqlScriptStatement> added) : ILabelSpellings
    {
        public string? Used { get; private set; }

        public bool Spells(string text)
        {
            if (!added.ContainsKey(text)) return false;
            Used = text;
            return true;
        }

        public bool MayHaveLength(int length) => true;
    }

    private static void Renamed(Dictionary<string, SqlScriptStatement> added, string from, string to)
    {
        if (!added.TryGetValue(from, out var at)) return;
        added.Remove(from);
        added[to] = at;
    }

    private static string Unquoted(string literal) => literal.Substring(1, literal.Length - 2).Replace("''", "'");

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

    private static readonly Regex AlterTypePattern = new(@"^\s*ALTER\s+TYPE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex AlterType() => AlterTypePattern;

    // ALTER TYPE name RENAME VALUE 'from' TO 'to': a new label keeps being new under its new spelling.
    private static readonly Regex RenameValuePattern = new(
        @"^\s*ALTER\s+TYPE\s+.+?\s+RENAME\s+VALUE\s+(?<from>'(?:[^']|'')*')\s+TO\s+(?<to>'(?:[^']|'')*')",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static Regex RenameValue() => RenameValuePattern;

    // ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label': the label, quotes included.
    private static readonly Regex AddValuePattern = new(
        @"^\s*ALTER\s+TYPE\s+.+?\s+ADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<label>'(?:[^']|'')*')",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static Regex AddValue() => AddValuePattern;
}
