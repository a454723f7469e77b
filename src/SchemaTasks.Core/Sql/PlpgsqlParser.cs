using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// Reads the block structure of a PL/pgSQL body (a <c>DO</c> block): blocks, exception
/// handlers, <c>IF</c>, loops, <c>EXECUTE</c>, <c>RAISE</c> and the SQL statements between.
/// Expressions and SQL are kept as token ranges for the runner to judge; nothing else of
/// PL/pgSQL is modelled. Malformed structure raises <see cref="SqlParseException"/>.
/// </summary>
internal sealed class PlpgsqlParser
{
    private static readonly string[] QuietStarts =
    [
        "NULL", "PERFORM", "GET", "OPEN", "FETCH", "MOVE", "CLOSE", "EXIT", "CONTINUE", "ASSERT", "COMMIT", "ROLLBACK", "CALL",
    ];

    private static readonly string[] NoticeLevels = ["DEBUG", "LOG", "INFO", "NOTICE", "WARNING"];

    private readonly string _text;
    private readonly List<SqlToken> _tokens;
    private int _pos;

    private PlpgsqlParser(string text, List<SqlToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    /// <summary>Reads a whole <c>DO</c> body: one block, optionally followed by a terminator.</summary>
    public static PlpgsqlBlock ParseBody(EmbeddedSql body)
    {
        var parser = new PlpgsqlParser(body.Text, body.Tokens);
        if (body.Tokens.Count == 0) throw new SqlParseException(DiagnosticCodes.SyntaxError, "the DO body is empty", default);
        var block = parser.Block();
        parser.TrySemicolon();
        if (!parser.AtEnd) throw parser.Error("expected the end of the DO body");
        return block;
    }

    /// <summary>Reads plain statements (an annotation's DDL); the last may lack its terminator.</summary>
    public static IReadOnlyList<PlpgsqlStatement> ParseStatementList(EmbeddedSql sql)
    {
        var parser = new PlpgsqlParser(sql.Text, sql.Tokens);
        var statements = new List<PlpgsqlStatement>();
        while (!parser.AtEnd)
        {
            if (parser.TrySemicolon()) continue;
            var start = parser._pos;
            var end = parser.SkipToSemicolon(allowEnd: true);
            statements.Add(new PlpgsqlSql(sql.Tokens[start], new SqlStatementRange(start, end)));
        }

        return statements;
    }

    private bool AtEnd => _pos >= _tokens.Count;

    private SqlToken Current => _tokens[Math.Min(_pos, _tokens.Count - 1)];

    private bool IsWord(string keyword, int ahead = 0)
        => _pos + ahead < _tokens.Count && SqlTokenText.IsWord(_text, _tokens[_pos + ahead], keyword);

    private bool IsSymbol(string symbol, int ahead = 0)
        => _pos + ahead < _tokens.Count
           && _tokens[_pos + ahead].Kind is SqlTokenKind.Symbol
           && _text.AsSpan(_tokens[_pos + ahead].Start, _tokens[_pos + ahead].Length).SequenceEqual(symbol);

    private bool TryWord(string keyword)
    {
        if (!IsWord(keyword)) return false;
        _pos++;
        return true;
    }

    private void Expect(string keyword)
    {
        if (!TryWord(keyword)) throw Error($"expected {keyword}");
    }

    private bool TrySemicolon()
    {
        if (AtEnd || _tokens[_pos].Kind != SqlTokenKind.Semicolon) return false;
        _pos++;
        return true;
    }

    private void ExpectSemicolon()
    {
        if (!TrySemicolon()) throw Error("expected ';'");
    }

    private SqlParseException Error(string expectation)
    {
        var found = AtEnd ? "the end of the DO body" : $"'{SqlTokenText.ForMessage(_text, Current)}'";
        return new SqlParseException(DiagnosticCodes.SyntaxError, $"{expectation}, but found {found}", Current);
    }

    // <<label>> before a block or loop.
    private void SkipLabel()
    {
        if (!IsSymbol("<") || !IsSymbol("<", 1)) return;
        _pos += 2;
        while (!AtEnd && !IsSymbol(">")) _pos++;
        while (IsSymbol(">")) _pos++;
    }

    private PlpgsqlBlock Block()
    {
        SkipLabel();
        var at = Current;
        var declarations = new List<PlpgsqlDeclaration>();
        if (TryWord("DECLARE"))
        {
            // Declarations hold no BEGIN of their own (bodies of nested routines are single dollar-quoted tokens).
            while (!AtEnd && !IsWord("BEGIN"))
            {
                if (Declaration() is { } declaration) declarations.Add(declaration);
            }
        }

        Expect("BEGIN");
        var body = Statements();
        var handlers = new List<PlpgsqlHandler>();
        if (TryWord("EXCEPTION"))
        {
            while (IsWord("WHEN"))
            {
                var whenAt = Current;
                _pos++;
                var conditions = new List<string>();
                while (!AtEnd && !IsWord("THEN"))
                {
                    if (IsWord("OR"))
                    {
                        _pos++;
                        continue;
                    }

                    if (IsWord("SQLSTATE") && _pos + 1 < _tokens.Count && _tokens[_pos + 1].Kind == SqlTokenKind.String)
                    {
                        conditions.Add("sqlstate " + SqlTokenText.Unquote(_text, _tokens[_pos + 1]).ToUpperInvariant());
                        _pos += 2;
                        continue;
                    }

                    conditions.Add(SqlTokenText.Raw(_text, Current).ToLowerInvariant());
                    _pos++;
                }

                Expect("THEN");
                handlers.Add(new PlpgsqlHandler(whenAt, conditions, Statements()));
            }
        }

        Expect("END");
        if (!AtEnd && _tokens[_pos].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !IsWord("IF") && !IsWord("LOOP") && !IsWord("CASE"))
        {
            _pos++; // END label
        }

        return new PlpgsqlBlock(at, body, handlers) { Declarations = declarations };
    }

    /// <summary><c>name [CONSTANT] type [COLLATE c] [NOT NULL] [{DEFAULT | := | =} expression];</c>, up to BEGIN at most.</summary>
    private PlpgsqlDeclaration? Declaration()
    {
        var start = _pos;
        SqlStatementRange? initializer = null;
        var depth = 0;
        while (!AtEnd && !IsWord("BEGIN") && _tokens[_pos].Kind != SqlTokenKind.Semicolon)
        {
            if (IsSymbol("(") || IsSymbol("[")) depth++;
            else if (IsSymbol(")") || IsSymbol("]")) depth--;
            else if (depth == 0 && initializer is null && _pos > start && (IsSymbol(":=") || IsSymbol("=") || IsWord("DEFAULT"))) initializer = new SqlStatementRange(_pos + 1, _pos + 1);
            _pos++;
        }

        var end = _pos;
        TrySemicolon();
        if (end == start) return null;
        var name = _tokens[start];
        if (name.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        var folded = name.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(_text, name).ToLowerInvariant() : SqlTokenText.Unquote(_text, name);
        return new PlpgsqlDeclaration(folded, new SqlStatementRange(start, end), initializer is { } value ? new SqlStatementRange(value.Start, end) : null);
    }

    /// <summary>Statements up to (not including) a word that ends the list: END, ELSIF, ELSE, EXCEPTION, WHEN.</summary>
    private List<PlpgsqlStatement> Statements()
    {
        var statements = new List<PlpgsqlStatement>();
        while (true)
        {
            if (AtEnd) throw Error("expected END");
            if (TrySemicolon()) continue;
            if (IsWord("END") || IsWord("ELSIF") || IsWord("ELSEIF") || IsWord("ELSE") || IsWord("EXCEPTION") || IsWord("WHEN"))
            {
                return statements;
            }

            statements.Add(Statement());
        }
    }

    private PlpgsqlStatement Statement()
    {
        SkipLabel();
        var at = Current;
        if (IsWord("DECLARE") || IsWord("BEGIN"))
        {
            var block = Block();
            ExpectSemicolon();
            return block;
        }

        if (TryWord("IF")) return If(at);
        if (IsWord("LOOP") || IsWord("WHILE") || IsWord("FOR") || IsWord("FOREACH")) return Loop(at);
        if (TryWord("CASE")) return CaseStatement(at);
        if (TryWord("EXECUTE"))
        {
            var start = _pos;
            var end = start;
            var depth = 0;
            while (!AtEnd && _tokens[_pos].Kind != SqlTokenKind.Semicolon)
            {
                if (IsSymbol("(")) depth++;
                else if (IsSymbol(")")) depth--;
                else if (depth == 0 && (IsWord("INTO") || IsWord("USING")) && end == start) end = _pos;
                _pos++;
            }

            if (end == start) end = _pos;
            ExpectSemicolon();
            return new PlpgsqlExecute(at, new SqlStatementRange(start, end));
        }

        if (TryWord("RAISE"))
        {
            var notice = NoticeLevels.Any(level => IsWord(level));
            var raiseStart = _pos;
            var raiseEnd = SkipToSemicolon(allowEnd: false);
            return notice ? new PlpgsqlQuiet(at, new SqlStatementRange(raiseStart, raiseEnd)) : new PlpgsqlRaiseException(at);
        }

        if (TryWord("RETURN"))
        {
            SkipToSemicolon(allowEnd: false);
            return new PlpgsqlReturn(at);
        }

        var quiet = QuietStarts.Any(word => IsWord(word)) || IsSymbol(":=", 1) || IsSymbol("=", 1) || IsSymbol(".", 1) || IsSymbol("[", 1);
        var first = _pos;
        var last = SkipToSemicolon(allowEnd: false);
        return quiet ? new PlpgsqlQuiet(at, new SqlStatementRange(first, last)) : new PlpgsqlSql(at, new SqlStatementRange(first, last));
    }

    private PlpgsqlIf If(SqlToken at)
    {
        var branches = new List<PlpgsqlBranch>();
        var condition = ConditionUpToThen();
        branches.Add(new PlpgsqlBranch(condition, Statements()));
        while (true)
        {
            if (TryWord("ELSIF") || TryWord("ELSEIF"))
            {
                condition = ConditionUpToThen();
                branches.Add(new PlpgsqlBranch(condition, Statements()));
                continue;
            }

            if (TryWord("ELSE"))
            {
                branches.Add(new PlpgsqlBranch(null, Statements()));
                continue;
            }

            Expect("END");
            Expect("IF");
            ExpectSemicolon();
            return new PlpgsqlIf(at, branches);
        }
    }

    private SqlStatementRange ConditionUpToThen()
    {
        var start = _pos;
        var cases = 0;
        while (!AtEnd)
        {
            if (IsWord("CASE")) cases++;
            else if (IsWord("END") && cases > 0) cases--;
            else if (IsWord("THEN") && cases == 0) break;
            _pos++;
        }

        var end = _pos;
        Expect("THEN");
        if (end == start) throw Error("expected a condition before THEN");
        return new SqlStatementRange(start, end);
    }

    private PlpgsqlDataDependent Loop(SqlToken at)
    {
        var what = SqlTokenText.Raw(_text, Current).ToUpperInvariant() + " loop";
        var headStart = _pos;
        while (!AtEnd && !IsWord("LOOP")) _pos++;
        var head = Head(headStart, _pos);
        Expect("LOOP");
        var bodyStart = _pos;
        var body = Statements();
        var bodyEnd = _pos;
        Expect("END");
        Expect("LOOP");
        if (!AtEnd && _tokens[_pos].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) _pos++;
        ExpectSemicolon();
        return new PlpgsqlDataDependent(at, what, body) { Head = head, BodyRange = new SqlStatementRange(bodyStart, bodyEnd) };
    }

    /// <summary>
    /// <c>FOREACH var IN ARRAY expression</c> (without SLICE), <c>FOR var IN [REVERSE] a .. b [BY c]</c>
    /// or <c>FOR var IN query</c>, from <paramref name="start"/> to <paramref name="end"/> (LOOP);
    /// <see langword="null"/> for any other loop, which is never unrolled.
    /// </summary>
    private PlpgsqlLoopHead? Head(int start, int end)
    {
        var forEach = SqlTokenText.IsWord(_text, _tokens[start], "FOREACH");
        if (!forEach && !SqlTokenText.IsWord(_text, _tokens[start], "FOR")) return null;
        if (start + 3 >= end || _tokens[start + 1].Kind != SqlTokenKind.Word) return null; // A list of targets, or a quoted name: not unrolled.
        var variable = SqlTokenText.Raw(_text, _tokens[start + 1]).ToLowerInvariant();
        if (!SqlTokenText.IsWord(_text, _tokens[start + 2], "IN")) return null;
        if (forEach)
        {
            return SqlTokenText.IsWord(_text, _tokens[start + 3], "ARRAY") && start + 4 < end
                ? new PlpgsqlLoopHead(variable, PlpgsqlLoopSource.ForEachArray, new SqlStatementRange(start + 4, end))
                : null;
        }

        var query = SqlTokenText.IsWord(_text, _tokens[start + 3], "SELECT");
        return new PlpgsqlLoopHead(variable, query ? PlpgsqlLoopSource.Query : PlpgsqlLoopSource.IntegerRange, new SqlStatementRange(start + 3, end));
    }

    private PlpgsqlDataDependent CaseStatement(SqlToken at)
    {
        while (!AtEnd && !IsWord("WHEN")) _pos++;
        var body = new List<PlpgsqlStatement>();
        while (TryWord("WHEN"))
        {
            ConditionUpToThen();
            body.AddRange(Statements());
        }

        if (TryWord("ELSE")) body.AddRange(Statements());
        Expect("END");
        Expect("CASE");
        ExpectSemicolon();
        return new PlpgsqlDataDependent(at, "CASE statement", body);
    }

    /// <summary>Moves past one SQL statement and its terminator; returns the index just past its last token.</summary>
    private int SkipToSemicolon(bool allowEnd)
    {
        while (!AtEnd && _tokens[_pos].Kind != SqlTokenKind.Semicolon) _pos++;
        var end = _pos;
        if (AtEnd)
        {
            if (!allowEnd) throw Error("expected ';'");
            return end;
        }

        _pos++;
        return end;
    }
}
