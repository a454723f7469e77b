using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Evaluates the expressions MySQL migrations assign to user variables to run DDL only when it
/// is needed, MySQL having no <c>ADD COLUMN IF NOT EXISTS</c>:
/// <code>
/// SET @exists := (SELECT COUNT(*) FROM information_schema.COLUMNS
///                 WHERE TABLE_NAME = 't' AND COLUMN_NAME = 'c' AND TABLE_SCHEMA = DATABASE());
/// SET @sql := IF(@exists > 0, 'SELECT 1', 'ALTER TABLE t ADD COLUMN c int');
/// </code>
/// Understood: string and integer constants, NULL, user variables, <c>DATABASE()</c>,
/// <c>IF</c>, <c>CONCAT</c>, comparisons, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>(SELECT expr)</c>,
/// and <c>COUNT</c>/<c>EXISTS</c> over <c>information_schema</c>'s <c>TABLES</c>,
/// <c>COLUMNS</c>, <c>STATISTICS</c>, <c>TABLE_CONSTRAINTS</c> and
/// <c>REFERENTIAL_CONSTRAINTS</c> filtered by equalities, answered from the catalog the
/// migrations built so far. Anything else is unknown, and the caller says so.
/// </summary>
internal sealed partial class MySqlUserExpression
{
    /// <summary>The value of <c>DATABASE()</c>: the migrations' own database, whatever its name.</summary>
    public static readonly object CurrentDatabase = new();

    private static readonly object Null = new();

    /// <summary>SQL's NULL, as a value (a declared variable without a default).</summary>
    public static object NullValue => Null;

    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly int _end;
    private readonly Catalog _catalog;
    private readonly IMySqlExpressionScope _scope;
    private int _pos;
    private string? _unknown;

    private MySqlUserExpression(string sql, List<SqlToken> tokens, int start, int end, Catalog catalog, IMySqlExpressionScope scope)
    {
        (_sql, _tokens, _pos, _end, _catalog, _scope) = (sql, tokens, start, end, catalog, scope);
    }

    /// <summary>The value of <c>tokens[start..end)</c>: a string, a <see cref="long"/>, <see cref="CurrentDatabase"/>, or <see langword="null"/> when unknown.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="start">The expression's first token.</param>
    /// <param name="end">The token after its last.</param>
    /// <param name="catalog">The schema the migrations built so far, which information_schema describes.</param>
    /// <param name="scope">The values of user variables and, inside a procedure, of its parameters and variables; the views the migrations created.</param>
    /// <param name="unknown">When unknown, the part that could not be evaluated.</param>
    public static object? Evaluate(string sql, List<SqlToken> tokens, int start, int end, Catalog catalog, IMySqlExpressionScope scope, out string? unknown)
    {
        var expression = new MySqlUserExpression(sql, tokens, start, end, catalog, scope);
        var value = expression.Or();
        if (value is not null && expression._pos != end) value = expression.Fail(expression._pos < end ? $"'{SqlTokenText.ForMessage(sql, tokens[expression._pos])}'" : "the end");
        unknown = value is null ? expression._unknown ?? "the expression" : null;
        return value;
    }

    /// <summary>
    /// The value of <c>SELECT COUNT(...) FROM information_schema.&lt;view&gt; WHERE ...</c> (its
    /// INTO taken out), <paramref name="start"/> being the token after SELECT; <see langword="null"/>
    /// when unknown, and for any other select list: a SELECT ... INTO that finds no row leaves its
    /// variable as it was, which only COUNT never does.
    /// </summary>
    public static long? CountRows(string sql, List<SqlToken> tokens, int start, int end, Catalog catalog, IMySqlExpressionScope scope, out string? unknown)
    {
        var query = new MySqlUserExpression(sql, tokens, start, end, catalog, scope);
        var rows = query.IsWord("COUNT") && query.IsSymbol("(", 1) ? query.Count() : (long?)query.Fail("a select list other than COUNT(...)");
        if (rows is not null && query._pos != end)
        {
            query.Fail($"'{SqlTokenText.ForMessage(sql, tokens[query._pos])}' after the query");
            rows = null;
        }

        unknown = rows is null ? query._unknown ?? "the query" : null;
        return rows;
    }

    private bool IsWord(string word, int ahead = 0) => _pos + ahead < _end && SqlTokenText.IsWord(_sql, _tokens[_pos + ahead], word);

    private bool IsSymbol(string symbol, int ahead = 0)
        => _pos + ahead < _end && _tokens[_pos + ahead].Kind == SqlTokenKind.Symbol && SqlTokenText.Raw(_sql, _tokens[_pos + ahead]) == symbol;

    private bool TryWord(string word)
    {
        if (!IsWord(word)) return false;
        _pos++;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        if (!IsSymbol(symbol)) return false;
        _pos++;
        return true;
    }

