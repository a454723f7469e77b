using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// DROP PROCEDURE and DROP FUNCTION: a routine they take is gone for the calls after them, which
/// the server refuses (PostgreSQL SQLSTATE 42883, MySQL error 1305) instead of running its body.
/// PostgreSQL's drops are read with the overloads they may leave (<see cref="RoutineOverloads"/>);
/// a call that may reach one still there is reported as undecided rather than followed or refused.
/// MySQL keeps procedures and functions apart, and its DROP names one routine, never inside
/// another routine (error 1357).
/// </summary>
internal sealed partial class RoutineCalls
{
    /// <summary>MySQL: the procedures and functions there are, for the CREATEs and DROPs the server refuses.</summary>
    public MySqlRoutineNames MySqlNames { get; } = new();

    /// <summary>MySQL: the triggers there are, for the CREATEs and DROPs the server refuses.</summary>
    public MySqlTriggerNames MySqlTriggers { get; } = new();

    /// <summary>MySQL: the events there are, for the CREATEs, ALTERs and DROPs the server refuses.</summary>
    public MySqlEventNames MySqlEvents { get; } = new();

    // MySQL: the routines a DROP took that no CREATE made again, by kind and name.
    private readonly Dictionary<(string Kind, string Name), string> _mySqlDrops = new(MySqlRoutineKeyComparer.Instance);

    /// <summary>Forgets the routine a MySQL <c>DROP PROCEDURE | FUNCTION [IF EXISTS] name</c> names.</summary>
    public void Drop(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (!_dialect.IsMySqlFamily() || tokens.Count < 3 || !SqlTokenText.IsWord(sql, tokens[0], "DROP")) return;
        var kind = SqlTokenText.IsWord(sql, tokens[1], "PROCEDURE") ? "procedure" : SqlTokenText.IsWord(sql, tokens[1], "FUNCTION") ? "function" : null;
        if (kind is null) return;
        var at = 2;
        if (SqlTokenText.IsWord(sql, tokens[at], "IF") && at + 2 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at + 1], "EXISTS")) at += 2;
        if (NameAt(sql, tokens, at) is not { } name) return;
        (kind == "function" ? _mySqlFunctions : _routines).Remove(name);
        _mySqlDrops[(kind, name)] = context.Where(tokens[0]);
    }

    // A MySQL routine a CREATE makes is there again.
    private void Recreated(RoutineDefinition routine) => _mySqlDrops.Remove((routine.Kind, routine.Name));

    /// <summary>
    /// Why a call of the <paramref name="kind"/> (procedure or function) <paramref name="name"/>
    /// fails or cannot be told, when a DROP took it (or may have); null when no DROP did.
    /// </summary>
    private DroppedCall? Dropped(string name, string kind)
    {
        if (_dialect.IsMySqlFamily())
        {
            return _mySqlDrops.TryGetValue((kind, name), out var where) ? new DroppedCall(where, Surely: true) : null;
        }

        return Overloads.DropOf(name) is { } drop ? new DroppedCall(drop.Where, drop.Surely) : null;
    }

    /// <summary>The first routine <paramref name="tokens"/>[<paramref name="range"/>] calls (a name followed by a parenthesis) that a DROP took or may have taken.</summary>
    private (SqlToken At, string Name, DroppedCall Drop)? DroppedCallee(string sql, IReadOnlyList<SqlToken> tokens, SqlStatementRange range)
    {
        if (_routines.Count == 0) return null;
        for (var i = range.Start; i + 1 < range.End; i++)
        {
            if (!SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') || !MayName(tokens[i])) continue;
            var name = Identifier(sql, tokens[i]);
            if (_routines.ContainsKey(name) && Dropped(name, "function") is { } drop) return (tokens[i], name, drop);
        }

        return null;
    }

    // A call of a routine a DROP took: the error the server stops at, or, when an overload may be
    // left, the call reported as undecided. True when reported.
    private bool ReportDropped(string kind, string name, DroppedCall drop, SqlToken at, ApplyContext context)
    {
        var shown = context.Show(name);
        var refusal = _dialect.IsMySqlFamily()
            ? $"error 1305, {kind.ToUpperInvariant()} {shown} does not exist"
            : $"SQLSTATE 42883, {kind} {shown} does not exist";
        context.Error(
            DiagnosticCodes.RoutineNotFound,
            drop.Surely
                ? $"This calls {kind} {shown}, which the DROP at {drop.Where} dropped and no migration creates again before this: the server refuses the call ({refusal}). Create the {kind} again before the call, or leave the call out."
                : $"This calls {kind} {shown}, one overload or schema's copy of which the DROP at {drop.Where} dropped: SchemaTasks cannot tell whether the call reaches one that is still there or the server refuses it ({refusal}). Drop every overload before the call, or create the {kind} again.",
            at);
        return true;
    }

    private sealed record DroppedCall(string Where, bool Surely);

    // MySQL compares routine names in any case; the kind exactly.
    private sealed class MySqlRoutineKeyComparer : IEqualityComparer<(string Kind, string Name)>
    {
        public static readonly MySqlRoutineKeyComparer Instance = new();

        public bool Equals((string Kind, string Name) x, (string Kind, string Name) y)
            => x.Kind == y.Kind && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((string Kind, string Name) key)
            => (key.Kind.GetHashCode() * 31) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name);
    }
}
