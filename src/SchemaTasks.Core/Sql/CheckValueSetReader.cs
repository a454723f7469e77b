namespace SchemaTasks.Sql;

/// <summary>
/// Recognises a CHECK expression that restricts one column to a list of values, in every form
/// people and servers write it:
/// <c>col IN ('a','b')</c>, <c>col = ANY (ARRAY['a'::text, 'b'::text])</c>,
/// <c>(col)::text = ANY ((ARRAY['a'::character varying])::text[])</c>,
/// <c>col = 'a' OR col = 'b'</c>, <c>`col` in (_utf8mb4'a',_utf8mb4'b')</c>, <c>VALUE IN (...)</c>,
/// optionally with <c>col IS NULL OR ...</c> (a CHECK passes on NULL anyway), in any parentheses.
/// Anything else is not a value set; this never guesses.
/// </summary>
internal sealed class CheckValueSetReader
{
    private const int MaxDepth = 64;
    private readonly string _source;
    private readonly List<SqlToken> _tokens;
    private readonly int _end;
    private readonly IdentifierRules _rules;
    private readonly List<string> _values = [];

    private const int SmallList = 16;
    private HashSet<string>? _seen; // The values in _values once the list is long, so a long list is read in linear time.
    private int _pos;
    private string? _column;

    // Backtracking over parentheses is bounded by this budget, so no input can make it slow.
    private int _budget = 10_000;

    private CheckValueSetReader(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        _source = source;
        _tokens = tokens;
        _pos = start;
        _end = end;
        _rules = rules;
    }

    public static bool TryRead(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules, out string column, out List<string> values)
    {
        var reader = new CheckValueSetReader(source, tokens, start, end, rules);
        var ok = reader.Disjunction(0) && reader._pos == end && reader._column is not null && reader._values.Count > 0;
        column = reader._column ?? string.Empty;
        values = reader._values;
        return ok;
    }

    private bool AtEnd => _pos >= _end;

    private bool IsWord(string keyword, int ahead = 0)
        => _pos + ahead < _end && SqlTokenText.IsWord(_source, _tokens[_pos + ahead], keyword);

    private bool IsSymbol(char c, int ahead = 0)
        => _pos + ahead < _end && SqlTokenText.IsSymbol(_source, _tokens[_pos + ahead], c);

    private bool IsSymbol(string symbol)
        => !AtEnd && _tokens[_pos].Kind == SqlTokenKind.Symbol && _source.AsSpan(_tokens[_pos].Start, _tokens[_pos].Length).SequenceEqual(symbol);

    private bool Disjunction(int depth)
    {
        if (depth > MaxDepth || !Term(depth)) return false;
        while (IsWord("OR"))
        {
            _pos++;
            if (!Term(depth)) return false;
        }

        return true;
    }

    private bool Term(int depth)
    {
        if (--_budget < 0) return false;
        // "(" may open a nested disjunction or wrap just the column, as in "(col)::text = ...":
        // try the first and fall back to the second.
        if (IsSymbol('('))
        {
            var (pos, column, count) = (_pos, _column, _values.Count);
            _pos++;
            if (Disjunction(depth + 1) && IsSymbol(')'))
            {
                _pos++;
                return true;
            }

            (_pos, _column) = (pos, column);
            for (var i = count; _seen is not null && i < _values.Count; i++) _seen.Remove(_values[i]);
            _values.RemoveRange(count, _values.Count - count);
        }

        if (!ColumnReference(depth)) return false;
        if (IsWord("IN"))
        {
            _pos++;
            return LiteralList(')');
        }

        if (IsWord("IS") && IsWord("NULL", 1))
        {
            _pos += 2;
            return true;
        }

        if (!IsSymbol('=')) return false;
        _pos++;
        if (IsWord("ANY"))
        {
            _pos++;
            return ArrayOperand(depth);
        }

        return Literal(depth);
    }

