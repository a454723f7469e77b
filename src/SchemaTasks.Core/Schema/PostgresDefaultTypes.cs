using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The type PostgreSQL gives a default as written, where SchemaTasks can tell it for certain: an
/// explicit cast (<c>x::t</c>, <c>CAST(x AS t)</c>, the last of a chain) has the cast's type
/// whatever it casts; a number is numeric, <c>true</c> and <c>false</c> boolean; the current-time
/// functions and keywords their time types; <c>ARRAY[...]</c> of uncast strings or NULLs is
/// <c>text[]</c>, and of elements of one type an array of it. An uncast string literal or NULL has
/// no type of its own (the server reads it as the column's type), and any other expression is
/// left untyped, so nothing is judged on a guess.
/// </summary>
internal static class PostgresDefaultTypes
{
    /// <summary>A type in the form a column carries it.</summary>
    /// <param name="Type">The normalised type text; an array type ends in <c>[]</c>.</param>
    /// <param name="Reference">The enum type or domain it names (its element type for an array).</param>
    /// <param name="IsArray">Whether it is an array.</param>
    internal readonly record struct Typed(string Type, QualifiedName? Reference, bool IsArray);

    private const string Integer = "integer";
    private const string Numeric = "numeric";

    // Built-in functions and SQL keywords of a fixed type. pg_catalog comes first in the search
    // path unless a migration names it later, so a function of the same name elsewhere is not called.
    private static readonly Dictionary<string, string> TimeFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["now"] = "timestamp with time zone",
        ["transaction_timestamp"] = "timestamp with time zone",
        ["statement_timestamp"] = "timestamp with time zone",
        ["clock_timestamp"] = "timestamp with time zone",
    };

    private static readonly Dictionary<string, string> TimeKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["current_timestamp"] = "timestamp with time zone",
        ["current_date"] = "date",
        ["current_time"] = "time with time zone",
        ["localtimestamp"] = "timestamp without time zone",
        ["localtime"] = "time without time zone",
    };

    /// <summary>The type of <paramref name="written"/>, or <see langword="null"/> when it has none of its own or SchemaTasks cannot tell.</summary>
    /// <param name="written">The default as the parser rendered it.</param>
    /// <param name="catalog">The catalog, for enum types and domains a cast names.</param>
    /// <param name="rules">PostgreSQL's rules.</param>
    public static Typed? Of(string written, Catalog catalog, IdentifierRules rules) => Of(written, catalog, rules, out _);

    /// <summary>
    /// As <see cref="Of(string, Catalog, IdentifierRules)"/>, and the first string literal the
    /// default casts straight to a type (<c>'abc'::int</c>, <c>CAST('abc' AS int)</c>), which the
    /// server reads with that type's input when it takes the default.
    /// </summary>
    public static Typed? Of(string written, Catalog catalog, IdentifierRules rules, out (string Text, Typed Type)? castLiteral)
    {
        castLiteral = null;

        // The commonest typed defaults, read without lexing them: they cast no literal.
        if (TimeKeywords.TryGetValue(written, out var keywordType)) return new Typed(keywordType, null, false);
        if (ExpressionCalls.SimpleCallName(written) is { } called && TimeFunctions.TryGetValue(called, out var functionType)) return new Typed(functionType, null, false);
        var tokens = new List<SqlToken>(8);
        if (!SqlLexer.LexesCleanly(written, rules.Dialect, tokens) || tokens.Count == 0) return null;
        var reader = new Reader(written, tokens, catalog, rules);
        var value = reader.Expression(0, tokens.Count);
        castLiteral = reader.CastLiteral is { } cast ? (SqlTokenText.Unquote(written, tokens[cast.Token]), cast.Type) : null;
        return value is { Kind: ValueKind.Known } known ? known.Type : null;
    }

    private enum ValueKind
    {
        /// <summary>An uncast string literal or NULL: the server gives it the column's type.</summary>
        Untyped,

        /// <summary>A value whose type SchemaTasks does not know, yet one a following cast applies to whole.</summary>
        Opaque,

        /// <summary>A value of a known type.</summary>
        Known,
    }

    private readonly record struct Value(ValueKind Kind, Typed Type = default)
    {
        public static Value Of(string type) => new(ValueKind.Known, new Typed(type, null, false));
    }

    /// <summary>Reads the tokens of one default; a null result means the shape is not one this reads.</summary>
    private sealed class Reader(string source, List<SqlToken> tokens, Catalog catalog, IdentifierRules rules)
    {
        /// <summary>The first plain string literal cast straight to a known type: its token and the type.</summary>
        public (int Token, Typed Type)? CastLiteral { get; private set; }

        /// <summary>A primary followed by any number of casts, spanning tokens <paramref name="from"/> to <paramref name="to"/> exactly.</summary>
        public Value? Expression(int from, int to)
        {
            if (from >= to || Primary(from, to, out var end) is not { } value) return null;
            while (end < to)
            {
                if (!IsSymbol(end, "::")) return null;
                var next = end + 1;
                while (next < to && !IsSymbol(next, "::")) next++;
                if (TypeOf(end + 1, next) is not { } type) return null;
                if (value.Kind == ValueKind.Untyped && end == from + 1) NoteCastLiteral(from, type);
                value = new Value(ValueKind.Known, type);
                end = next;
            }

            return value;
        }

        private Value? Primary(int from, int to, out int end)
        {
            end = from + 1;
            var token = tokens[from];
            switch (token.Kind)
            {
                case SqlTokenKind.String:
                    // E'...' is an untyped literal too; B'...', X'...' and U&'...' are bit strings or need reading.
                    return token.PrefixLength == 0 || (token.PrefixLength == 1 && source[token.Start] is 'e' or 'E')
                        ? new Value(ValueKind.Untyped)
                        : new Value(ValueKind.Opaque);
                case SqlTokenKind.Number:
                    return Number(token);
                case SqlTokenKind.Symbol when IsSymbol(from, "-") && from + 2 == to && tokens[from + 1].Kind == SqlTokenKind.Number:
                    // A cast after it would bind to the number alone (-(1::text)), so only a bare negative number.
                    end = to;
                    return Number(tokens[from + 1]);
                case SqlTokenKind.Symbol when IsSymbol(from, "("):
                {
                    var close = Closing(from, to);
                    if (close < 0) return null;
                    end = close + 1;
                    return Expression(from + 1, close) ?? new Value(ValueKind.Opaque);
                }

                case SqlTokenKind.Word when IsWord(from, "true") || IsWord(from, "false"):
                    return Value.Of("boolean");
                case SqlTokenKind.Word when IsWord(from, "null"):
                    return new Value(ValueKind.Untyped);
                case SqlTokenKind.Word when IsWord(from, "cast") && IsSymbol(from + 1, "("):
                    return Cast(from + 1, to, out end);
                case SqlTokenKind.Word when IsWord(from, "array") && (IsSymbol(from + 1, "[") || IsSymbol(from + 1, "(")):
                {
                    var close = Closing(from + 1, to);
                    if (close < 0) return null;
                    end = close + 1;
                    return IsSymbol(from + 1, "[") ? Array(from + 2, close) : new Value(ValueKind.Opaque); // ARRAY(SELECT ...)
                }

                case SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier:
                    return Call(from, to, out end);
                default:
                    return null;
            }
        }

        // A function call (name or schema.name), or a time keyword with or without its precision.
        private Value? Call(int from, int to, out int end)
        {
            end = from + 1;
            var open = from + 1;
            while (IsSymbol(open, ".") && open + 1 < to && tokens[open + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) open += 2;
            var name = tokens[from].Kind == SqlTokenKind.Word && open == from + 1 ? SqlTokenText.Raw(source, tokens[from]) : null;
            if (name is not null && TimeKeywords.TryGetValue(name, out var keywordType))
            {
                if (!IsSymbol(open, "(")) return Value.Of(keywordType);
                if (!(open + 2 < to && tokens[open + 1].Kind == SqlTokenKind.Number && IsSymbol(open + 2, ")"))) return null;
                end = open + 3;
                return Value.Of(keywordType);
            }

            if (open >= to || !IsSymbol(open, "(")) return null; // A column name, or a typed literal (interval '1 day'): not read.
            var close = Closing(open, to);
            if (close < 0) return null;
            end = close + 1;
            return name is not null && close == open + 1 && TimeFunctions.TryGetValue(name, out var type) ? Value.Of(type) : new Value(ValueKind.Opaque);
        }

        private Value? Cast(int open, int to, out int end)
        {
            end = open;
            var close = Closing(open, to);
            if (close < 0) return null;
            end = close + 1;
            var depth = 0;
            var @as = -1;
            for (var i = open + 1; i < close; i++)
            {
                if (IsSymbol(i, "(") || IsSymbol(i, "[")) depth++;
                else if (IsSymbol(i, ")") || IsSymbol(i, "]")) depth--;
                else if (depth == 0 && IsWord(i, "as")) @as = i;
            }

            if (@as <= open + 1 || TypeOf(@as + 1, close) is not { } type) return null;
            if (@as == open + 2) NoteCastLiteral(open + 1, type);
            return new Value(ValueKind.Known, type);
        }

        // A plain string (not E'...', whose escapes are read elsewhere), not NULL.
        private void NoteCastLiteral(int token, Typed type)
        {
            if (CastLiteral is null && tokens[token] is { Kind: SqlTokenKind.String, PrefixLength: 0 }) CastLiteral = (token, type);
        }

        // ARRAY[...]: the elements' one type, uncast strings and NULLs taking it (text when all are such).
        private Value? Array(int from, int to)
        {
            if (from >= to) return new Value(ValueKind.Opaque); // ARRAY[] needs a cast; the server refuses it bare.
            Typed? known = null;
            var start = from;
            for (var i = from; i <= to; i++)
            {
                if (i < to && (IsSymbol(i, "(") || IsSymbol(i, "[")))
                {
                    if (IsSymbol(i, "[") && i == start) return new Value(ValueKind.Opaque); // ARRAY[[...]]: not read.
                    i = Closing(i, to);
                    if (i < 0) return null;
                    continue;
                }

                if (i < to && !IsSymbol(i, ",")) continue;
                if (Expression(start, i) is not { } element || element.Kind == ValueKind.Opaque || element.Type.IsArray) return new Value(ValueKind.Opaque);
                if (element.Kind == ValueKind.Known && known != element.Type)
                {
                    // Elements of several types: the server's common type is worked out only for numbers.
                    if (known is { } other && !(IsNumber(other) && IsNumber(element.Type))) return new Value(ValueKind.Opaque);
                    known = known is null ? element.Type : new Typed(Numeric, null, false);
                }

                start = i + 1;
            }

            var elementType = known ?? new Typed("text", null, false);
            return new Value(ValueKind.Known, new Typed(elementType.Type + "[]", elementType.Reference, true));
        }

        private Typed? TypeOf(int from, int to)
        {
            if (from >= to) return null;
            TypeSpec spec;
            try
            {
                spec = DdlParser.ParseDataType(source[tokens[from].Start..tokens[to - 1].End], rules);
            }
            catch (Exception error) when (error is SqlParseException or ArgumentException)
            {
                return null;
            }

            if (spec.IsSerial || spec.Inline is not null) return null;
            var (text, reference) = ColumnFactory.ResolveType(catalog, spec, rules);
            return new Typed(text, reference, spec.IsArray);
        }

        private static bool IsNumber(Typed type) => type is { Type: Integer or Numeric, Reference: null, IsArray: false };

        // Which numeric type does not matter: the numeric types all have assignment casts to each other.
        private Value Number(SqlToken token) => Value.Of(source.AsSpan(token.Start, token.Length).IndexOfAny('.', 'e', 'E') >= 0 ? Numeric : Integer);

        // The index of the bracket closing the one at open, or -1.
        private int Closing(int open, int to)
        {
            var depth = 0;
            for (var i = open; i < to; i++)
            {
                if (IsSymbol(i, "(") || IsSymbol(i, "[")) depth++;
                else if ((IsSymbol(i, ")") || IsSymbol(i, "]")) && --depth == 0) return i;
            }

            return -1;
        }

        private bool IsSymbol(int i, string symbol) => i < tokens.Count && SqlTokenText.IsSymbol(source, tokens[i], symbol);

        private bool IsWord(int i, string word) => i < tokens.Count && SqlTokenText.IsWord(source, tokens[i], word);
    }
}
