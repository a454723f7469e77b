using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The MySQL and MariaDB events the migrations created, by name, to refuse what the server
/// refuses: a second <c>CREATE EVENT</c> of a name without <c>OR REPLACE</c> (MariaDB) or
/// <c>IF NOT EXISTS</c> (error 1537), a <c>DROP EVENT</c> without <c>IF EXISTS</c> or an
/// <c>ALTER EVENT</c> of a name that is not there (1539), and <c>ALTER EVENT ... RENAME TO</c> a
/// name taken (1537) or its own (1551). And the event whose body may change a tracked object,
/// which the server runs when the scheduler says, not as the migration runs (ST3128).
/// </summary>
/// <remarks>
/// Event names compare in any case on every platform, and belong to no table. An event is made
/// only by <c>CREATE EVENT</c> or dynamic SQL (not by a routine, 1576); a procedure or dynamic SQL
/// may drop one, after which the names are no longer known.
/// </remarks>
internal sealed class MySqlEventNames
{
    // CREATE [OR REPLACE] [DEFINER = user] EVENT, ALTER [DEFINER = user] EVENT: the EVENT word comes within as many tokens.
    private const int EventWithin = 10;

    // The events there surely are, spelt as created.
    private readonly HashSet<string> _events = new(StringComparer.OrdinalIgnoreCase);

    // Names that may or may not be there now.
    private readonly HashSet<string> _unsure = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether every statement since the database was empty passes here, so a name never seen is surely missing.</summary>
    public bool SeesEveryEvent { get; set; }

    /// <summary>Whether anything is known that <see cref="ForgetAll"/> would forget.</summary>
    public bool KnowsAny => SeesEveryEvent || _events.Count > 0;

    /// <summary>Checks and remembers the event a <c>CREATE EVENT</c> makes.</summary>
    public void Create(string sql, List<SqlToken> tokens, ApplyContext context, RoutineCalls routines)
    {
        var at = EventWordAt(sql, tokens);
        if (at < 0) return;
        at++;
        var ifNotExists = at + 2 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "IF") && SqlTokenText.IsWord(sql, tokens[at + 1], "NOT") && SqlTokenText.IsWord(sql, tokens[at + 2], "EXISTS");
        if (ifNotExists) at += 3;
        if (NameAt(sql, tokens, at, context) is not { } name)
        {
            var last = CreatedObjectName.LastPart(sql, tokens, at);
            CheckBody(sql, tokens, at, "CREATE EVENT", last < 0 ? "(no name)" : sql[tokens[at].Start..tokens[last].End], context, routines);
            return;
        }

        var exists = _events.TryGetValue(name, out var was);
        if (exists && ifNotExists) return; // A note, and the event stays as it was.
        if (exists && !SqlTokenText.IsWord(sql, tokens[1], "OR"))
        {
            context.Error(
                DiagnosticCodes.TriggerOrEventExists,
                $"CREATE EVENT {name}: an earlier statement already created event {was} (event names compare in any case), so the server refuses this (error 1537, Event '{name}' already exists) and the migration stops here. Write CREATE EVENT IF NOT EXISTS, CREATE OR REPLACE EVENT (MariaDB), DROP EVENT IF EXISTS {name} before it, or give it another name.",
                tokens[at]);
            return;
        }

