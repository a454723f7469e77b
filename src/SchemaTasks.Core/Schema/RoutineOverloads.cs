using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The argument lists the migrations created each PostgreSQL function and procedure with, for
/// one run. A default or CHECK calls a function by name, and which overload the server resolved
/// the call to depends on argument types the engine does not know; so when DROP FUNCTION names one
/// overload of several, its dependents cannot be told from the others' (<see cref="RoutineDependents"/>),
/// nor whether a later call of the name still finds one (<see cref="DropOf"/>).
/// </summary>
internal sealed class RoutineOverloads
{
    // CREATE [OR REPLACE] [AGGREGATE] FUNCTION: the kind comes within a few words.
    private const int KindWithin = 6;

    private readonly Dictionary<QualifiedName, HashSet<string>> _signatures = [];
    private readonly HashSet<string> _everNamed = new(StringComparer.Ordinal);
    private ulong _everNamedLengths; // Bit n: a name of n characters was defined (the last bit: 63 or more).

    // The names a DROP (or a rename, or DROP SCHEMA ... CASCADE) took from the routines the
    // migrations created, and no CREATE gave back since: by name alone, as calls are matched.
    private readonly Dictionary<string, RoutineDrop> _drops = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the migrations created an operator, cast or aggregate: a view that uses one calls
    /// its function without naming it, so which views a dropped function takes is not known.
    /// </summary>
    public bool MadeUnnamedCallers { get; private set; }

    /// <summary>The trigger names DO blocks and routine bodies may touch unseen, and whether they create functions.</summary>
    public UnseenTriggers Triggers { get; } = new();

    /// <summary>The user types each routine's header names, which follow the same drops and renames.</summary>
    public RoutineTypeUses TypeUses { get; } = new();

    /// <summary>The return types of the functions, which follow the same drops and renames.</summary>
    public RoutineReturnTypes Returns { get; } = new();

    /// <summary>The routines the migrations created that no DROP removed since.</summary>
    public IEnumerable<QualifiedName> Names => _signatures.Keys;

    /// <summary>
    /// Whether a routine of <paramref name="name"/> the migrations created exists now, in any
    /// schema. Looked up in <paramref name="likelySchema"/> first, where nearly all are: asked for
    /// every CREATE TRIGGER, a search of every routine each time grew with the history.
    /// </summary>
    public bool ExistsInAnySchema(string name, string likelySchema)
    {
        if (_signatures.ContainsKey(new QualifiedName(likelySchema, name))) return true;
        foreach (var routine in _signatures.Keys)
        {
            if (routine.Name == name) return true;
        }

        return false;
    }

