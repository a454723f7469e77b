using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's SELECT ... INTO [TEMPORARY | TEMP | UNLOGGED] [TABLE] name, the older spelling of
// CREATE TABLE name AS SELECT: the server creates the table, so it is read as that statement is.
// In PL/pgSQL the same words assign variables; a body's statements reach this parser only when
// they start with CREATE, ALTER or DROP, so those never come here.
internal sealed partial class DdlParser
{
    // Reserved words that may follow the INTO clause: after TEMP or UNLOGGED, one of these (or
    // the end) makes that word the table's name, as the server reads SELECT * INTO temp FROM a.
    private static readonly HashSet<string> AfterIntoClause = new(StringComparer.OrdinalIgnoreCase)
    {
        "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR",
    };

    /// <summary>
    /// A top-level query, <c>[WITH ...] SELECT</c> in any parentheses: a temporary table when it
    /// selects into one, a refusal when it selects into a permanent table (whose columns come from
    /// the query), and <see langword="null"/> for a plain query. A statement the server would not
    /// read is left to the server: this is a data statement unless it has an INTO clause.
    /// </summary>
    private SqlStatement? SelectInto(SqlToken at)
    {
        // Only the first SELECT may have INTO (the server refuses it after UNION), however deep
        // the parentheses and WITH clauses before it go.
        while (true)
        {
            while (_c.TrySymbol('(')) { }
            if (!_c.TryWord("WITH")) break;
            if (!SkipCommonTableExpressions()) return null;
        }

        if (!_c.TryWord("SELECT") || !SkipToInto()) return null;
        if ((_c.IsWord("LOCAL") || _c.IsWord("GLOBAL")) && NameFollows(1)) _c.Next();
        var temporary = (_c.IsWord("TEMPORARY") || _c.IsWord("TEMP")) && NameFollows(1);
        if (temporary || (_c.IsWord("UNLOGGED") && NameFollows(1))) _c.Next();
        if (_c.IsWord("TABLE")) _c.Next();
        var name = TableName();
        if (temporary || name.Schema == RelationNames.TemporarySchema)
        {
            return new CreateTemporaryTableStatement(at, name.Name, IfNotExists: false);
        }

        var refused = OfUnknownShape(_c.Unsupported($"SELECT ... INTO {name} creates the table {name} with the columns of its query; SchemaTasks cannot know them. Declare the columns with CREATE TABLE {name} (...), then fill it with INSERT INTO {name} and the query", at), name, fromQuery: true);
        if (ReadQueryShape(_c.StartIndex, _c.End, into: true) is { } query) refused = WithQuery(refused, new TableFromQuery(at, name, false, query, null, at));
        throw refused;
    }

    // Whether the token `ahead` can be the table's name, so the word before it is a modifier.
    private bool NameFollows(int ahead)
    {
        if (!_c.HasAhead(ahead)) return false;
        var token = _c.Peek(ahead);
        return token.Kind == SqlTokenKind.QuotedIdentifier
               || (token.Kind == SqlTokenKind.Word && !AfterIntoClause.Contains(SqlTokenText.Raw(_c.Source, token)));
    }

    // Moves past INTO at the query's own level (never one inside parentheses, nor after the
    // parenthesis that closes the query); false when there is none.
    private bool SkipToInto()
    {
        var depth = 0;
        while (!_c.AtEnd)
        {
            if (depth == 0 && _c.TryWord("INTO")) return true;
            if (IsOpening()) depth++;
            else if (IsClosing() && --depth < 0) return false;
            _c.Next();
        }

        return false;
    }

    // name [(columns)] AS [NOT] [MATERIALIZED] (query) [SEARCH ... SET column] [CYCLE ... USING column], ...
    private bool SkipCommonTableExpressions()
    {
        _c.TryWord("RECURSIVE");
        do
        {
            if (!_c.IsIdentifier) return false;
            _c.Next();
            if (_c.IsSymbol('(') && !SkipGroup()) return false;
            if (!_c.TryWord("AS")) return false;
            _c.TryWord("NOT");
            _c.TryWord("MATERIALIZED");
            if (!SkipGroup()) return false;
            if (_c.TryWord("SEARCH") && !SkipPast("SET")) return false;
            if (_c.TryWord("CYCLE") && !SkipPast("USING")) return false;
        }
        while (_c.TrySymbol(','));
        return true;
    }

    // Moves past a parenthesised group; false when the current token opens none or it is never closed.
    private bool SkipGroup()
    {
        if (!_c.IsSymbol('(')) return false;
        var depth = 0;
        while (!_c.AtEnd)
        {
            if (IsOpening()) depth++;
            else if (IsClosing()) depth--;
            _c.Next();
            if (depth == 0) return true;
        }

        return false;
    }

    // Moves past `word` and the column name after it.
    private bool SkipPast(string word)
    {
        while (!_c.AtEnd && !_c.TryWord(word)) _c.Next();
        if (!_c.IsIdentifier) return false;
        _c.Next();
        return true;
    }

    private bool IsOpening() => _c.IsSymbol('(') || _c.IsSymbol('[');

    private bool IsClosing() => _c.IsSymbol(')') || _c.IsSymbol(']');
}