    private object? Fail(string what)
    {
        _unknown ??= what;
        return null;
    }

    private object? Or()
    {
        var left = Xor();
        while (left is not null && (TryWord("OR") || TryPipesAsOr()))
        {
            var right = Truth(left) ? Decided(Xor, orLevel: true) : Xor();
            left = right is null ? null : Truth(left) || Truth(right) ? 1L : left == Null || right == Null ? Null : 0L;
        }

        return left;
    }

    // XOR binds tighter than OR and looser than AND (checked on MariaDB 10.11: 0 OR 1 XOR 1 is 0,
    // 1 AND 0 XOR 1 is 1); NULL on either side makes it NULL, so both sides are always read.
    private object? Xor()
    {
        var left = And();
        while (left is not null && TryWord("XOR"))
        {
            var right = And();
            left = right is null ? null : left == Null || right == Null ? Null : Bool(Truth(left) != Truth(right));
        }

        return left;
    }

    private object? And()
    {
        var left = Not();
        while (left is not null && (TryWord("AND") || TrySymbol("&&")))
        {
            var right = IsFalse(left) ? Decided(Not, orLevel: false) : Not();
            left = right is null ? null : IsFalse(left) || IsFalse(right) ? 0L : left == Null || right == Null ? Null : 1L;
        }

        return left;
    }

    // The right operand of an AND whose left is false (an OR whose left is true): MySQL's answer
    // is settled whatever it holds, so one SchemaTasks cannot read (a variable no statement sets,
    // a function it does not know) is stepped over instead of leaving the condition undecided.
    private object? Decided(Func<object?> operand, bool orLevel)
    {
        var (start, unknown) = (_pos, _unknown);
        if (operand() is { } value) return value;
        _unknown = unknown;
        var depth = 0;
        for (_pos = start; _pos < _end; _pos++)
        {
            if (IsSymbol("(")) depth++;
            else if (IsSymbol(")") && --depth < 0) break;
            else if (depth == 0 && (IsWord("OR") || IsSymbol("||") || IsSymbol(",") || (!orLevel && (IsWord("AND") || IsSymbol("&&") || IsWord("XOR"))))) break;
            else if (IsWord("BETWEEN")) return Fail("BETWEEN"); // Its AND is not an operator: where the operand ends is not known.
        }

        return _pos > start ? Null : Fail("an empty operand");
    }

    // NOT binds looser than a comparison: NOT 1 = 2 is NOT (1 = 2), unless HIGH_NOT_PRECEDENCE.
    private object? Not()
    {
        if (IsWord("NOT"))
        {
            _pos++;
            if (NotBeforeComparisonUnknown()) return Fail("NOT before a comparison, which binds differently under HIGH_NOT_PRECEDENCE, in a sql_mode SchemaTasks cannot read here");
            var operand = Not();
            return operand is null ? null : operand == Null ? Null : Bool(!Truth(operand));
        }

        return Comparison();
    }

    private object? Comparison()
    {
        var left = Concatenation();
        if (left is null) return null;
        if (TryWord("IS"))
        {
            var negated = TryWord("NOT");
            if (!TryWord("NULL")) return Fail("IS without NULL");
            return Bool((left == Null) != negated);
        }

        var op = _pos < _end && _tokens[_pos].Kind == SqlTokenKind.Symbol ? SqlTokenText.Raw(_sql, _tokens[_pos]) : null;
        if (op is not ("=" or "<>" or "!=" or ">" or "<" or ">=" or "<=")) return left;
        _pos++;
        var right = Concatenation();
        if (right is null) return null;
        if (left == Null || right == Null) return Null; // SQL's comparisons with NULL are NULL, which IF takes as false.
        if (left is long a && right is long b) return Bool(Compare(op, a, b));

        // A string and a number compare as numbers (the server reads 'NULL' and 'abc' as 0).
        if ((left, right) is (string, long) or (long, string))
        {
            var (leftNumber, rightNumber) = (left is string s ? NumberOf(s) : (long)left, right is string t ? NumberOf(t) : (long)right);
            return leftNumber is { } m && rightNumber is { } n ? Bool(Compare(op, m, n)) : Fail($"a comparison of '{left}' with {right} as numbers");
        }

        if (left is string x && right is string y && op is "=" or "<>" or "!=")
        {
            return TextEquals(x, y) is { } equal ? Bool(equal == (op == "=")) : Fail(WhyTextUndecided(x, y));
        }

        return Fail($"a comparison with {op}");
    }