    /// <summary>Records the routine a <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c> statement defines.</summary>
    public void Define(string sql, List<SqlToken> tokens, CreatedKind created, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres) return;
        if (MakesUnnamedCaller(sql, tokens)) MadeUnnamedCallers = true;
        var kind = created.Within(KindWithin);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return;
        var last = CreatedObjectName.NameAt(sql, tokens, kind);
        if (last < 0 || last + 1 >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[last + 1], '(')) return;
        var schema = last >= kind + 3 && SqlTokenText.IsSymbol(sql, tokens[last - 1], '.') ? rules.Name(sql, tokens[last - 2]) : rules.DefaultSchema;
        var name = new QualifiedName(schema, rules.Name(sql, tokens[last]));
        _everNamed.Add(name.Name);
        _everNamedLengths |= LengthBit(name.Name.Length);
        if (!_signatures.TryGetValue(name, out var signatures)) _signatures[name] = signatures = new HashSet<string>(StringComparer.Ordinal);
        var signature = RoutineSignature.Text(sql, tokens, last + 1);
        signatures.Add(signature);
        TypeUses.Define(name, signature, SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE") ? RoutineKind.Procedure : RoutineKind.Function, RoutineHeaderTypes.Read(sql, tokens, last + 1, rules));
        _drops.Remove(name.Name);
    }

    /// <summary>Whether the migrations created a function or procedure of this name, in any schema, at any time (dropped or not).</summary>
    public bool EverDefined(string name) => _everNamed.Contains(name);

    /// <summary>
    /// Whether a function or procedure the migrations ever created has a name of
    /// <paramref name="length"/> characters: asked before a word is made a name to look up, so
    /// most words a statement calls (types, keywords, built-in functions) cost no string.
    /// </summary>
    public bool EverDefinedNameOfLength(int length) => (_everNamedLengths & LengthBit(length)) != 0;

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>Whether the migrations created more than one overload of <paramref name="name"/> that no DROP removed since.</summary>
    public bool IsOverloaded(QualifiedName name) => _signatures.TryGetValue(name, out var signatures) && signatures.Count > 1;

    /// <summary>
    /// Forgets <paramref name="name"/> after a DROP of it, unless it has several overloads: which
    /// one went the engine cannot tell, so later drops stay as undecided as this one.
    /// </summary>
    public void Dropped(QualifiedName name)
    {
        if (!IsOverloaded(name)) _signatures.Remove(name);
    }

    /// <summary>
    /// Forgets <paramref name="routine"/> after a DROP of it at <paramref name="where"/>, and notes
    /// whether a later call of its name surely fails: when the migrations created it with one
    /// argument list, in one schema, and the DROP took it (no argument list, or the one it was
    /// created with, or any without IF EXISTS: the server refuses a list that matches nothing).
    /// Otherwise the call may reach an overload, or a schema's routine, that is still there.
    /// </summary>
    public void Dropped(DroppedRoutine routine, bool ifExists, string where)
    {
        var name = routine.Name;
        if (!_signatures.TryGetValue(name, out var signatures)) return; // Not one the migrations created there.
        var took = routine.Arguments is null || !ifExists || signatures.Contains(routine.Arguments);
        var surely = signatures.Count == 1 && took;
        TypeUses.Dropped(name, routine.Arguments, IsOverloaded(name));
        Dropped(name);
        Returns.Dropped(name, this);
        Gone(name.Name, where, surely && !_signatures.Keys.Any(n => n.Name == name.Name));
    }

    /// <summary>
    /// What a DROP left of the routines the migrations named <paramref name="name"/>, when one took
    /// all or some of them and no CREATE made one since; null otherwise.
    /// </summary>
    public RoutineDrop? DropOf(string name) => _drops.GetValueOrDefault(name);

    /// <summary>
    /// The argument lists of <paramref name="name"/>'s overloads the migrations created, as
    /// written with unquoted words folded, one token a word: <c>( x status , n int ) </c>.
    /// </summary>
    public IReadOnlyCollection<string> SignaturesOf(QualifiedName name)
        => _signatures.TryGetValue(name, out var signatures) ? signatures : [];

    /// <summary>The routines the migrations created in <paramref name="schema"/>.</summary>
    public IEnumerable<QualifiedName> In(string schema) => _signatures.Keys.Where(n => n.Schema == schema);

    /// <summary>Forgets every overload of <paramref name="name"/>, which DROP SCHEMA ... CASCADE dropped.</summary>
    public void Forget(QualifiedName name, string where)
    {
        _signatures.Remove(name);
        TypeUses.Forget(name);
        Returns.Forget(name);
        Gone(name.Name, where, !_signatures.Keys.Any(n => n.Name == name.Name));
    }

    /// <summary>Moves what is known of <paramref name="name"/>'s overloads to <paramref name="newName"/> after ALTER FUNCTION renames one.</summary>
    public void Renamed(QualifiedName name, QualifiedName newName, string where)
    {
        if (name == newName || !_signatures.TryGetValue(name, out var signatures)) return;
        if (!_signatures.TryGetValue(newName, out var target)) _signatures[newName] = target = new HashSet<string>(StringComparer.Ordinal);
        target.UnionWith(signatures);
        _drops.Remove(newName.Name);
        var moved = !IsOverloaded(name);
        TypeUses.Renamed(name, newName, moved);
        Dropped(name); // One overload of several moved: which is not known, so both names stay undecided.
        Returns.Renamed(name, newName, this);
        if (name.Name != newName.Name) Gone(name.Name, where, moved && !_signatures.Keys.Any(n => n.Name == name.Name));
    }

    private void Gone(string name, string where, bool surely)
    {
        // What is left of the name's overloads is kept as cautiously as surely is told: the first
        // drop that surely took them all is the one a later call's message points at.
        if (_drops.GetValueOrDefault(name) is not { Surely: true }) _drops[name] = new RoutineDrop(where, surely);
    }

    // CREATE [OR REPLACE] OPERATOR | CAST | AGGREGATE (and OPERATOR CLASS / FAMILY, as cautious).
    private static bool MakesUnnamedCaller(string sql, List<SqlToken> tokens)
    {
        var kind = tokens.Count > 3 && SqlTokenText.IsWord(sql, tokens[1], "OR") && SqlTokenText.IsWord(sql, tokens[2], "REPLACE") ? 3 : 1;
        return kind < tokens.Count && (SqlTokenText.IsWord(sql, tokens[kind], "OPERATOR") || SqlTokenText.IsWord(sql, tokens[kind], "CAST") || SqlTokenText.IsWord(sql, tokens[kind], "AGGREGATE"));
    }
}

/// <summary>
/// A DROP of routines the migrations created: where it was, and whether it surely took every
/// routine of the name (a call of it then fails, SQLSTATE 42883) or may have left one.
/// </summary>
internal sealed record RoutineDrop(string Where, bool Surely);
