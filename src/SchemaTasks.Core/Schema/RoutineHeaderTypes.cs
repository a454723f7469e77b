using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The user types a PostgreSQL <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c> header names:
/// each parameter's type (<c>[mode] [name] type [DEFAULT ...]</c>, arrays of it too) and the
/// result (<c>RETURNS [SETOF] type</c>, the columns of <c>RETURNS TABLE (...)</c>). The server
/// records each as a dependency of the routine: DROP TYPE of one is refused without CASCADE
/// (2BP01) and drops the routine with it (checked on PostgreSQL 15). Names are read as written,
/// an unqualified one in the default schema, as the engine reads every name; built-in types come
/// out as names no migration creates, so they never match a dropped type. A declared variable of
/// a body is no dependency, and is not read.
/// </summary>
internal static class RoutineHeaderTypes
{
    /// <summary>The types named, in order, possibly repeated.</summary>
    /// <param name="sql">The text the tokens index.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="open">The index of the parameter list's opening parenthesis; RETURNS follows the list.</param>
    /// <param name="rules">The naming rules.</param>
    public static List<QualifiedName> Read(string sql, IReadOnlyList<SqlToken> tokens, int open, IdentifierRules rules)
    {
        var types = new List<QualifiedName>();
        var close = ColumnList(sql, tokens, open, rules, types);

        // RETURNS comes right after the parameters, in the grammar.
        var at = close + 2;
        if (at >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[close + 1], "RETURNS")) return types;
        if (SqlTokenText.IsWord(sql, tokens[at], "TABLE") && at + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[at + 1], '('))
        {
            ColumnList(sql, tokens, at + 1, rules, types);
            return types;
        }

        if (SqlTokenText.IsWord(sql, tokens[at], "SETOF")) at++;
        if (NameAt(sql, tokens, at, rules) is { } result) types.Add(result.Name);
        return types;
    }

    // ( [mode] [name] type [DEFAULT | = value], ... ): the types go to types; returns the index of the closing parenthesis.
    private static int ColumnList(string sql, IReadOnlyList<SqlToken> tokens, int open, IdentifierRules rules, List<QualifiedName> types)
    {
        var (depth, start) = (0, open + 1);
        for (var i = open; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(sql, tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, tokens[i], ')')) depth--;
            var ends = depth == 0 || (depth == 1 && SqlTokenText.IsSymbol(sql, tokens[i], ','));
            if (!ends || i == open) continue;
            if (ParameterType(sql, tokens, start, i, rules) is { } type) types.Add(type);
            start = i + 1;
            if (depth == 0) return i;
        }

        return tokens.Count - 1;
    }

    private static QualifiedName? ParameterType(string sql, IReadOnlyList<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        if (start < end && IsMode(sql, tokens[start])) start++;
        if (NameAt(sql, tokens, start, rules) is not { } first) return null;
        if (first.End + 1 >= end) return first.Name;

        // A lone type is followed by the end, an array's brackets, its modifiers or a default;
        // otherwise the first name is the parameter's, and the type follows it.
        var next = tokens[first.End + 1];
        if (SqlTokenText.IsSymbol(sql, next, '[') || SqlTokenText.IsSymbol(sql, next, '(') || SqlTokenText.IsSymbol(sql, next, '=') || SqlTokenText.IsWord(sql, next, "DEFAULT")) return first.Name;
        return SqlTokenText.IsName(next) && NameAt(sql, tokens, first.End + 1, rules) is { } type && !IsTypeOfColumn(sql, tokens, type.End) ? type.Name : null;
    }

    // t.c%TYPE names a column's type, not a type.
    private static bool IsTypeOfColumn(string sql, IReadOnlyList<SqlToken> tokens, int end)
        => end + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[end + 1], '%');

    // A possibly qualified name at start: the name and the index of its last token.
    private static (QualifiedName Name, int End)? NameAt(string sql, IReadOnlyList<SqlToken> tokens, int start, IdentifierRules rules)
    {
        if (start >= tokens.Count || !SqlTokenText.IsName(tokens[start])) return null;
        var first = rules.Name(sql, tokens[start]);
        if (start + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[start + 1], '.') && SqlTokenText.IsName(tokens[start + 2]))
        {
            return (new QualifiedName(first, rules.Name(sql, tokens[start + 2])), start + 2);
        }

        return IsTypeOfColumn(sql, tokens, start) ? null : (new QualifiedName(rules.DefaultSchema, first), start);
    }

    private static bool IsMode(string sql, SqlToken token)
        => SqlTokenText.IsWord(sql, token, "IN") || SqlTokenText.IsWord(sql, token, "OUT") || SqlTokenText.IsWord(sql, token, "INOUT") || SqlTokenText.IsWord(sql, token, "VARIADIC");
}
