namespace SchemaTasks.Sql;

/// <content>
/// The values: SET's assigned values, WHERE's condition and VALUES' items, read as operands and
/// the operators between them.
/// </content>
internal partial struct PostgresDataSyntaxWatch
{
    // The value's words that want an operand after them, wherever they stand.
    private static readonly string[] OperandBefore = ["AND", "OR", "NOT", "CASE", "WHEN", "THEN", "ELSE"];

    // The words that are a whole value, where a value starts.
    private static readonly string[] WholeValues = ["NULL", "TRUE", "FALSE", "DEFAULT"];

    private enum Operand : byte
    {
        Start, // Nothing of the value yet (after '=', WHERE, '(' or a comma).
        Expected, // After an operator or a keyword that takes an operand.
        Name, // A column: an unqualified word (_nameIsWord), a quoted name, or a qualified one.
        Dot, // After a name and '.'.
        Literal, // A number or a parameter.
        String,
        Closed, // A grouping parenthesis closed.
        Called, // The parentheses or brackets after a word closed (a call, IN (...), a subscript).
        Whole, // NULL, TRUE, FALSE, DEFAULT, or CASE's END.
        WordAfter, // A word that followed an operand (an operator keyword, an interval field, or a missing comma).
        Other, // A part of the value not followed: after a keyword, a type name.
        TypeName, // After '::'.
    }

    private readonly bool Expecting => _state is Operand.Start or Operand.Expected;

    private static bool IsOperandEnd(Operand state) => state is Operand.Name or Operand.Literal or Operand.String or Operand.Closed or Operand.Called or Operand.Whole;

    private void BeginValue(Clause clause, SqlToken start)
    {
        (_clause, _state, _operator, _depth, _skipped, _justOpened) = (clause, Operand.Start, start, 0, 0, false);
    }

    private void StepValue(string sql, SqlToken token)
    {
        if (_skipped > 0)
        {
            if (token.Kind != SqlTokenKind.Symbol || token.Length != 1) return;
            var symbol = sql[token.Start];
            if (symbol is '(' or '[') _skipped++;
            else if (symbol is ')' or ']' && --_skipped == 0) (_state, _operator) = (_skippedOperator ? Operand.Expected : Operand.Called, token);
            return;
        }

        if (_justOpened)
        {
            _justOpened = false;
            if (StartsQuery(sql, token))
            {
                // A subquery: passed over to its ')'.
                (_depth, _skipped, _skippedOperator) = (_depth - 1, 1, false);
                return;
            }
        }

        switch (token.Kind)
        {
            case SqlTokenKind.Word:
                Word(sql, token);
                break;
            case SqlTokenKind.Number or SqlTokenKind.Parameter:
                if (IsOperandEnd(_state) && IsWholeOperand(sql)) Refuse(DataSyntaxFault.SideBySide, token, _last);
                else (_state, _operand) = (Operand.Literal, token);
                break;
            case SqlTokenKind.QuotedIdentifier:
                if (_state == Operand.Dot) _state = Operand.Name;
                else if (IsOperandEnd(_state) && IsWholeOperand(sql)) Refuse(DataSyntaxFault.SideBySide, token, _last);
                else if (_state != Operand.TypeName) (_state, _operand, _nameIsWord) = (Operand.Name, token, false);
                break;
            case SqlTokenKind.String:
                // After a name or a call a string may be a typed literal: date '2020-01-01', varchar(3) 'x'.
                if ((_state == Operand.String && !Continues(sql, _operand, token)) || _state is Operand.Literal or Operand.Closed) Refuse(DataSyntaxFault.SideBySide, token, _last);
                else (_state, _operand) = (Operand.String, token);
                break;
            case SqlTokenKind.Symbol:
                Symbol(sql, token);
                break;
            default:
                _clause = Clause.Off;
                break;
        }
    }

