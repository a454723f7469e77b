using System.Text.RegularExpressions;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The trigger names a DO block or a called routine's body may create, drop or rename where the
/// engine does not follow it (a step that may not run, SQL built at run time): a later CREATE,
/// DROP or ALTER TRIGGER of such a name is reported as undecided, never refused or passed quietly
/// (<see cref="TriggerStatements"/>). Also notes a body that creates a function, after which no
/// trigger's function is surely missing. Shared by the whole run.
/// <para>
/// A DO block runs where it stands, so its body counts at once. A function's or procedure's body
/// runs only when called, so what it may do to triggers waits (<see cref="NoteRoutine"/>) until a
/// later statement names the routine (<see cref="NoteCalls"/>): a SELECT or CALL of it, a DO
/// block that performs it, a view, default or data statement that calls it, a trigger that
/// executes it (a trigger function runs on data changes from then on). A routine whose body
/// names a waiting routine waits with its effect too, whichever was created first, as PL/pgSQL
/// finds the routines it calls when it runs. A history whose bodies touch no trigger pays nothing.
/// </para>
/// </summary>
internal sealed class UnseenTriggers
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    // The routines whose bodies touch triggers unseen, by name as written folded to lower case,
    // waiting for a statement that names them; null until the first.
    private Dictionary<string, Effect>? _waiting;

    /// <summary>Whether a body touches a trigger whose name it does not write out (built at run time, or ALTER TRIGGER ... RENAME).</summary>
    public bool AnyName => AnyNameBy is not null;

    /// <summary>What touched a trigger whose name it does not write out, for messages; null when nothing did.</summary>
    public string? AnyNameBy { get; private set; }

    /// <summary>Whether a body that ran may have created a function: a trigger's function may then exist without a CREATE the engine read.</summary>
    public bool FunctionsMade { get; private set; }

    /// <summary>Whether a routine created before waits for a call (<see cref="NoteCalls"/>): a cheap test before each statement.</summary>
    public bool HasWaiting => _waiting is { Count: > 0 };

    /// <summary>Whether a body may have created, dropped or renamed a trigger of <paramref name="name"/>.</summary>
    public bool MayTouch(string name) => AnyName || (_names.Count > 0 && _names.ContainsKey(name));

    /// <summary>What may have touched a trigger of <paramref name="name"/> by that name, for messages; null when nothing did.</summary>
    public string? NamedBy(string name) => _names.GetValueOrDefault(name);

    /// <summary>Leaves <paramref name="name"/> undecided: a statement may or may not have dropped a trigger of it.</summary>
    public void Forget(string name, string where) => _names.TryAdd(name, $"the DROP FUNCTION ... CASCADE at {where}, which may or may not have dropped one,");

    /// <summary>A DO block, which runs where it stands: the triggers its string constants touch are undecided from now on.</summary>
    public void Note(string sql, List<SqlToken> tokens, string? file)
    {
        if (Read(sql, tokens) is { } effect) Apply(effect, $"the DO block at {Where(file, tokens[0])}");
    }

    /// <summary>
    /// A CREATE statement: a function's or procedure's body that touches triggers (or names a
    /// routine whose body does) waits for a call. The routines <paramref name="routines"/> created
    /// before whose bodies name it then wait with it.
    /// </summary>
    public void NoteRoutine(string sql, List<SqlToken> tokens, CreatedKind created, string? file, RoutineCalls routines)
    {
        var kind = created.Within(6);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return;
        var last = CreatedObjectName.NameAt(sql, tokens, kind);
        if (last < 0) return;
        var name = Key(SqlTokenText.Raw(sql, tokens[last]));
        var effect = Read(sql, tokens);
        if (HasWaiting)
        {
            // A body that calls a waiting routine waits with what that one does.
            var text = sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start);
            foreach (var (waiting, what) in _waiting!)
            {
                if (waiting != name && NamesWord(text, waiting)) (effect ??= new Effect()).Add(what);
            }
        }

        if (effect is null) return;
        effect.Routine = $"{SqlTokenText.Raw(sql, tokens[kind]).ToLowerInvariant()} {SqlTokenText.Raw(sql, tokens[last])} (created at {Where(file, tokens[0])})";
        Wait(name, effect);

        // A routine created before that calls this one (PL/pgSQL finds it when it runs) waits with it.
        var pending = new Queue<string>([name]);
        var reached = new HashSet<string>(StringComparer.Ordinal) { name };
        while (pending.Count > 0)
        {
            var callee = pending.Dequeue();
            foreach (var caller in routines.RoutinesNaming(callee))
            {
                var key = Key(caller);
                if (!reached.Add(key)) continue;
                var inherited = new Effect { Routine = $"routine {caller}, which calls {_waiting![callee].Routine}" };
                inherited.Add(_waiting[callee]);
                Wait(key, inherited);
                pending.Enqueue(key);
            }
        }
    }

    /// <summary>
    /// Any statement after a routine that waits: when its text names the routine, the body may run
    /// from here on, and the triggers it touches are undecided. A CREATE of another routine only
    /// makes that one wait (<see cref="NoteRoutine"/>); a DROP or COMMENT of a routine runs nothing.
    /// </summary>
    public void NoteCalls(ReadOnlySpan<char> statement, string? file, SqlToken at)
    {
        List<string>? called = null;
        foreach (var name in _waiting!.Keys)
        {
            if (NamesWord(statement, name)) (called ??= []).Add(name);
        }

        if (called is null || RunsNothing(statement)) return;
        foreach (var name in called)
        {
            var effect = _waiting[name];
            _waiting.Remove(name);
            Apply(effect, $"{effect.Routine}, which the statement at {Where(file, at)} may run,");
        }
    }

    // CREATE FUNCTION | PROCEDURE, DROP FUNCTION | PROCEDURE | ROUTINE, COMMENT ON: they name routines without running them.
    private static bool RunsNothing(ReadOnlySpan<char> statement) => RoutineDefinitionPattern.IsMatch(statement);

    private void Wait(string name, Effect effect)
    {
        _waiting ??= new Dictionary<string, Effect>(StringComparer.Ordinal);
        if (_waiting.TryGetValue(name, out var before))
        {
            // An overload, or a replaced body: either may still be called.
            before.Add(effect);
            return;
        }

        _waiting[name] = effect;
    }

    private void Apply(Effect effect, string by)
    {
        foreach (var name in effect.Names) _names.TryAdd(name, by);
        if (effect.AnyName) AnyNameBy ??= by;
        if (effect.FunctionsMade) FunctionsMade = true;
    }

    // What the string constants (the bodies) of a DO block or a CREATE FUNCTION | PROCEDURE do to triggers; null when nothing.
    private static Effect? Read(string sql, List<SqlToken> tokens)
    {
        Effect? effect = null;
        foreach (var token in tokens)
        {
            if (token.Kind != SqlTokenKind.String) continue;
            var body = sql.AsSpan(token.Start, token.Length);
            if (AsciiWords.Contains(body, "TRIGGER")) ReadTriggers(body.ToString(), ref effect);
            if (AsciiWords.Contains(body, "FUNCTION") && CreatesFunctionPattern.IsMatch(body)) (effect ??= new Effect()).FunctionsMade = true;
        }

        return effect;
    }

    private static void ReadTriggers(string body, ref Effect? effect)
    {
        foreach (Match match in TriggerStatementPattern.Matches(body))
        {
            effect ??= new Effect();
            var name = match.Groups["name"];
            var end = match.Index + match.Length;
            if (match.Groups["alter"].Success || !name.Success || (end < body.Length && !char.IsWhiteSpace(body[end])))
            {
                effect.AnyName = true; // A name built at run time (%I, || ...), or a rename to a name not read here.
                continue;
            }

            effect.Names.Add(name.Value[0] == '"' ? name.Value[1..^1] : name.Value.ToLowerInvariant());
        }
    }

    private static string Where(string? file, SqlToken at) => $"{file ?? "the migration"}({at.Line},{at.Column})";

    // A routine's name as a statement may write it: any case, quoted or not.
    private static string Key(string written) => (written.Length > 1 && written[0] == '"' ? written[1..^1] : written).ToLowerInvariant();

    // Whether the text holds the name as a whole word, in any case (a quoted name in another case counts too: it may be another routine, or this one).
    internal static bool NamesWord(ReadOnlySpan<char> text, string name)
    {
        var from = 0;
        while (from <= text.Length - name.Length)
        {
            var at = text[from..].IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            at += from;
            var end = at + name.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end == text.Length || !IsNameChar(text[end]))) return true;
            from = at + 1;
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    // What a body does to triggers, and the routine it is of (for messages).
    private sealed class Effect
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool AnyName { get; set; }

        public bool FunctionsMade { get; set; }

        public string Routine { get; set; } = string.Empty;

        public void Add(Effect other)
        {
            Names.UnionWith(other.Names);
            AnyName |= other.AnyName;
            FunctionsMade |= other.FunctionsMade;
        }
    }

    // Built when first used: most histories have no body that touches a trigger.
    private static Regex TriggerStatementPattern => field ??= new(
        """\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?|DROP\s+|(?<alter>ALTER\s+))TRIGGER\b\s*(?:IF\s+EXISTS\s+)?(?<name>"[^"]*"|[A-Za-z_][A-Za-z0-9_$]*)?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex CreatesFunctionPattern => field ??= new("""\bCREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex RoutineDefinitionPattern => field ??= new(
        """\A\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\b|DROP\s+(?:FUNCTION|PROCEDURE|ROUTINE)\b|COMMENT\s+ON\b)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
