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
/// accepts and 12 to 16 refuse), warning <c>ST3073</c> and the statement applies.
/// </summary>
internal sealed class UncommittedLabelCheck
{
    private readonly ToolTransaction _run;
    private readonly string _sql;
    private bool? _markedNoTransaction;

    private UncommittedLabelCheck(ToolTransaction run, string sql) => (_run, _sql) = (run, sql);

    /// <summary>The labels added and not committed yet.</summary>
    public UncommittedEnumLabels Labels { get; } = new();

    /// <summary>
    /// The check for one migration, or <see langword="null"/> when none is needed: another
    /// dialect, or a tool that runs the file statement by statement. A file marked for SchemaTasks'
    /// own migrator to run without a transaction (which it then does) is not checked either; that
    /// is looked for only once the file adds a label, as most never do.
    /// </summary>
    public static UncommittedLabelCheck? For(SqlDialect dialect, ToolTransaction? run, string sql)
        => dialect == SqlDialect.Postgres && run is { Kind: not ToolTransactionKind.None }
            ? new UncommittedLabelCheck(run, sql)
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
    public Catalog Check(Catalog before, Catalog after, string sql, IReadOnlyList<SqlToken> tokens, ApplyContext context)
    {
        if (Labels.IsEmpty || (_markedNoTransaction ??= PostgresTransactionRule.IsMarkedNoTransaction(_sql))) return after;
        if (UncommittedLabelUses.Find(before, after, sql, tokens, Labels, context.Rules) is not { } use) return after;
        var label = use.Label;
        var value = context.ShowValue(label.Label);
        var type = context.Show(label.Type);
        var added = $"ALTER TYPE {type} ADD VALUE {value} on line {label.At.Line}";
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
}
