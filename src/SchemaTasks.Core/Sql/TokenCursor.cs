using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// Reads the tokens of one statement. Every consuming method moves forward, so no parsing
/// loop can spin in place.
/// </summary>
internal sealed class TokenCursor
{
    private readonly List<SqlToken> _tokens;
    private readonly int _end;

    public TokenCursor(string source, List<SqlToken> tokens, SqlStatementRange range, IdentifierRules rules)
    {
        Source = source;
        _tokens = tokens;
        Position = range.Start;
        StartIndex = range.Start;
        _end = range.End;
        Rules = rules;
    }

    public string Source { get; }

    public IdentifierRules Rules { get; }

    public int Position { get; private set; }

    public int StartIndex { get; }

    public List<SqlToken> Tokens => _tokens;

    /// <summary>The index just past the statement's last token.</summary>
    public int End => _end;

    public bool AtEnd => Position >= _end;

    /// <summary>The index just past the statement's last token.</summary>
    public int StatementEnd => _end;

    /// <summary>The current token; at the end, the statement's last token (for locations).</summary>
    public SqlToken Current => Position < _end ? _tokens[Position] : _tokens[_end - 1];

    public SqlToken Peek(int ahead) => Position + ahead < _end ? _tokens[Position + ahead] : default;

    public bool HasAhead(int ahead) => Position + ahead < _end;

    public SqlToken Next()
    {
        var token = Current;
        if (Position < _end) Position++;
        return token;
    }

    public bool IsWord(string keyword, int ahead = 0)
        => HasAhead(ahead) && SqlTokenText.IsWord(Source, _tokens[Position + ahead], keyword);

    public bool IsSymbol(char symbol, int ahead = 0)
        => HasAhead(ahead) && SqlTokenText.IsSymbol(Source, _tokens[Position + ahead], symbol);

    public bool IsSymbol(string symbol)
        => !AtEnd && Current.Kind == SqlTokenKind.Symbol && Source.AsSpan(Current.Start, Current.Length).SequenceEqual(symbol);

    public bool TryWord(string keyword)
    {
        if (!IsWord(keyword)) return false;
        Position++;
        return true;
    }

    public bool TryWords(string first, string second)
    {
        if (!IsWord(first) || !IsWord(second, 1)) return false;
        Position += 2;
        return true;
    }

    public bool TrySymbol(char symbol)
    {
        if (!IsSymbol(symbol)) return false;
        Position++;
        return true;
    }

    public void ExpectWord(string keyword)
    {
        if (!TryWord(keyword)) throw Error($"expected {keyword}");
    }

    public void ExpectSymbol(char symbol)
    {
        if (!TrySymbol(symbol)) throw Error($"expected '{symbol}'");
    }

    public void ExpectEnd()
    {
        if (!AtEnd) throw Error("expected the end of the statement");
    }

    /// <summary>Whether the current token can be a name: a word or a quoted identifier.</summary>
    public bool IsIdentifier => !AtEnd && Current.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>Names PostgreSQL truncated in this statement (as written, as kept), in order; <see langword="null"/> when none.</summary>
    public List<TruncatedName>? Truncated { get; private set; }

    /// <summary>
    /// Reads one identifier, folded and shortened as the dialect stores it: PostgreSQL keeps 63
    /// bytes (noted in <see cref="Truncated"/>); MySQL refuses more than 64 characters.
    /// </summary>
    public string Identifier()
    {
        if (!IsIdentifier) throw Error("expected a name");
        var token = Next();
        var name = token.Kind == SqlTokenKind.Word
            ? NamePool.Get(Source.AsSpan(token.Start, token.Length), lower: Rules.Dialect == SqlDialect.Postgres)
            : NamePool.Get(SqlTokenText.Unquote(Source, token));
        if (name.Length <= PostgresNames.MaxBytes / 3) return name;
        if (Rules.Dialect == SqlDialect.Postgres)
        {
            var kept = PostgresNames.Truncate(name);
            if (kept.Length != name.Length) (Truncated ??= []).Add(new TruncatedName(token, name, kept));
            return kept;
        }

        if (name.Length > MySqlNameLength)
        {
            throw new SqlParseException(
                DiagnosticCodes.IdentifierTooLong,
                $"the name {Rules.Quote(name)} is {name.Length} characters long; MySQL and MariaDB refuse names longer than {MySqlNameLength} (errors 1059, 1103). Shorten it",
                token);
        }

        return name;
    }

    private const int MySqlNameLength = 64;

    /// <summary>Reads <c>name</c>, <c>schema.name</c> or <c>catalog.schema.name</c>.</summary>
    public QualifiedName QualifiedName()
    {
        var first = Identifier();
        if (!IsSymbol('.')) return new QualifiedName(Rules.DefaultSchema, first);
        Position++;
        var second = Identifier();
        if (!IsSymbol('.')) return new QualifiedName(first, second);
        Position++;
        return new QualifiedName(second, Identifier()); // The database part of catalog.schema.name is the connection's own.
    }

    /// <summary>Reads a string literal's value.</summary>
    public string StringLiteral()
    {
        if (AtEnd || Current.Kind != SqlTokenKind.String) throw Error("expected a quoted string");
        return SqlTokenText.Unquote(Source, Next());
    }

    /// <summary>
    /// Moves past a balanced run of tokens up to (not including) a <c>,</c> or <c>)</c> at
    /// depth zero, or the end of the statement. Returns the first index skipped.
    /// </summary>
    public int SkipToListEnd()
    {
        var start = Position;
        var depth = 0;
        while (!AtEnd)
        {
            var token = Current;
            if (token.Kind == SqlTokenKind.Symbol && token.Length == 1)
            {
                var c = Source[token.Start];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']')
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (c == ',' && depth == 0) break;
            }

            Position++;
        }

        return start;
    }

    /// <summary>Reads a parenthesised group and returns the token range inside the parentheses.</summary>
    public (int Start, int End) Parenthesised()
    {
        ExpectSymbol('(');
        var start = Position;
        var depth = 0;
        while (!AtEnd)
        {
            var token = Current;
            if (token.Kind == SqlTokenKind.Symbol && token.Length == 1)
            {
                var c = Source[token.Start];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']')
                {
                    if (depth == 0)
                    {
                        var end = Position;
                        Position++;
                        return (start, end);
                    }

                    depth--;
                }
            }

            Position++;
        }

        throw Error("expected ')' to close the '(' group");
    }

    public SqlParseException Error(string expectation)
    {
        var found = AtEnd ? "the end of the statement" : $"'{SqlTokenText.ForMessage(Source, Current)}'";
        var at = AtEnd ? EndLocation() : Current;
        return new SqlParseException(DiagnosticCodes.SyntaxError, $"{expectation}, but found {found}", at);
    }

    public SqlParseException Unsupported(string what, SqlToken at)
        => new(DiagnosticCodes.UnsupportedStatement, what, at);

    private SqlToken EndLocation()
    {
        var last = _tokens[_end - 1];
        return last with { Column = last.Column + Math.Max(0, last.Length - 1) };
    }
}