        CheckBody(sql, tokens, at, "CREATE EVENT", name, context, routines);
        _unsure.Remove(name);
        _events.Remove(name); // OR REPLACE takes the new spelling.
        _events.Add(name);
    }

    /// <summary>Checks and forgets the event a <c>DROP EVENT</c> names.</summary>
    public void Drop(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (tokens.Count < 3 || !SqlTokenText.IsWord(sql, tokens[1], "EVENT")) return;
        var at = 2;
        var ifExists = at + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "IF") && SqlTokenText.IsWord(sql, tokens[at + 1], "EXISTS");
        if (ifExists) at += 2;
        if (NameAt(sql, tokens, at, context) is not { } name) return;
        if (_events.Remove(name) | _unsure.Remove(name) || ifExists) return;
        Missing("DROP EVENT", name, tokens[at], context, $"Write DROP EVENT IF EXISTS {name}, or fix the name.");
    }

    /// <summary>Checks an <c>ALTER EVENT</c>, and follows its <c>RENAME TO</c>.</summary>
    public void Alter(string sql, List<SqlToken> tokens, ApplyContext context, RoutineCalls routines)
    {
        var at = EventWordAt(sql, tokens);
        if (at < 0 || NameAt(sql, tokens, at + 1, context) is not { } name) return;
        var known = _events.TryGetValue(name, out var spelt);
        if (!known && !_unsure.Contains(name))
        {
            Missing("ALTER EVENT", name, tokens[at + 1], context, "Fix the name, or create the event first.");
            return;
        }

        var renameAt = RenameTarget(sql, tokens, at + 2);
        if (renameAt >= 0)
        {
            if (CreatedObjectName.LastPart(sql, tokens, renameAt) != renameAt)
            {
                // Moved to a database named, maybe this one.
                Unsure(name);
                return;
            }

            var to = context.Rules.Name(sql, tokens[renameAt]);
            if (string.Equals(to, name, StringComparison.OrdinalIgnoreCase))
            {
                context.Error(
                    DiagnosticCodes.TriggerOrEventExists,
                    $"ALTER EVENT {name} RENAME TO {to}: event names compare in any case, so this is the event's own name and the server refuses it (error 1551, Same old and new event name) and the migration stops here. Leave out RENAME TO, or give it another name.",
                    tokens[renameAt]);
                return;
            }

            if (_events.TryGetValue(to, out var taken))
            {
                context.Error(
                    DiagnosticCodes.TriggerOrEventExists,
                    $"ALTER EVENT {name} RENAME TO {to}: an earlier statement already created event {taken} (event names compare in any case), so the server refuses this (error 1537, Event '{to}' already exists) and the migration stops here. Drop {taken} first, or give it another name.",
                    tokens[renameAt]);
                return;
            }
        }

        CheckBody(sql, tokens, at + 2, "ALTER EVENT", spelt ?? name, context, routines);
        if (renameAt < 0) return;
        var renamed = context.Rules.Name(sql, tokens[renameAt]);
        if (known) _events.Remove(name);
        else _unsure.Remove(name);
        _unsure.Remove(renamed);
        if (known) _events.Add(renamed);
        else _unsure.Add(renamed);
    }

    /// <summary>After SQL that may have created or dropped any event (dynamic SQL, a procedure that drops one): no name is known now.</summary>
    public void ForgetAll()
    {
        _unsure.UnionWith(_events);
        _events.Clear();
        SeesEveryEvent = false;
    }

    // An event's DO body runs when the scheduler fires it (with event_scheduler=ON), after the migration
    // or never: what it changes is not applied, so a body that may change a tracked object is said.
    private static void CheckBody(string sql, List<SqlToken> tokens, int from, string statement, string name, ApplyContext context, RoutineCalls routines)
    {
        var doAt = -1;
        for (var i = from; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "DO"))
            {
                doAt = i;
                break;
            }
        }

        if (doAt < 0 || doAt + 1 >= tokens.Count) return;
        var body = sql[tokens[doAt + 1].Start..tokens[^1].End];
        if (!BodyMayChangeTracked(sql, tokens, doAt + 1, body, context.Rules.Dialect, routines)) return;
        context.Warning(
            DiagnosticCodes.EventBodyNotApplied,
            $"{statement} {name}: its body may change a table (it holds DDL, dynamic SQL or a call of a procedure that does), but the server runs it when the event scheduler fires it (only with event_scheduler=ON, at the time ON SCHEDULE says), not as the migration runs, so SchemaTasks does not apply it, and the schema it reads from the migrations may lack what the event changes. Make the change a statement of a migration, and keep the event to data.",
            tokens[doAt]);
    }

    private static bool BodyMayChangeTracked(string sql, List<SqlToken> tokens, int from, string body, SqlDialect dialect, RoutineCalls routines)
    {
        if (DdlText.LooksLikeDdl(body, dialect)) return true;
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.String && DdlText.MayBeDdlStatement(SqlTokenText.Unquote(sql, tokens[i]), dialect)) return true;
            if (routines.NamesTrackedRoutine(sql, tokens[i])) return true;
        }

        return false;
    }

    private void Missing(string statement, string name, SqlToken at, ApplyContext context, string fix)
    {
        if (!SeesEveryEvent) return;
        context.Error(
            DiagnosticCodes.TriggerOrEventNotFound,
            $"{statement} {name}: no earlier statement creates event {name} (or it was dropped or renamed), so the server refuses this (error 1539, Unknown event '{name}') and the migration stops here. {fix}",
            at);
    }

    private void Unsure(string name)
    {
        _events.Remove(name);
        _unsure.Add(name);
    }

    // CREATE [OR REPLACE] [DEFINER = user] EVENT or ALTER [DEFINER = user] EVENT: the index of EVENT, or -1.
    private static int EventWordAt(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 3) return -1;
        var at = SqlTokenText.IsWord(sql, tokens[0], "CREATE") && SqlTokenText.IsWord(sql, tokens[1], "OR") ? 3 : 1;
        if (at >= tokens.Count) return -1;
        if (SqlTokenText.IsWord(sql, tokens[at], "EVENT")) return at;
        if (!SqlTokenText.IsWord(sql, tokens[at], "DEFINER")) return -1;
        for (var i = at + 1; i < Math.Min(tokens.Count, at + EventWithin); i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "EVENT")) return i;
        }

        return -1;
    }

    // An unqualified name at the index, or null (qualified: maybe another database).
    private static string? NameAt(string sql, List<SqlToken> tokens, int at, ApplyContext context)
        => at < tokens.Count && SqlTokenText.IsName(tokens[at]) && CreatedObjectName.LastPart(sql, tokens, at) == at ? context.Rules.Name(sql, tokens[at]) : null;

    // ALTER EVENT's RENAME TO new: the index of the new name, or -1 (before the DO body, which may hold RENAME).
    private static int RenameTarget(string sql, List<SqlToken> tokens, int from)
    {
        for (var i = from; i + 2 < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "DO")) return -1;
            if (SqlTokenText.IsWord(sql, tokens[i], "RENAME") && SqlTokenText.IsWord(sql, tokens[i + 1], "TO")) return i + 2;
        }

        return -1;
    }
}
