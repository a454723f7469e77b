using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a <c>CREATE | ALTER | DROP FUNCTION | PROCEDURE</c> statement does the same on every
/// search_path. The engine keeps routines by the names written (an unqualified one in public), so
/// it follows such a statement under another path only when the path decides nothing in it: each
/// routine name is qualified, and no other name the server resolves as it runs the statement
/// (argument and return types, DEFAULT expressions, the body of a SQL-language routine) is one the
/// migrations created in a schema the path or the default one searches. PostgreSQL 15 searches
/// pg_catalog first unless the path lists it later, so a built-in type such as <c>text</c> is
/// found there on any path; a PL/pgSQL body is checked for syntax only, and its names are looked
/// up when it runs, on the caller's path.
/// </summary>
internal static class PostgresRoutinePathLookup
{
    /// <summary>Whether the statement creates, changes or drops a function or procedure.</summary>
    public static bool Applies(string sql, List<SqlToken> tokens) => KindAt(sql, tokens) >= 0;

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
        var kind = KindAt(sql, tokens);
        var create = SqlTokenText.IsWord(sql, tokens[0], "CREATE");
        var sqlBody = create && WrittenInSql(sql, tokens);
        var depth = 0;
        var expectName = true; // The next word names a routine (after the kind, or a DROP's comma).
        var nameAt = -1;
        var inArguments = false; // Within a signature's or RETURNS TABLE's parentheses.
        var argumentStart = false;
        for (var i = kind + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (SqlTokenText.IsSymbol(sql, token, '('))
            {
                if (depth == 0) inArguments = argumentStart = i - 1 == nameAt || SqlTokenText.IsWord(sql, tokens[i - 1], "TABLE");
                depth++;
            }
            else if (inArguments && depth == 1 && SqlTokenText.IsSymbol(sql, token, ','))
            {
                argumentStart = true;
            }
            else if (argumentStart && depth == 1 && token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            {
                // [mode] [name] type: a parameter's or column's name is not looked up.
                if (token.Kind == SqlTokenKind.Word && IsArgumentMode(sql, token)) continue;
                argumentStart = false;
                if (i + 1 < tokens.Count && tokens[i + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !SqlTokenText.IsWord(sql, tokens[i + 1], "DEFAULT")) continue;
            }
            else if (SqlTokenText.IsSymbol(sql, token, ')'))
            {
                depth--;
                if (depth == 0) inArguments = argumentStart = false;

                // ALTER's actions after the signature (RENAME TO, SET SCHEMA, OWNER TO, a setting) name nothing along the path.
                if (depth == 0 && SqlTokenText.IsWord(sql, tokens[0], "ALTER")) return null;
            }

            if (depth == 0 && SqlTokenText.IsSymbol(sql, token, ',') && SqlTokenText.IsWord(sql, tokens[0], "DROP")) expectName = true;
            if (expectName && depth == 0 && (SqlTokenText.IsWord(sql, token, "IF") || SqlTokenText.IsWord(sql, token, "EXISTS"))) continue;
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String)) continue;

            if (expectName && depth == 0 && token.Kind != SqlTokenKind.String)
            {
                expectName = false;
                nameAt = i;
                if (i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.'))
                {
                    nameAt = i + 2;
                    continue;
                }

                var routine = rules.Quote(rules.Name(sql, token));
                return (token, create
                    ? $"it creates the routine {routine} in the first schema of the path, which is not the default path's"
                    : $"the server looks the routine {routine} up along the path, which may find another than on the default path");
            }

            if (create && depth == 0 && SqlTokenText.IsWord(sql, token, "SET"))
            {
                i = AfterSetting(sql, tokens, i);
                continue;
            }

            if (create && depth == 0 && token.Kind == SqlTokenKind.String && i > 0 && (SqlTokenText.IsWord(sql, tokens[i - 1], "AS") || SqlTokenText.IsSymbol(sql, tokens[i - 1], ',')) && IsBody(sql, tokens, i))
            {
                if (!sqlBody) continue;
                var body = EmbeddedSql.FromLiteral(sql, token, []);
                for (var b = 0; b < body.Tokens.Count; b++)
                {
                    if (Dependent(body.Text, body.Tokens, b, searched, catalogListedAfter, catalog, routines, rules) is { } inBody) return inBody;
                }

                continue;
            }

            if (Dependent(sql, tokens, i, searched, catalogListedAfter, catalog, routines, rules) is { } found) return found;
        }

        return null;
    }

