using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The argument lists the migrations created each PostgreSQL function and procedure with, for
/// one run. A default or CHECK calls a function by name, and which overload the server resolved
/// the call to depends on argument types the engine does not know; so when DROP FUNCTION names one
/// overload of several, its dependents cannot be told from the others' (<see cref="RoutineDependents"/>).
/// </summary>
internal sealed class RoutineOverloads
{
    // CREATE [OR REPLACE] [AGGREGATE] FUNCTION: the kind comes within a few words.
    private const int KindWithin = 6;

    private readonly Dictionary<QualifiedName, HashSet<string>> _signatures = [];
    private readonly HashSet<string> _everNamed = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the migrations created an operator, cast or aggregate: a view that uses one calls
    /// its function without naming it, so which views a dropped function takes is not known.
    /// </summary>
    public bool MadeUnnamedCallers { get; private set; }

    /// <summary>The routines the migrations created that no DROP removed since.</summary>
    public IEnumerable<QualifiedName> Names => _signatures.Keys;

    /// <summary>Records the routine a <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c> statement defines.</summary>
    public void Define(string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        if (rules.Dialect != SqlDialect.Postgres) return;
        if (MakesUnnamedCaller(sql, tokens)) MadeUnnamedCallers = true;
        var kind = CreatedObjectName.KindAt(sql, tokens, KindWithin);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return;
        var last = CreatedObjectName.NameAt(sql, tokens, kind);
        if (last < 0 || last + 1 >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[last + 1], '(')) return;
        var schema = last >= kind + 3 && SqlTokenText.IsSymbol(sql, tokens[last - 1], '.') ? rules.Name(sql, tokens[last - 2]) : rules.DefaultSchema;
        var name = new QualifiedName(schema, rules.Name(sql, tokens[last]));
        _everNamed.Add(name.Name);
        if (!_signatures.TryGetValue(name, out var signatures)) _signatures[name] = signatures = new HashSet<string>(StringComparer.Ordinal);
        signatures.Add(Signature(sql, tokens, last + 1));
    }

    /// <summary>Whether the migrations created a function or procedure of this name, in any schema, at any time (dropped or not).</summary>
    public bool EverDefined(string name) => _everNamed.Contains(name);

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
    /// The argument lists of <paramref name="name"/>'s overloads the migrations created, as
    /// written with unquoted words folded, one token a word: <c>( x status , n int ) </c>.
    /// </summary>
    public IReadOnlyCollection<string> SignaturesOf(QualifiedName name)
        => _signatures.TryGetValue(name, out var signatures) ? signatures : [];

    /// <summary>The routines the migrations created in <paramref name="schema"/>.</summary>
    public IEnumerable<QualifiedName> In(string schema) => _signatures.Keys.Where(n => n.Schema == schema);

    /// <summary>Forgets every overload of <paramref name="name"/>, which DROP SCHEMA ... CASCADE dropped.</summary>
    public void Forget(QualifiedName name) => _signatures.Remove(name);

    /// <summary>Moves what is known of <paramref name="name"/>'s overloads to <paramref name="newName"/> after ALTER FUNCTION renames one.</summary>
    public void Renamed(QualifiedName name, QualifiedName newName)
    {
        if (name == newName || !_signatures.TryGetValue(name, out var signatures)) return;
        if (!_signatures.TryGetValue(newName, out var target)) _signatures[newName] = target = new HashSet<string>(StringComparer.Ordinal);
        target.UnionWith(signatures);
        Dropped(name); // One overload of several moved: which is not known, so both names stay undecided.
    }

    // CREATE [OR REPLACE] OPERATOR | CAST | AGGREGATE (and OPERATOR CLASS / FAMILY, as cautious).
    private static bool MakesUnnamedCaller(string sql, List<SqlToken> tokens)
    {
        var kind = tokens.Count > 3 && SqlTokenText.IsWord(sql, tokens[1], "OR") && SqlTokenText.IsWord(sql, tokens[2], "REPLACE") ? 3 : 1;
        return kind < tokens.Count && (SqlTokenText.IsWord(sql, tokens[kind], "OPERATOR") || SqlTokenText.IsWord(sql, tokens[kind], "CAST") || SqlTokenText.IsWord(sql, tokens[kind], "AGGREGATE"));
    }

    // The argument list's tokens, as written with unquoted words folded: CREATE OR REPLACE of the
    // same overload repeats it.
    private static string Signature(string sql, List<SqlToken> tokens, int open)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var token = tokens[i];
            text.Append(SqlTokenText.Raw(sql, token).ToLowerInvariant()).Append(' ');
            if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, token, ')') && --depth == 0) break;
        }

        return text.ToString();
    }
}