    private void Word(string sql, SqlToken token)
    {
        if (_state == Operand.Dot)
        {
            _state = Operand.Name; // t.from names a column: any word may follow the dot.
            return;
        }

        if (_depth == 0 && EndsValue(sql, token))
        {
            if (Expecting)
            {
                Refuse(_state == Operand.Start ? DataSyntaxFault.EmptyItem : DataSyntaxFault.MissingOperand, token, _operator);
            }
            else if (SqlTokenText.IsWord(sql, token, "FROM"))
            {
                (_clause, _skipped) = (Clause.SkipToWhere, 0);
            }
            else if (SqlTokenText.IsWord(sql, token, "WHERE"))
            {
                BeginValue(Clause.Where, token);
            }
            else
            {
                MergeWhen(sql, token); // MERGE's next WHEN; RETURNING, or a query's next clause, is not followed.
            }

            return;
        }

        if (SqlTokenText.IsOneOf(sql, token, OperandBefore))
        {
            if (SqlTokenText.IsWord(sql, token, "CASE")) _cases++;
            (_state, _operator) = (Operand.Expected, token);
        }
        else if (SqlTokenText.IsWord(sql, token, "END"))
        {
            if (_cases > 0) _cases--;
            (_state, _operand) = (Operand.Whole, token);
        }
        else if (_state is Operand.Start or Operand.Expected)
        {
            if (SqlTokenText.IsOneOf(sql, token, WholeValues)) (_state, _operand) = (Operand.Whole, token);
            else (_state, _operand, _nameIsWord) = (Operand.Name, token, true);
        }
        else if (IsOperandEnd(_state))
        {
            (_beforeSuspect, _beforeSuspectToken, _suspect, _state) = (_state, _last, token, Operand.WordAfter);
        }
        else if (_state != Operand.TypeName)
        {
            _state = SqlTokenText.IsOneOf(sql, token, WholeValues) ? Operand.Whole : Operand.Other;
            _operand = token;
        }
    }

    // The words that end SET's value (FROM, unless IS DISTINCT FROM's; WHERE; RETURNING; MERGE's
    // next WHEN, outside CASE) or WHERE's (RETURNING; a query's next clause).
    private readonly bool EndsValue(string sql, SqlToken token) => _clause switch
    {
        Clause.SetValue => SqlTokenText.IsWord(sql, token, "WHERE") || SqlTokenText.IsWord(sql, token, "RETURNING")
                           || (SqlTokenText.IsWord(sql, token, "FROM") && !SqlTokenText.IsWord(sql, _last, "DISTINCT"))
                           || (_merge && _cases == 0 && SqlTokenText.IsWord(sql, token, "WHEN")),
        Clause.Where => SqlTokenText.IsWord(sql, token, "RETURNING") || (_select && SqlTokenText.IsOneOf(sql, token, QueryClauses)),
        _ => false,
    };

    private void Symbol(string sql, SqlToken token)
    {
        var symbol = sql[token.Start];
        if (_state == Operand.Dot && !(token.Length == 1 && symbol == '*'))
        {
            _clause = Clause.Off;
            return;
        }

        if (token.Length == 1)
        {
            switch (symbol)
            {
                case '(':
                    Open(sql, token);
                    return;
                case ')':
                    Close(token);
                    return;
                case ',':
                    Comma(token);
                    return;
                case '[':
                    if (Expecting) _clause = Clause.Off;
                    else (_skipped, _skippedOperator) = (1, false);
                    return;
                case '.':
                    if (_state == Operand.Name) (_state, _nameIsWord) = (Operand.Dot, false);
                    else _clause = Clause.Off;
                    return;
                case '*':
                    // t.* is a name; count(*) is passed over; elsewhere a '*' that is not a product is not followed.
                    if (_state == Operand.Dot) _state = Operand.Name;
                    else if (IsOperandEnd(_state) || _state is Operand.WordAfter or Operand.TypeName) (_state, _operator) = (Operand.Expected, token);
                    else _clause = Clause.Off;
                    return;
                case '=' when _state == Operand.WordAfter && MissingComma(sql):
                    Refuse(DataSyntaxFault.SideBySide, _suspect, _beforeSuspectToken);
                    return;
            }
        }

        if (SqlTokenText.IsSymbol(sql, token, "::"))
        {
            if (IsOperandEnd(_state)) _state = Operand.TypeName;
            else _clause = Clause.Off;
        }
        else if (IsOperator(sql, token))
        {
            (_state, _operator) = (Operand.Expected, token);
        }
        else
        {
            _clause = Clause.Off; // '=>', ':=', ':', '$', '{' and the like: not followed.
        }
    }