    /// <summary>
    /// The name token <paramref name="i"/> stands for, with why, when the server finds it in
    /// another schema along the path (<paramref name="searched"/>) than along the default one
    /// (public), or may find a type there that hides a built-in one; null when it reads alike.
    /// </summary>
    internal static (SqlToken At, string Reason)? Dependent(string sql, List<SqlToken> tokens, int i, IReadOnlyList<string> searched, bool catalogListedAfter, Catalog catalog, RoutineOverloads routines, IdentifierRules rules)
    {
        if ((PostgresPathLookup.BareName(sql, tokens, i, rules) ?? TableOfTypeReference(sql, tokens, i, rules)) is not { } name) return null;
        string? onPath = null;
        foreach (var schema in searched)
        {
            var inSchema = new QualifiedName(schema, name);
            if (catalogListedAfter && PostgresBuiltinTypes.Contains(name) && PostgresPathLookup.HoldsType(catalog, inSchema))
            {
                return (tokens[i], $"{rules.Quote(schema)} holds a type named as a built-in one, {rules.Quote(name)}, and the path lists pg_catalog after it, so the server may find that type instead");
            }

            if (onPath is null && PostgresPathLookup.Holds(catalog, routines, inSchema)) onPath = schema;
        }

        var onDefault = PostgresPathLookup.Holds(catalog, routines, new QualifiedName(rules.ShownWithoutSchema, name)) ? rules.ShownWithoutSchema : null;
        if (onPath == onDefault) return null;
        return (tokens[i], $"{rules.Quote(name)} is a name the server looks up as it runs the statement, and finds it in {rules.Quote(onPath ?? onDefault!)} on one path and {(onPath is null || onDefault is null ? "not at all" : "in " + rules.Quote(onDefault))} on the other");
    }

    // The table of table.column%TYPE, looked up along the path as a name without a schema is.
    private static string? TableOfTypeReference(string sql, List<SqlToken> tokens, int i, IdentifierRules rules)
    {
        if (i > 0 && SqlTokenText.IsSymbol(sql, tokens[i - 1], '.')) return null;
        if (i + 4 >= tokens.Count || tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        if (!SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') || !SqlTokenText.IsSymbol(sql, tokens[i + 3], '%') || !SqlTokenText.IsWord(sql, tokens[i + 4], "TYPE")) return null;
        return PostgresNames.Truncate(rules.Name(sql, tokens[i]));
    }

    // The position of FUNCTION or PROCEDURE in CREATE [OR REPLACE] | ALTER | DROP FUNCTION | PROCEDURE; -1 for any other statement.
    private static int KindAt(string sql, List<SqlToken> tokens)
    {
        bool word(int i, string w) => i < tokens.Count && SqlTokenText.IsWord(sql, tokens[i], w);
        if (!(word(0, "CREATE") || word(0, "ALTER") || word(0, "DROP"))) return -1;
        var at = word(0, "CREATE") && word(1, "OR") && word(2, "REPLACE") ? 3 : 1;
        return word(at, "FUNCTION") || word(at, "PROCEDURE") ? at : -1;
    }

    private static bool IsArgumentMode(string sql, SqlToken token)
        => SqlTokenText.IsWord(sql, token, "IN") || SqlTokenText.IsWord(sql, token, "OUT") || SqlTokenText.IsWord(sql, token, "INOUT") || SqlTokenText.IsWord(sql, token, "VARIADIC");

    // Whether the routine's body is SQL, which the server parses and resolves as it creates the
    // routine (check_function_bodies, on by default); a body of another language is not resolved.
    private static bool WrittenInSql(string sql, List<SqlToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "LANGUAGE")) continue;
            var language = tokens[i + 1].Kind == SqlTokenKind.Word ? SqlTokenText.Raw(sql, tokens[i + 1]) : SqlTokenText.Unquote(sql, tokens[i + 1]);
            return language.Equals("sql", StringComparison.OrdinalIgnoreCase);
        }

        return true; // No LANGUAGE: a BEGIN ATOMIC or RETURN body, which is SQL.
    }

    // Whether the string at i is the definition AS gives (or C's second one), not a DEFAULT's value.
    private static bool IsBody(string sql, List<SqlToken> tokens, int i)
    {
        var at = i - 1;
        if (SqlTokenText.IsSymbol(sql, tokens[at], ',')) at -= 2; // AS 'obj_file', 'link_symbol'
        return at >= 0 && SqlTokenText.IsWord(sql, tokens[at], "AS");
    }

    // The last token of SET name { TO | = } value [, ...] | FROM CURRENT: a setting's value names nothing.
    private static int AfterSetting(string sql, List<SqlToken> tokens, int set)
    {
        var i = set + 2;
        if (i < tokens.Count && SqlTokenText.IsWord(sql, tokens[i], "FROM")) return Math.Min(i + 1, tokens.Count - 1);
        i++; // TO or =
        while (i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], ',')) i += 2;
        return Math.Min(i, tokens.Count - 1);
    }
}