    private bool ColumnReference(int depth)
    {
        if (depth > MaxDepth) return false;
        string name;
        if (IsSymbol('('))
        {
            _pos++;
            if (!ColumnReference(depth + 1) || !IsSymbol(')')) return false;
            _pos++;
            SkipCasts();
            return true;
        }

        if (AtEnd) return false;
        var token = _tokens[_pos];
        if (token.Kind == SqlTokenKind.Word)
        {
            name = PostgresNames.Stored(_rules, _rules.FoldUnquoted(SqlTokenText.Raw(_source, token)));
            if (SqlTokenText.IsWord(_source, token, "VALUE")) name = "VALUE";
        }
        else if (token.Kind == SqlTokenKind.QuotedIdentifier)
        {
            name = PostgresNames.Stored(_rules, SqlTokenText.Unquote(_source, token));
        }
        else
        {
            return false;
        }

        _pos++;
        if (_column is null)
        {
            _column = name;
        }
        else if (!string.Equals(_column, name, _rules.ColumnComparison))
        {
            return false;
        }

        SkipCasts();
        return true;
    }

    private bool ArrayOperand(int depth)
    {
        if (depth > MaxDepth) return false;
        if (IsSymbol('('))
        {
            _pos++;
            if (!ArrayOperand(depth + 1) || !IsSymbol(')')) return false;
            _pos++;
            SkipCasts();
            return true;
        }

        if (!IsWord("ARRAY") || !IsSymbol('[', 1)) return false;
        _pos++;
        if (!LiteralList(']')) return false;
        SkipCasts();
        return true;
    }

    // "(" literal ("," literal)* ")" or the same in brackets; the opener is the current token.
    private bool LiteralList(char close)
    {
        var open = close == ')' ? '(' : '[';
        if (!IsSymbol(open)) return false;
        _pos++;
        while (true)
        {
            if (!Literal(0)) return false;
            if (IsSymbol(close))
            {
                _pos++;
                return true;
            }

            if (!IsSymbol(',')) return false;
            _pos++;
        }
    }

    private bool Literal(int depth)
    {
        if (depth > MaxDepth || AtEnd) return false;
        if (IsSymbol('('))
        {
            _pos++;
            if (!Literal(depth + 1) || !IsSymbol(')')) return false;
            _pos++;
            SkipCasts();
            return true;
        }

        var token = _tokens[_pos];

        // MySQL shows stored CHECKs with charset introducers: _utf8mb4'value'.
        if (token.Kind == SqlTokenKind.Word && _source[token.Start] == '_' && _pos + 1 < _end
            && _tokens[_pos + 1].Kind == SqlTokenKind.String && !_tokens[_pos + 1].SpaceBefore)
        {
            _pos++;
            token = _tokens[_pos];
        }

        if (token.Kind != SqlTokenKind.String || token.Unterminated || (token.PrefixLength > 0 && token.Style != SqlQuoteStyle.Dollar && !IsTextPrefix(token)))
        {
            return false;
        }

        _pos++;
        var value = SqlTokenText.Unquote(_source, token);
        if (!Seen(value)) _values.Add(value);
        SkipCasts();
        return true;
    }

    private bool IsTextPrefix(SqlToken token) => _source[token.Start] is 'E' or 'e' or 'N' or 'n';

    // "::type", where type may be several words (character varying), qualified, sized or an array.
    private void SkipCasts()
    {
        while (IsSymbol("::"))
        {
            _pos++;
            var words = 0;
            while (!AtEnd)
            {
                var token = _tokens[_pos];
                if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
                    && !(IsWord("OR") || IsWord("AND") || IsWord("IS") || IsWord("IN") || IsWord("NOT") || IsWord("COLLATE")))
                {
                    words++;
                    _pos++;
                }
                else if (words > 0 && IsSymbol('.'))
                {
                    _pos++;
                }
                else if (words > 0 && IsSymbol('(') && _pos + 2 < _end && _tokens[_pos + 1].Kind == SqlTokenKind.Number && SqlTokenText.IsSymbol(_source, _tokens[_pos + 2], ')'))
                {
                    _pos += 3;
                }
                else if (words > 0 && IsSymbol('[') && IsSymbol(']', 1))
                {
                    _pos += 2;
                }
                else
                {
                    break;
                }
            }
        }
    }

    // Whether the list already holds the value, and remembers it; a short list is scanned.
    private bool Seen(string value)
    {
        if (_seen is null)
        {
            if (_values.Count < SmallList) return _values.Contains(value);
            _seen = new HashSet<string>(_values, StringComparer.Ordinal);
        }

        return !_seen.Add(value);
    }
}
