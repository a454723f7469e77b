using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Reports a PostgreSQL statement that uses an enum label its own transaction added
/// (<see cref="UncommittedLabelUses"/>), when the migration's tool runs the whole file in one
/// transaction (<see cref="ToolTransactions"/>): <c>ST3072</c>, and the statement is left out as
/// the server refuses it. Where the refusal depends on what the folder does not show (a plain
/// folder's tool, Evolve; a label of a type created in the same transaction, which PostgreSQL 17
/// accepts and 12 to 16 refuse), warning <c>ST3073</c> and the statement applies; likewise
/// <c>ST3087</c> for an argument of overloads that differ in the parameter's type, and
/// <c>ST3086</c> for a label an earlier migration added where the tool runs every pending
/// migration in one transaction (drizzle).
/// </summary>
internal sealed class UncommittedLabelCheck
{
    private readonly ToolTransaction _run;
    private readonly string _sql;
    private readonly string? _file;
    private bool? _markedNoTransaction;
    private Func<bool>? _readsFunctionBodies;
    private bool? _bodiesRead;

    private UncommittedLabelCheck(ToolTransaction run, string sql, string? file, UncommittedEnumLabels? batch)
    {
        (_run, _sql, _file) = (run, sql, file);
        Labels = batch ?? new UncommittedEnumLabels();
        Labels.StartMigration(file);
    }

    /// <summary>
    /// The labels added and not committed yet: this migration's, and for a tool that runs every
    /// pending migration in one transaction (drizzle), the earlier migrations' too.
    /// </summary>
    public UncommittedEnumLabels Labels { get; }

    /// <summary>
    /// The check for one migration, or <see langword="null"/> when none is needed: another
    /// dialect, or a tool that runs the file statement by statement. A file marked for SchemaTasks'
    /// own migrator to run without a transaction (which it then does) is not checked either; that
    /// is looked for only once the file adds a label, as most never do.
    /// </summary>
    /// <param name="dialect">The migrations' dialect.</param>
    /// <param name="run">How the tool runs the migration.</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="file">The migration, as diagnostics name it.</param>
    /// <param name="batch">The labels of the run so far, for a tool that runs all pending migrations in one transaction; <see langword="null"/> for one that commits each.</param>
    public static UncommittedLabelCheck? For(SqlDialect dialect, ToolTransaction? run, string sql, string? file = null, UncommittedEnumLabels? batch = null)
        => dialect == SqlDialect.Postgres && run is { Kind: not ToolTransactionKind.None }
            ? new UncommittedLabelCheck(run, sql, file, batch)
            : null;

    /// <summary>Follows a statement the engine does not apply: COMMIT and its synonyms end the transaction.</summary>
    public void Passed(string sql, SqlToken first)
    {
        if (SqlTokenText.IsWord(sql, first, "COMMIT") || SqlTokenText.IsWord(sql, first, "END"))
        {
            Labels.Committed();
        }
    }

    /// <summary>
    /// Reports the statement's first use of an uncommitted label, and returns the catalog the
    /// server is left with: <paramref name="before"/> when it refuses the statement.
    /// </summary>
    public Catalog Check(Catalog before, Catalog after, string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (Labels.IsEmpty || (_markedNoTransaction ??= PostgresTransactionRule.IsMarkedNoTransaction(_sql))) return after;
        if (UncommittedLabelUses.Find(before, after, sql, tokens, Labels, context.Rules, context.Overloads, _readsFunctionBodies ??= ReadsFunctionBodies) is not { } use) return after;
        var label = use.Label;
        var value = context.ShowValue(label.Label);
        var type = context.Show(label.Type);
        if (label.Migration != _file)
        {
            context.Warning(
                DiagnosticCodes.UncommittedEnumLabelOfEarlierMigration,
                $"{_run.Tool} runs every pending migration in one transaction, and this statement reads {value} as a value of enum type {type}, which ALTER TYPE {type} ADD VALUE {value} on line {label.At.Line} of {label.Migration} added: when both migrations are applied in the same run (a new database, CI, a deploy that brings both), PostgreSQL refuses this statement (SQLSTATE 55P04, unsafe use of new value){(label.TypeIsNew ? " before PostgreSQL 17" : string.Empty)}. A database that already has {label.Migration} applies it. Apply {label.Migration} on its own first where both may be pending.",
                use.At);
            return after;
        }

        var added = $"ALTER TYPE {type} ADD VALUE {value} on line {label.At.Line}";
        if (use.Undecided is { } why)
        {
            context.Warning(
                DiagnosticCodes.UncommittedEnumLabelMayBeRead,
                $"{_run.Tool} runs this migration {_run.How}, and {added} added {value} in the same transaction, which has not committed yet: {why}. If it is, PostgreSQL refuses this statement (SQLSTATE 55P04, unsafe use of new value); move the statements that use {value} to a new migration after this one.",
                use.At);
            return after;
        }

        if (_run.Kind == ToolTransactionKind.One && !label.TypeIsNew)
        {
            var toolFix = _run.Fix.Length > 0 ? $"; or {_run.Fix}" : string.Empty;
            context.Error(
                DiagnosticCodes.UncommittedEnumLabelUsed,
                $"{_run.Tool} runs this migration {_run.How}, so PostgreSQL refuses this statement: it reads {value} as a value of enum type {type}, and {added} added that label in the same transaction, which has not committed yet (SQLSTATE 55P04, unsafe use of new value). Move the statements that use {value} to a new migration after this one{toolFix}. (If SchemaTasks' migrator, not {_run.Tool}, runs this folder, it runs such a file statement by statement: mark the file {PostgresTransactionRule.NoTransactionMarker} to say so.)",
                use.At);
            return before;
        }

        if (_run.Kind == ToolTransactionKind.One)
        {
            context.Warning(
                DiagnosticCodes.UncommittedEnumLabelMayBeRefused,
                $"{_run.Tool} runs this migration {_run.How}, and this statement reads {value} as a value of enum type {type}, which {added} added in the same transaction that created the type: PostgreSQL 17 and later accept that, PostgreSQL 12 to 16 refuse it (SQLSTATE 55P04, unsafe use of new value). On a server older than 17, list {value} in CREATE TYPE {type} instead of adding it, or move the statements that use it to a new migration.",
                use.At);
            return after;
        }

        if (!label.TypeIsNew)
        {
            context.Warning(
                DiagnosticCodes.UncommittedEnumLabelMayBeRefused,
                $"{_run.Tool} runs this migration {_run.How}. Run in one transaction, this statement is refused: it reads {value} as a value of enum type {type}, and {added} added that label in the same transaction, which has not committed yet (SQLSTATE 55P04, unsafe use of new value). Move the statements that use {value} to a new migration after this one. SchemaTasks' migrator runs such a file statement by statement; if it runs this folder, mark the file {PostgresTransactionRule.NoTransactionMarker} to say so.",
                use.At);
        }

        return after;
    }

    // pg_dump's files turn check_function_bodies off, and CREATE FUNCTION then parses no body.
    // Searched for once a function body may hold a label, as few do.
    private bool ReadsFunctionBodies() => _bodiesRead ??= _sql.IndexOf("check_function_bodies", StringComparison.OrdinalIgnoreCase) < 0;
}
