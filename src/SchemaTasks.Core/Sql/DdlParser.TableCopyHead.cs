namespace SchemaTasks.Sql;

// PostgreSQL CREATE TABLE name [(column names)] [USING, WITH (...), WITHOUT OIDS, TABLESPACE] AS query.
internal sealed partial class DdlParser
{
    /// <summary>
    /// Before a column list: when the statement is a <c>CREATE TABLE ... AS</c> with a list of
    /// column names or storage options before <c>AS</c>, moves to <c>AS</c> and returns the
    /// names (empty without a list); otherwise returns <see langword="null"/>, the cursor unmoved.
    /// </summary>
    private List<(string Name, SqlToken At)>? TableCopyHead()
    {
        // Cheap first: a column definition is a name and a type, a list of names a name and ',' or ')'.
        var listed = _c.IsSymbol('(') && _c.HasAhead(2) && SqlTokenText.IsName(_c.Peek(1)) && (_c.IsSymbol(',', 2) || _c.IsSymbol(')', 2));
        if (!listed && !(_c.IsWord("WITH") || _c.IsWord("USING") || _c.IsWord("WITHOUT") || _c.IsWord("TABLESPACE"))) return null;

        var tokens = _c.Tokens;
        var end = _c.End;
        var i = _c.Position;
        bool IsSymbol(int index, char symbol) => index < end && SqlTokenText.IsSymbol(_c.Source, tokens[index], symbol);
        bool Is(int index, string word) => index < end && SqlTokenText.IsWord(_c.Source, tokens[index], word);
        if (listed)
        {
            for (i++; i + 1 < end && SqlTokenText.IsName(tokens[i]) && IsSymbol(i + 1, ','); i += 2)
            {
            }

            if (i + 1 >= end || !SqlTokenText.IsName(tokens[i]) || !IsSymbol(i + 1, ')')) return null;
            i += 2;
        }

        // The options a CREATE TABLE ... AS takes between the names and AS; none changes the columns.
        while (i < end && !Is(i, "AS"))
        {
            if (Is(i, "WITH") && IsSymbol(i + 1, '('))
            {
                var depth = 0;
                for (i++; i < end; i++)
                {
                    if (IsSymbol(i, '(')) depth++;
                    else if (IsSymbol(i, ')') && --depth == 0) break;
                }

                i++;
            }
            else if ((Is(i, "USING") || Is(i, "TABLESPACE")) && i + 1 < end && SqlTokenText.IsName(tokens[i + 1])) i += 2;
            else if (Is(i, "WITHOUT") && Is(i + 1, "OIDS")) i += 2;
            else return null;
        }

        if (i >= end) return null;
        var names = new List<(string Name, SqlToken At)>();
        if (listed)
        {
            _c.Next();
            do
            {
                var nameAt = _c.Current;
                names.Add((_c.Identifier(), nameAt));
            }
            while (_c.TrySymbol(','));
        }

        while (_c.Position < i) _c.Next();
        return names;
    }
}
