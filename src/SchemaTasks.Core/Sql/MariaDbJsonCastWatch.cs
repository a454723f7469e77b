namespace SchemaTasks.Sql;

/// <summary>
/// Finds <c>CAST(... AS JSON)</c> and <c>CONVERT(..., JSON)</c> in a statement whose tokens are not
/// kept (an UPDATE, an INSERT ... SELECT): MariaDB has no JSON target for them and refuses the
/// statement (error 1064, <see cref="MariaDbCasts"/>), so the migration stops there. Fed each
/// token as the reader passes it; a few comparisons a token, no allocation. An alias named
/// <c>json</c> (<c>SELECT x AS json</c>) is outside any CAST's parentheses, and does not count.
/// </summary>
internal struct MariaDbJsonCastWatch
{
    private const int MostDepth = 63;

    private int _depth;
    private ulong _casts; // Bit d: the parenthesis at depth d opens a CAST.
    private ulong _converts; // Bit d: it opens a CONVERT.
    private Previous _previous;

    private enum Previous : byte
    {
        Other,
        Cast,
        Convert,
        As,
        Comma,
    }

    /// <summary>The <c>JSON</c> word of the first such cast of the statement, if any.</summary>
    public SqlToken? Found { get; private set; }

    /// <summary>Starts a new statement.</summary>
    public void Reset() => this = default;

    /// <summary>Reads the statement's next token.</summary>
    public void Step(string source, SqlToken token)
    {
        var previous = _previous;
        _previous = Previous.Other;
        if (token.Kind == SqlTokenKind.Symbol && token.Length == 1)
        {
            var symbol = source[token.Start];
            if (symbol == '(')
            {
                if (++_depth > MostDepth) return;
                var bit = 1UL << _depth;
                _casts = previous == Previous.Cast ? _casts | bit : _casts & ~bit;
                _converts = previous == Previous.Convert ? _converts | bit : _converts & ~bit;
            }
            else if (symbol == ')')
            {
                if (_depth > 0) _depth--;
            }
            else if (symbol == ',')
            {
                _previous = Previous.Comma;
            }

            return;
        }

        if (token.Kind != SqlTokenKind.Word || token.Length is not (2 or 4 or 7) || _depth > MostDepth) return;
        if (SqlTokenText.IsWord(source, token, "AS")) _previous = Previous.As;
        else if (SqlTokenText.IsWord(source, token, "CAST")) _previous = Previous.Cast;
        else if (SqlTokenText.IsWord(source, token, "CONVERT")) _previous = Previous.Convert;
        else if (Found is null && _depth > 0 && SqlTokenText.IsWord(source, token, "JSON"))
        {
            var bit = 1UL << _depth;
            if ((previous == Previous.As && (_casts & bit) != 0) || (previous == Previous.Comma && (_converts & bit) != 0)) Found = token;
        }
    }
}
