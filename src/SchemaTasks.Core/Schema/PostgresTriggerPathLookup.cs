using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a <c>CREATE | DROP TRIGGER</c> statement does the same on every search_path. A
/// trigger's name belongs to its table, so it is not looked up; the table after ON (and a
/// constraint trigger's FROM table), the function after EXECUTE and the names in its WHEN
/// condition are, and the statement is followed when none of them is a name the migrations
/// created in a schema the path or the default one searches (a qualified name, or a built-in
/// function such as <c>pg_trigger_depth()</c>, found in pg_catalog first on any path).
/// </summary>
internal static class PostgresTriggerPathLookup
{
    /// <summary>Whether the statement creates or drops a trigger.</summary>
    public static bool Applies(string sql, List<SqlToken> tokens) => NameAt(sql, tokens) >= 0;

    /// <summary>
    /// The first token the server reads differently on some path, with why; null when the
    /// statement resolves every name alike on <paramref name="searched"/> and on the default path.
    /// </summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="searched">The schemas that exist on the path, in order.</param>
    /// <param name="catalogListedAfter">Whether the path lists pg_catalog after its first schema, so a type there may hide a built-in one.</param>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="routines">The routines the migrations created.</param>
    /// <param name="rules">The dialect's rules, to read and quote names.</param>
    public static (SqlToken At, string Reason)? PathDependent(string sql, List<SqlToken> tokens, IReadOnlyList<string> searched, bool catalogListedAfter, Catalog catalog, RoutineOverloads routines, IdentifierRules rules)
    {
        for (var i = NameAt(sql, tokens) + 1; i < tokens.Count; i++)
        {
            // A function's arguments are constants; REFERENCING ... AS names a new transition table.
            if (tokens[i].Kind == SqlTokenKind.String) continue;
            if (SqlTokenText.IsWord(sql, tokens[i], "AS"))
            {
                i++;
                continue;
            }

            if (PostgresRoutinePathLookup.Dependent(sql, tokens, i, searched, catalogListedAfter, catalog, routines, rules) is { } found) return found;
        }

        return null;
    }

    // The position of the trigger's name in CREATE [OR REPLACE] [CONSTRAINT] TRIGGER | DROP TRIGGER [IF EXISTS]; -1 for any other statement.
    private static int NameAt(string sql, List<SqlToken> tokens)
    {
        bool word(int i, string w) => i < tokens.Count && SqlTokenText.IsWord(sql, tokens[i], w);
        int at;
        if (word(0, "DROP"))
        {
            at = 1;
        }
        else if (word(0, "CREATE"))
        {
            at = word(1, "OR") && word(2, "REPLACE") ? 3 : 1;
            if (word(at, "CONSTRAINT")) at++;
        }
        else
        {
            return -1;
        }

        if (!word(at, "TRIGGER")) return -1;
        at++;
        if (word(0, "DROP") && word(at, "IF") && word(at + 1, "EXISTS")) at += 2;
        return at < tokens.Count ? at : -1;
    }
}
