using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// Evaluates the string expression of a PL/pgSQL <c>EXECUTE</c> when it is built only from
/// constants: literals joined with <c>||</c>, <c>format()</c> with <c>%s</c>, <c>%I</c>,
/// <c>%L</c> and <c>%%</c>, <c>quote_ident</c>, <c>quote_literal</c>, <c>quote_nullable</c>, and
/// the variables of loops SchemaTasks unrolls, each bound to its value for the iteration.
/// When it is not, <see cref="Prefix"/> holds the constant text it starts with, which is
/// enough to tell what kind of statement it runs. <see cref="EvaluateShape"/> reads it with each
/// plain variable standing for a marker word, to tell where the values known only at run time go.
/// </summary>
internal sealed class PlpgsqlConstantText
{
    private readonly string _source;
    private readonly List<SqlToken> _tokens;
    private readonly int _end;
    private readonly IReadOnlyDictionary<string, string>? _bound;
    private readonly string? _hole;
    private int _pos;

    private PlpgsqlConstantText(string source, List<SqlToken> tokens, SqlStatementRange range, IReadOnlyDictionary<string, string>? bound, string? hole)
    {
        _source = source;
        _tokens = tokens;
        _pos = range.Start;
        _end = range.End;
        _bound = bound;
        _hole = hole;
    }

    /// <summary>The value, each character located in the file; <see langword="null"/> when not constant.</summary>
    public EmbeddedSql.PositionedText? Value { get; private set; }

    /// <summary>The constant text the expression starts with (all of it when constant).</summary>
    public string Prefix { get; private set; } = string.Empty;

    /// <summary>Evaluates the expression in <paramref name="range"/> of <paramref name="tokens"/>.</summary>
    /// <param name="source">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="range">The expression.</param>
    /// <param name="bound">Variables whose value is known (folded name to text value); any other variable is not constant.</param>
    public static PlpgsqlConstantText Evaluate(string source, List<SqlToken> tokens, SqlStatementRange range, IReadOnlyDictionary<string, string>? bound = null)
    {
        var expression = new PlpgsqlConstantText(source, tokens, range, bound, hole: null);
        expression.Run();
        return expression;
    }

    /// <summary>
    /// Evaluates the expression with every variable whose value is not known (a bare name, not a
    /// call) read as <paramref name="hole"/>: the text the statement has whatever the values are,
    /// but for those places. <see cref="Value"/> is <see langword="null"/> when another part is not
    /// constant (a call of another function, a field, an operator).
    /// </summary>
    /// <param name="source">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="range">The expression.</param>
    /// <param name="bound">Variables whose value is known.</param>
    /// <param name="hole">The word that stands for each value not known; one no migration writes.</param>
    public static PlpgsqlConstantText EvaluateShape(string source, List<SqlToken> tokens, SqlStatementRange range, IReadOnlyDictionary<string, string>? bound, string hole)
    {
        var expression = new PlpgsqlConstantText(source, tokens, range, bound, hole);
        expression.Run();
        return expression;
    }

    private void Run()
    {
        var text = new EmbeddedSql.PositionedText();
        while (true)
        {
            if (_pos >= _end)
            {
                Prefix = text.ToString();
                return;
            }

            var token = _tokens[_pos];
            if (token.Kind == SqlTokenKind.String && (_pos + 1 >= _end || IsSymbol(_pos + 1, "||") || IsSymbol(_pos + 1, "::")))
            {
                _pos++;
                SkipCast();
                EmbeddedSql.AppendLiteral(text, _source, token);
            }
            else
            {
                var partial = new StringBuilder();
                var value = Term(partial);
                if (value is null)
                {
                    Prefix = text + partial.ToString();
                    return;
                }

                text.Append(value, token.Line, token.Column);
            }

            if (_pos >= _end)
            {
                Value = text;
                Prefix = text.ToString();
                return;
            }

            if (!IsSymbol(_pos, "||"))
            {
                Prefix = text.ToString();
                return;
            }

            _pos++;
        }
    }

    private bool IsSymbol(int index, string symbol)
        => index < _end && _tokens[index].Kind == SqlTokenKind.Symbol && _source.AsSpan(_tokens[index].Start, _tokens[index].Length).SequenceEqual(symbol);

    private bool IsWord(string word) => _pos < _end && SqlTokenText.IsWord(_source, _tokens[_pos], word);

    private void SkipCast()
    {
        while (IsSymbol(_pos, "::") && _pos + 1 < _end && _tokens[_pos + 1].Kind == SqlTokenKind.Word)
        {
            var type = SqlTokenText.Raw(_source, _tokens[_pos + 1]).ToLowerInvariant();
            if (type is not ("text" or "varchar" or "name")) return;
            _pos += 2;
        }
    }

