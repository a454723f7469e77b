using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL's dynamic SQL: user variables set by <c>SET @v = ...</c>, statements prepared from
/// them, and what <c>EXECUTE</c> then runs: a constant or evaluated string
/// (<see cref="MySqlUserExpression"/>) is applied like the DDL it holds.
/// </summary>
internal sealed partial class RoutineCalls
{
    private readonly Dictionary<string, DynamicText> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DynamicText> _prepared = new(StringComparer.OrdinalIgnoreCase);

    // The user variables' values as MySqlUserExpression reads them (numbers too), for the
    // expressions of later SET statements.
    private readonly Dictionary<string, object> _values = new(StringComparer.OrdinalIgnoreCase);

    // SET @a = <expression> [, @b := <expression>] ...; of other settings only those MySqlSession keeps are followed.
    private Catalog Set(Catalog catalog, string sql, List<SqlToken> tokens)
    {
        var i = 1;
        while (i < tokens.Count)
        {
            var end = i;
            var depth = 0;
            for (; end < tokens.Count; end++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[end], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[end], ')')) depth--;
                else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[end], ',')) break;
            }

            NoteSessionSetting(sql, tokens, i, end);
            if (UserVariable(sql, tokens, i, end) is { } variable)
            {
                var value = i + 2;
                while (value < end && !IsAssignment(sql, tokens[value])) value++;
                if (value < end)
                {
                    var evaluated = Evaluate(catalog, sql, tokens, value + 1, end);
                    _variables[variable] = evaluated.Text is null && evaluated.Value is null && value + 1 < end
                        ? evaluated with { Origin = $"the value of @{variable}, {evaluated.Origin}" }
                        : evaluated;
                    if (((object?)evaluated.Text ?? evaluated.Value) is { } known) _values[variable] = known;
                    else _values.Remove(variable);
                }
            }

            i = end + 1;
        }

        return catalog;
    }

    // PREPARE <name> FROM <expression>
    private Catalog Prepare(Catalog catalog, string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 4 || !SqlTokenText.IsWord(sql, tokens[2], "FROM")) return catalog;
        _prepared[Identifier(sql, tokens[1])] = Evaluate(catalog, sql, tokens, 3, tokens.Count);
        return catalog;
    }

    // The text an expression yields: a constant string, a variable set before, or SQL built when the migration runs.
    private DynamicText Evaluate(Catalog catalog, string sql, List<SqlToken> tokens, int start, int end)
    {
        var first = tokens[Math.Min(start, tokens.Count - 1)];
        if (end - start == 1 && first.Kind == SqlTokenKind.String)
        {
            return new DynamicText(SqlTokenText.Unquote(sql, first), first, IsLiteral: true, false, "a constant string");
        }

        string? unknown = null;
        if (start < end && MySqlUserExpression.Evaluate(sql, tokens, start, end, catalog, this, out unknown) is { } value)
        {
            return value is string text
                ? new DynamicText(text, first, IsLiteral: false, false, "a constant string")
                : new DynamicText(null, first, false, false, "a value") { Value = value };
        }

        if (end - start == 2 && UserVariable(sql, tokens, start, end) is { } name)
        {
            return _variables.TryGetValue(name, out var known)
                ? known
                : new DynamicText(null, first, false, true, $"the variable @{name}, which no statement before it sets");
        }

        // Built from pieces: it may change a tracked object when a constant piece reads like DDL, a
        // variable in it may, or it has no constant piece at all (the text comes from data).
        var hasConstant = false;
        var mayChange = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (UserVariable(sql, tokens, i, end) is { } piece)
            {
                if (_variables.TryGetValue(piece, out var variable)) mayChange |= variable.MayChangeTracked || (variable.Text is { } text && DdlText.LooksLikeDdl(text, _dialect));
                i++;
            }
            else if (token.Kind == SqlTokenKind.String)
            {
                hasConstant = true;
                mayChange |= DdlText.LooksLikeDdl(SqlTokenText.Unquote(sql, token), _dialect);
            }
        }

        mayChange |= !hasConstant;
        return new DynamicText(null, first, false, mayChange, $"built by the expression on line {first.Line}, in which SchemaTasks cannot evaluate {unknown ?? "everything"}");
    }

    private Catalog ApplyText(Catalog catalog, string sql, DynamicText known, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var text = new EmbeddedSql.PositionedText();
        if (known.IsLiteral) EmbeddedSql.AppendLiteral(text, sql, known.At);
        else text.Append(known.Text!, known.At.Line, known.At.Column); // Built: its findings point at the expression.
        var lex = new List<SqlLexDiagnostic>();
        var embedded = text.Lex(lex, _dialect);
        ReportLex(lex, context.File, diagnostics);
        return ApplyStatements(catalog, embedded, context, diagnostics);
    }

    // Plain statements, one after another: the DDL of an annotation or of a constant string.
    private Catalog ApplyStatements(Catalog catalog, EmbeddedSql sql, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var start = 0;
        for (var i = 0; i <= sql.Tokens.Count; i++)
        {
            if (i < sql.Tokens.Count && sql.Tokens[i].Kind is not (SqlTokenKind.Semicolon or SqlTokenKind.Delimiter)) continue;
            if (i > start && DdlText.StartsDdl(sql.Text, sql.Tokens[start], _dialect))
            {
                catalog = TrackedStatement.Apply(catalog, sql.Text, sql.Tokens, new SqlStatementRange(start, i), context, diagnostics, context.File);
                if (SqlTokenText.IsWord(sql.Text, sql.Tokens[start], "DROP")) Drop(sql.Text, sql.Tokens.GetRange(start, i - start), context); // MariaDB prepares DROP PROCEDURE.
            }
            else if (i > start && _dialect.IsMySqlFamily() && SqlTokenText.IsWord(sql.Text, sql.Tokens[start], "SET"))
            {
                CheckDynamicSqlMode(sql, start, i, context);
            }

            start = i + 1;
        }

        return catalog;
    }

    // An executed SET sql_mode lasts past the EXECUTE, but the statement reader, which lexes the text
    // after it, never sees it: one that may change how the text reads is reported (ST3124).
    private void CheckDynamicSqlMode(EmbeddedSql sql, int start, int end, ApplyContext context)
    {
        var session = new SessionReading(_dialect);
        var found = new List<SqlLexDiagnostic>();
        session.Follow(sql.Text, sql.Tokens.GetRange(start, end - start), found);
        if (session.Reading == SqlReading.Default && found.Count == 0) return;
        context.Error(DiagnosticCodes.SessionReadingUndecided, SessionReading.ModeMessage(", run by EXECUTE, changes sql_mode for the rest of the session, where SchemaTasks reads the text after the EXECUTE as before"), sql.Tokens[start]);
    }

    private static bool IsAssignment(string sql, SqlToken token)
        => SqlTokenText.IsSymbol(sql, token, '=') || SqlTokenText.Raw(sql, token) == ":=";

    // A user variable, @name, @`name` or @'name' (two tokens, written together); not a system variable, @@name.
    private static string? UserVariable(string sql, List<SqlToken> tokens, int at, int end)
    {
        if (at + 1 >= end || !SqlTokenText.IsSymbol(sql, tokens[at], '@') || tokens[at + 1].Start != tokens[at].End) return null;
        var name = tokens[at + 1];
        return name.Kind switch
        {
            SqlTokenKind.Word => SqlTokenText.Raw(sql, name),
            SqlTokenKind.QuotedIdentifier or SqlTokenKind.String => SqlTokenText.Unquote(sql, name),
            _ => null,
        };
    }

    /// <summary>
    /// SQL a statement will run: its text when known (<paramref name="At"/> is the literal that
    /// holds it when <paramref name="IsLiteral"/>, else the expression that built it), otherwise
    /// whether it may change a tracked object.
    /// </summary>
    private sealed record DynamicText(string? Text, SqlToken At, bool IsLiteral, bool MayChangeTracked, string Origin)
    {
        /// <summary>A value that is not text (a number, <see cref="MySqlUserExpression.CurrentDatabase"/>), for later expressions.</summary>
        public object? Value { get; init; }
    }
}
