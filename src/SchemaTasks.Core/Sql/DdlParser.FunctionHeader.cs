namespace SchemaTasks.Sql;

/// <summary>A PostgreSQL function parameter: its mode (<c>IN</c>, <c>OUT</c>, <c>INOUT</c>, <c>VARIADIC</c>), type, and whether it has a default.</summary>
internal sealed record FunctionParameter(string Mode, TypeSpec Type, bool HasDefault)
{
    /// <summary>Its name as the server keeps it (folded unless quoted); null when it has none.</summary>
    public string? Name { get; init; }

    /// <summary>Whether a call passes it: every mode but OUT.</summary>
    public bool IsInput => Mode != "OUT";

    /// <summary>Whether it is part of the result: OUT and INOUT.</summary>
    public bool IsOutput => Mode is "OUT" or "INOUT";
}

/// <summary>
/// What <c>CREATE FUNCTION name (parameters) [RETURNS [SETOF] type | RETURNS TABLE (...)]</c>
/// declares of a function's calls: its parameters and the type of its value.
/// </summary>
/// <param name="Parameters">The parameters as written, OUT ones included.</param>
/// <param name="Returns">The RETURNS type; null for <c>RETURNS TABLE</c> and for none (the OUT parameters decide).</param>
/// <param name="ReturnsSet">Whether the function returns rows (<c>SETOF</c>, <c>TABLE</c>).</param>
/// <param name="Table">The columns of <c>RETURNS TABLE (...)</c>; null otherwise.</param>
internal sealed record FunctionHeader(IReadOnlyList<FunctionParameter> Parameters, TypeSpec? Returns, bool ReturnsSet, IReadOnlyList<TypeSpec>? Table)
{
    /// <summary>The columns of <c>RETURNS TABLE (...)</c> with their names; null otherwise.</summary>
    public IReadOnlyList<FunctionParameter>? TableColumns { get; init; }
}

internal sealed partial class DdlParser
{
    /// <summary>
    /// The header of a PostgreSQL <c>CREATE FUNCTION</c> whose parameter list opens at
    /// <paramref name="open"/>; null when any part of it is not read (a <c>%TYPE</c>, a type this
    /// parser does not know how to read).
    /// </summary>
    public static FunctionHeader? ReadFunctionHeader(string source, List<SqlToken> tokens, int open, IdentifierRules rules)
    {
        if (open >= tokens.Count || !SqlTokenText.IsSymbol(source, tokens[open], '(')) return null;
        var parameters = new List<FunctionParameter>();
        var close = Parameters(source, tokens, open, rules, parameters, named: false);
        if (close < 0) return null;
        var at = close + 1;
        if (at >= tokens.Count || !SqlTokenText.IsWord(source, tokens[at], "RETURNS"))
        {
            // Without RETURNS, OUT parameters decide the type; a function without any is refused by the server.
            return new FunctionHeader(parameters, null, false, null);
        }

        at++;
        if (at + 1 < tokens.Count && SqlTokenText.IsWord(source, tokens[at], "TABLE") && SqlTokenText.IsSymbol(source, tokens[at + 1], '('))
        {
            var columns = new List<FunctionParameter>();
            return Parameters(source, tokens, at + 1, rules, columns, named: true) < 0 ? null : new FunctionHeader(parameters, null, true, [.. columns.Select(c => c.Type)]) { TableColumns = columns };
        }

        var set = at < tokens.Count && SqlTokenText.IsWord(source, tokens[at], "SETOF");
        if (set) at++;
        if (at >= tokens.Count) return null;
        try
        {
            var reader = new DdlParser(new TokenCursor(source, tokens, new SqlStatementRange(at, tokens.Count), rules));
            var type = reader.DataType();

            // RETURNS t.c%TYPE names a column's type: not read.
            return !reader._c.AtEnd && reader._c.IsSymbol('%') ? null : new FunctionHeader(parameters, type, set, null);
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    // The parameters of the list opening at `open`, into `parameters`; the index of its closing
    // parenthesis, or -1 when one is not read. `named`: each has a name (RETURNS TABLE's columns).
    private static int Parameters(string source, List<SqlToken> tokens, int open, IdentifierRules rules, List<FunctionParameter> parameters, bool named)
    {
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(source, tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(source, tokens[i], ')')) depth--;
            if (i == open || depth > 1 || (depth == 1 && !SqlTokenText.IsSymbol(source, tokens[i], ','))) continue;
            if (i > start || parameters.Count > 0)
            {
                if (Parameter(source, tokens, start, i, rules, named) is not { } parameter) return -1;
                parameters.Add(parameter);
            }

            start = i + 1;
            if (depth == 0) return i;
        }

        return -1;
    }

    // [IN | OUT | INOUT | VARIADIC] [name] type [DEFAULT value | = value], in tokens [start, end).
    private static FunctionParameter? Parameter(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules, bool named)
    {
        var mode = "IN";
        if (!named && start < end && tokens[start].Kind == SqlTokenKind.Word)
        {
            foreach (var word in (string[])["IN", "OUT", "INOUT", "VARIADIC"])
            {
                if (!SqlTokenText.IsWord(source, tokens[start], word)) continue;
                mode = word;
                start++;
                break;
            }
        }

        var typeEnd = start;
        var depth = 0;
        while (typeEnd < end && !(depth == 0 && (SqlTokenText.IsWord(source, tokens[typeEnd], "DEFAULT") || SqlTokenText.IsSymbol(source, tokens[typeEnd], '='))))
        {
            if (SqlTokenText.IsSymbol(source, tokens[typeEnd], '(')) depth++;
            else if (SqlTokenText.IsSymbol(source, tokens[typeEnd], ')')) depth--;
            typeEnd++;
        }

        // A lone type, or a name and its type: the type is whatever reads to the end.
        var unnamed = named ? null : TypeIn(source, tokens, start, typeEnd, rules);
        var type = unnamed ?? TypeIn(source, tokens, start + 1, typeEnd, rules);
        if (type is null) return null;
        return new FunctionParameter(mode, type, typeEnd < end) { Name = unnamed is null ? rules.Name(source, tokens[start]) : null };
    }

    private static TypeSpec? TypeIn(string source, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        if (start >= end) return null;
        try
        {
            var reader = new DdlParser(new TokenCursor(source, tokens, new SqlStatementRange(start, end), rules));
            var type = reader.DataType();
            return reader._c.AtEnd ? type : null;
        }
        catch (SqlParseException)
        {
            return null;
        }
    }
}