    /// <summary>A full expression up to the end of the current argument: terms joined with <c>||</c>.</summary>
    private string? Expression(StringBuilder partial)
    {
        var value = new StringBuilder();
        while (true)
        {
            var inner = new StringBuilder();
            var term = Term(inner);
            if (term is null)
            {
                partial.Append(value).Append(inner);
                return null;
            }

            value.Append(term);
            if (!IsSymbol(_pos, "||")) return value.ToString();
            _pos++;
        }
    }

    /// <summary>One constant term, or <see langword="null"/> (and the constant start of it in <paramref name="partial"/>).</summary>
    private string? Term(StringBuilder partial)
    {
        if (_pos >= _end) return null;
        var token = _tokens[_pos];
        if (token.Kind == SqlTokenKind.String)
        {
            _pos++;
            SkipCast();
            return SqlTokenText.Unquote(_source, token);
        }

        if (token.Kind == SqlTokenKind.Number)
        {
            _pos++;
            return SqlTokenText.Raw(_source, token);
        }

        if (IsSymbol(_pos, "("))
        {
            _pos++;
            var inner = Expression(partial);
            if (inner is null || !IsSymbol(_pos, ")")) return null;
            _pos++;
            SkipCast();
            return inner;
        }

        if (token.Kind == SqlTokenKind.Word && _bound is not null && !IsSymbol(_pos + 1, "(") && !IsSymbol(_pos + 1, ".")
            && _bound.TryGetValue(SqlTokenText.Raw(_source, token).ToLowerInvariant(), out var variable))
        {
            _pos++;
            SkipCast();
            return variable;
        }

        if (_hole is not null && token.Kind == SqlTokenKind.Word && !IsSymbol(_pos + 1, "(") && !IsSymbol(_pos + 1, ".") && !IsReserved(token))
        {
            _pos++;
            SkipCast();
            return _hole;
        }

        if (token.Kind != SqlTokenKind.Word || !IsSymbol(_pos + 1, "(")) return null;
        var function = SqlTokenText.Raw(_source, token).ToLowerInvariant();
        if (function is not ("format" or "quote_ident" or "quote_literal" or "quote_nullable")) return null;
        _pos += 2;
        var arguments = new List<string?>();
        var templatePartial = new StringBuilder();
        while (true)
        {
            var argument = Expression(arguments.Count == 0 ? templatePartial : new StringBuilder());
            arguments.Add(argument);
            if (argument is null) SkipArgument();
            if (IsSymbol(_pos, ",")) { _pos++; continue; }
            if (IsSymbol(_pos, ")")) { _pos++; break; }
            return null;
        }

        SkipCast();
        if (function == "format")
        {
            return Format(arguments, partial, templatePartial);
        }

        if (arguments.Count != 1 || arguments[0] is not { } single) return null;
        return function == "quote_ident" ? QuoteIdentifier(single) : QuoteLiteral(single);
    }

    // NULL, TRUE and the like are values, not variables.
    private bool IsReserved(SqlToken token)
        => SqlTokenText.IsWord(_source, token, "NULL") || SqlTokenText.IsWord(_source, token, "TRUE") || SqlTokenText.IsWord(_source, token, "FALSE")
           || SqlTokenText.IsWord(_source, token, "CASE") || SqlTokenText.IsWord(_source, token, "SELECT");

    private void SkipArgument()
    {
        var depth = 0;
        while (_pos < _end)
        {
            if (IsSymbol(_pos, "(")) depth++;
            else if (IsSymbol(_pos, ")"))
            {
                if (depth == 0) return;
                depth--;
            }
            else if (depth == 0 && IsSymbol(_pos, ",")) return;

            _pos++;
        }
    }

    private static string? Format(List<string?> arguments, StringBuilder partial, StringBuilder templatePartial)
    {
        if (arguments.Count == 0 || arguments[0] is not { } template)
        {
            partial.Append(templatePartial);
            return null;
        }

        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '%')
            {
                result.Append(c);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '%')
            {
                result.Append('%');
                i++;
                continue;
            }

            // %[n$]type; widths and flags are not used in DDL and are not modelled.
            var j = i + 1;
            var position = 0;
            while (j < template.Length && char.IsAsciiDigit(template[j])) position = (position * 10) + (template[j++] - '0');
            if (j < template.Length && template[j] == '$' && position > 0) j++;
            else
            {
                j = i + 1;
                position = 0;
            }

            var type = j < template.Length ? template[j] : '\0';
            var index = position > 0 ? position : next;
            next = index + 1;
            if (type is not ('s' or 'I' or 'L') || index >= arguments.Count || arguments[index] is not { } argument)
            {
                partial.Append(result);
                return null;
            }

            result.Append(type switch
            {
                'I' => QuoteIdentifier(argument),
                'L' => QuoteLiteral(argument),
                _ => argument,
            });
            i = j;
        }

        return result.ToString();
    }

    // quote_ident leaves a lower-case, non-keyword name bare; always quoting means the same to the server.
    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteLiteral(string value)
        => value.Contains('\\', StringComparison.Ordinal)
            ? "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