    private void Open(string sql, SqlToken token)
    {
        if (_depth == 0 && _clause != Clause.Row) _open = token;
        if (Expecting)
        {
            (_depth, _state, _operator, _justOpened) = (_depth + 1, Operand.Start, token, true);
        }
        else if (_state == Operand.Closed)
        {
            Refuse(DataSyntaxFault.SideBySide, token, _last); // (1) (2)
        }
        else
        {
            // A call or a keyword's parentheses: OPERATOR(schema.+) is an operator, an operand follows it.
            (_skipped, _skippedOperator) = (1, SqlTokenText.IsWord(sql, _last, "OPERATOR"));
        }
    }

    private void Close(SqlToken token)
    {
        if (Expecting)
        {
            Refuse(_state == Operand.Start ? DataSyntaxFault.EmptyItem : DataSyntaxFault.MissingOperand, token, _operator);
        }
        else if (_depth > 0)
        {
            (_depth, _state, _operand) = (_depth - 1, Operand.Closed, token);
        }
        else if (_clause == Clause.Row)
        {
            _clause = Clause.AfterRows;
        }
        else
        {
            Refuse(DataSyntaxFault.Unopened, token, token);
        }
    }

    private void Comma(SqlToken token)
    {
        if (Expecting)
        {
            Refuse(_state == Operand.Start ? DataSyntaxFault.EmptyItem : DataSyntaxFault.MissingOperand, token, _operator);
        }
        else if (_depth > 0 || _clause == Clause.Row)
        {
            (_state, _operator) = (Operand.Start, token);
        }
        else if (_clause == Clause.SetValue)
        {
            _clause = Clause.SetTarget;
        }
        else
        {
            Refuse(DataSyntaxFault.CommaInCondition, token, token);
        }
    }

    // An operand, a word, then '=': the word is a column whose comma is missing (SET a = 1 b = 2),
    // unless it is a keyword or an interval's field (INTERVAL '1' DAY = x).
    private readonly bool MissingComma(string sql)
    {
        if (!PostgresKeywordWords.IsName(sql, _suspect) || PostgresKeywordWords.IsIntervalField(sql, _suspect)) return false;
        return _beforeSuspect != Operand.Name || !_nameIsWord || PostgresKeywordWords.IsName(sql, _operand);
    }

    // Whether the operand read is certainly whole: a word is, unless it is a keyword that starts a construct.
    private readonly bool IsWholeOperand(string sql) => _state != Operand.Name || !_nameIsWord || PostgresKeywordWords.IsName(sql, _operand);

    // PostgreSQL's operator characters; the lexer gives most operators a character at a time.
    private static bool IsOperator(string sql, SqlToken token)
    {
        if (SqlTokenText.IsSymbol(sql, token, "=>")) return false;
        foreach (var c in sql.AsSpan(token.Start, token.Length))
        {
            if ("+-*/<>=~!@#%^&|".IndexOf(c) < 0) return false;
        }

        return true;
    }

    // Whether the server reads two strings as one: only a plain '...' continues a string, on a
    // later line, with nothing but white space and -- comments between them ('a' 'b' on one line,
    // or E'b', B'1', $$b$$ on the next, is refused). After U&'...', whose UESCAPE may take the next
    // string, and before N'...', the strings are not judged.
    private static bool Continues(string sql, SqlToken first, SqlToken second)
    {
        var between = sql.AsSpan(first.End, second.Start - first.End);
        if (between.IndexOf('\n') < 0 || between.IndexOf("/*".AsSpan()) >= 0) return false;
        if ((first.PrefixLength == 2 && sql[first.Start] is 'U' or 'u') || (second.PrefixLength > 0 && sql[second.Start] is 'N' or 'n')) return true;
        return first.Style != SqlQuoteStyle.Dollar && second.Style != SqlQuoteStyle.Dollar && second.PrefixLength == 0;
    }
}