    private object? Primary()
    {
        if (_pos >= _end) return Fail("the end");
        var token = _tokens[_pos];
        switch (token.Kind)
        {
            case SqlTokenKind.String:
                _pos++;
                return SqlTokenText.Unquote(_sql, token);
            case SqlTokenKind.Number:
                _pos++;
                return long.TryParse(SqlTokenText.Raw(_sql, token), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : Fail($"the number {SqlTokenText.Raw(_sql, token)}");
        }

        if (IsSymbol("@") && _pos + 1 < _end && _tokens[_pos + 1].Start == token.End && !IsSymbol("@", 1))
        {
            var name = _tokens[_pos + 1];
            _pos += 2;
            var key = name.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(_sql, name) : SqlTokenText.Unquote(_sql, name);
            return _scope.Variable(key) ?? Fail(_scope.WhyUnknown(key) is { } why ? $"the variable @{key}, {why}" : $"the variable @{key}, which no statement before it sets");
        }

        if (TrySymbol("("))
        {
            var inner = TryWord("SELECT") ? Select() : Or();
            return inner is null ? null : TrySymbol(")") ? inner : Fail("an unclosed parenthesis");
        }

        if (TryWord("NULL")) return Null;
        if (TryWord("TRUE")) return 1L;
        if (TryWord("FALSE")) return 0L;
        if ((IsWord("DATABASE") || IsWord("SCHEMA")) && IsSymbol("(", 1) && IsSymbol(")", 2))
        {
            _pos += 3;
            return CurrentDatabase;
        }

        if (IsWord("IF") && IsSymbol("(", 1))
        {
            _pos += 2;
            var condition = Or();
            if (condition is null || !TrySymbol(",")) return Fail("IF");
            var then = Or();
            if (then is null || !TrySymbol(",")) return Fail("IF");
            var otherwise = Or();
            return otherwise is null || !TrySymbol(")") ? Fail("IF") : Truth(condition) ? then : otherwise;
        }

        if (IsWord("CONCAT") && IsSymbol("(", 1))
        {
            _pos += 2;
            var text = new System.Text.StringBuilder();
            do
            {
                var part = Or();
                if (part is null) return null;
                if (part == Null) return Fail("CONCAT of NULL");
                text.Append(part is long n ? n.ToString(CultureInfo.InvariantCulture) : part as string ?? string.Empty);
            }
            while (TrySymbol(","));
            return TrySymbol(")") ? text.ToString() : Fail("CONCAT");
        }

        if (IsWord("EXISTS") && IsSymbol("(", 1) && IsWord("SELECT", 2))
        {
            _pos += 3;
            var rows = InformationSchemaRows();
            return rows is null ? null : TrySymbol(")") ? Bool(rows > 0) : Fail("EXISTS");
        }

        if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && IsSymbol("(", 1)) return StoredFunctionCall(Name(token));

        if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && _scope.Local(Name(token)) is { } value)
        {
            _pos++;
            return value;
        }

        return Fail($"'{SqlTokenText.ForMessage(_sql, token)}'");
    }

    private string Name(SqlToken token) => token.Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(_sql, token) : SqlTokenText.Raw(_sql, token);

    private static object Bool(bool value) => value ? 1L : 0L;

    private static bool Compare(string op, decimal a, decimal b)
        => op switch { "=" => a == b, "<>" or "!=" => a != b, ">" => a > b, "<" => a < b, ">=" => a >= b, _ => a <= b };

    /// <summary>Whether a value is true as MySQL's IF reads it: a number other than zero.</summary>
    public static bool IsTrue(object value) => Truth(value);

    // Three-valued logic: NULL is neither true nor false.
    private static bool IsFalse(object value) => value != Null && !Truth(value);

    private static bool Truth(object value) => value switch
    {
        long n => n != 0,
        string s => long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n != 0,
        _ => false,
    };
}

/// <summary>What a MySQL expression may refer to besides constants and the catalog.</summary>
internal interface IMySqlExpressionScope
{
    /// <summary>A user variable's value (<c>@name</c>), or <see langword="null"/> when not known.</summary>
    object? Variable(string name);

    /// <summary>Why a user variable's value is not known (what its SET could not evaluate), or <see langword="null"/> when no statement set it.</summary>
    string? WhyUnknown(string name);

    /// <summary>Inside a procedure, a parameter's or declared variable's value; <see langword="null"/> for any other word.</summary>
    object? Local(string name);

    /// <summary>Whether a view of the name may exist: the migrations created one, which the catalog does not keep.</summary>
    bool MayBeView(string name);

    /// <summary>How <c>||</c> and <c>NOT</c> read under the sql_mode in force: the session's, or inside a routine, the one it was created under.</summary>
    MySqlOperatorMode OperatorMode { get; }

    /// <summary>
    /// The value a call of the stored function <paramref name="name"/> returns, when its body is
    /// one SchemaTasks can run; <see langword="null"/> with <paramref name="unknown"/> set otherwise,
    /// and for any name that is no stored function the migrations created.
    /// </summary>
    object? CallFunction(string name, List<object> arguments, Catalog catalog, out string? unknown);
}
