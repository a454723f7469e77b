using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The MySQL and MariaDB procedures and functions the migrations created, by name, to refuse what
/// the server refuses: a second <c>CREATE</c> of a name without <c>OR REPLACE</c> or
/// <c>IF NOT EXISTS</c> (error 1304) and a <c>DROP</c> without <c>IF EXISTS</c> of a name no
/// migration created (error 1305).
/// </summary>
/// <remarks>
/// The namespace is known whole: the database the migrations run in starts without routines,
/// and nothing but these statements makes or takes one (a routine cannot create a routine, 1303,
/// nor can a prepared statement, 1295). Procedures and functions are kept apart, as the server
/// keeps them, and names compare in any case. A loadable function (<c>SONAME</c>) shares the
/// function names for <c>DROP FUNCTION</c>, but a clash with it is left to the server.
/// </remarks>
internal sealed class MySqlRoutineNames
{
    // CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] PROCEDURE | FUNCTION: the kind word comes within as many tokens.
    private const int KindWithin = 12;

    private static readonly string[] HeadWords = ["DEFINER", "AGGREGATE", "PROCEDURE", "FUNCTION"];

    /// <summary>
    /// Whether every statement since the database was empty passes here, so a name never seen is
    /// surely missing. Not so when SQL is applied to a schema read elsewhere (a snapshot, the
    /// schema after the versioned migrations for a repeatable one).
    /// </summary>
    public bool SeesEveryRoutine { get; set; }

    // Kind and name (the server's spelling) of each routine there is now, with whether it is a loadable function.
    private readonly Dictionary<(string Kind, string Name), bool> _routines = new(KeyComparer.Instance);

    /// <summary>Checks and remembers the routine a <c>CREATE PROCEDURE</c> or <c>CREATE FUNCTION</c> makes.</summary>
    public void Create(string sql, List<SqlToken> tokens, CreatedKind created, ApplyContext context)
    {
        var kindAt = created.Within(KindWithin);
        if (kindAt < 0 || Kind(sql, tokens[kindAt]) is not { } kind || !RoutineHead(sql, tokens)) return;
        var nameAt = CreatedObjectName.NameAt(sql, tokens, kindAt);
        if (nameAt < 0 || nameAt != NameStart(sql, tokens, kindAt)) return; // Qualified by a database: another code reports it.
        var name = context.Rules.Name(sql, tokens[nameAt]);
        var loadable = kind == "FUNCTION" && HasWord(sql, tokens, nameAt, "SONAME");
        if (_routines.TryGetValue((kind, name), out var wasLoadable))
        {
            var replaces = SqlTokenText.IsWord(sql, tokens[1], "OR") && tokens.Count > 2 && SqlTokenText.IsWord(sql, tokens[2], "REPLACE");
            var skips = SqlTokenText.IsWord(sql, tokens[kindAt + 1], "IF");
            if (!replaces && !skips && !loadable && !wasLoadable)
            {
                context.Error(
                    DiagnosticCodes.RoutineExists,
                    $"CREATE {kind} {name}: an earlier migration already created {kind.ToLowerInvariant()} {name} (names compare in any case), so the server refuses this (error 1304, {kind} {name} already exists) and the migration stops here. Write CREATE OR REPLACE {kind} (MariaDB), DROP {kind} IF EXISTS {name} before it, or give it another name.",
                    tokens[nameAt]);
                return;
            }
        }

        _routines[(kind, name)] = loadable;
    }

    /// <summary>Checks and forgets the routine a <c>DROP PROCEDURE</c> or <c>DROP FUNCTION</c> names.</summary>
    public void Drop(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (tokens.Count < 3 || Kind(sql, tokens[1]) is not { } kind) return;
        var at = 2;
        var ifExists = SqlTokenText.IsWord(sql, tokens[at], "IF") && at + 2 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at + 1], "EXISTS");
        if (ifExists) at += 2;
        var nameAt = CreatedObjectName.LastPart(sql, tokens, at);
        if (nameAt != at) return; // Qualified by a database, or no name.
        var name = context.Rules.Name(sql, tokens[nameAt]);
        if (_routines.Remove((kind, name)) || ifExists || !SeesEveryRoutine) return; // DROP FUNCTION takes a loadable function too.
        context.Error(
            DiagnosticCodes.RoutineNotFound,
            $"DROP {kind} {name}: no earlier migration creates {kind.ToLowerInvariant()} {name} (or it was already dropped), so the server refuses this (error 1305, {kind} {name} does not exist) and the migration stops here. Write DROP {kind} IF EXISTS {name}, or fix the name.",
            tokens[nameAt]);
    }

    // CREATE [OR REPLACE] then DEFINER, AGGREGATE or the kind word: no other object's CREATE.
    private static bool RoutineHead(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 3) return false;
        var at = SqlTokenText.IsWord(sql, tokens[1], "OR") ? 3 : 1;
        return at < tokens.Count && SqlTokenText.IsOneOf(sql, tokens[at], HeadWords);
    }

    private static string? Kind(string sql, SqlToken token)
        => SqlTokenText.IsWord(sql, token, "PROCEDURE") ? "PROCEDURE" : SqlTokenText.IsWord(sql, token, "FUNCTION") ? "FUNCTION" : null;

    // Where the name starts after the kind word: past IF NOT EXISTS.
    private static int NameStart(string sql, List<SqlToken> tokens, int kindAt)
        => kindAt + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[kindAt + 1], "IF") ? kindAt + 4 : kindAt + 1;

    private static bool HasWord(string sql, List<SqlToken> tokens, int from, string word)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], word)) return true;
        }

        return false;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Kind, string Name)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Kind, string Name) x, (string Kind, string Name) y)
            => string.Equals(x.Kind, y.Kind, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Kind, string Name) key)
            => StringComparer.Ordinal.GetHashCode(key.Kind) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name);
    }
}
