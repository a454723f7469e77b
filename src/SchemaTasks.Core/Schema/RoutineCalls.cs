using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Statements that run SQL not written where they stand: a <c>CALL</c> of a procedure, a
/// PostgreSQL <c>SELECT</c> of a function, MySQL's <c>PREPARE</c>/<c>EXECUTE</c> and MariaDB's
/// <c>EXECUTE IMMEDIATE</c>. Migrations use them to run DDL under a condition, and a snapshot
/// that passed over them would quietly keep what they dropped. A constant string is followed
/// like the DDL it holds; anything else that may change a tracked object is reported at the
/// statement, unless a <c>/* schematasks:equivalent ... */</c> comment declares its outcome.
/// One instance follows a whole run: a procedure created in one migration may be called in a
/// later one.
/// </summary>
internal sealed partial class RoutineCalls
{
    private const string WayOut = "Write the DDL as plain statements, or declare what the statement does with a /* schematasks:equivalent <the DDL> */ comment right before it (an empty one when it changes nothing tracked)";

    private readonly SqlDialect _dialect;
    private readonly Dictionary<string, RoutineDefinition> _routines;

    // The lengths of the routines' names: a SELECT's words are looked up (which makes a string
    // of each) only when one could be a routine's name. pg_dump folders have thousands of
    // SELECT setval(...) statements.
    private readonly HashSet<int> _nameLengths = [];
    private readonly Dictionary<string, DynamicText> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DynamicText> _prepared = new(StringComparer.OrdinalIgnoreCase);

    // The user variables' values as MySqlUserExpression reads them (numbers too), for the
    // expressions of later SET statements.
    private readonly Dictionary<string, object> _values = new(StringComparer.OrdinalIgnoreCase);

    public RoutineCalls(SqlDialect dialect)
    {
        _dialect = dialect;
        // PostgreSQL folds unquoted names when it reads them; MySQL compares routine names in any case.
        _routines = new Dictionary<string, RoutineDefinition>(dialect == SqlDialect.Postgres ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a statement starting with <paramref name="first"/> is one this class reads, so its tokens must be kept.</summary>
    public static bool Reads(string source, SqlToken first, bool mySql)
        => SqlTokenText.IsWord(source, first, "CALL")
           || (mySql
               ? SqlTokenText.IsWord(source, first, "SET") || SqlTokenText.IsWord(source, first, "PREPARE") || SqlTokenText.IsWord(source, first, "EXECUTE")
                 || SqlTokenText.IsWord(source, first, "BEGIN")
               : SqlTokenText.IsWord(source, first, "SELECT"));

    /// <summary>Remembers a procedure or function that a <c>CREATE</c> statement defines, and whether its body may change tracked objects.</summary>
    public void Define(string sql, List<SqlToken> tokens, string? file)
    {
        if (RoutineDefinition.Read(sql, tokens, _dialect, file) is { } routine)
        {
            _routines[routine.Name] = routine;
            _nameLengths.Add(routine.Name.Length);
        }
    }

    /// <summary>Applies what the statement <paramref name="tokens"/> runs, as far as it can be told.</summary>
    /// <param name="catalog">The schema before the statement.</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="gapStart">Where the text after the previous statement starts, to find an annotation comment.</param>
    /// <param name="context">The statement's context.</param>
    /// <param name="diagnostics">Receives the findings.</param>
    /// <returns>The schema after the statement.</returns>
    public Catalog Run(Catalog catalog, string sql, List<SqlToken> tokens, int gapStart, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var first = tokens[0];
        if (SqlTokenText.IsWord(sql, first, "SET")) return Set(catalog, sql, tokens);
        if (SqlTokenText.IsWord(sql, first, "PREPARE")) return Prepare(catalog, sql, tokens);

        if (SqlTokenText.IsWord(sql, first, "BEGIN")) return Block(catalog, sql, tokens, gapStart, context, diagnostics);

        var runs = Runs(catalog, sql, tokens);
        if (runs is null) return catalog; // A SELECT of nothing the migrations defined, DEALLOCATE's like.
        var lex = new List<SqlLexDiagnostic>();
        if (EquivalentAnnotation.Read(sql, gapStart, first, _dialect, lex) is { } declared)
        {
            ReportLex(lex, context.File, diagnostics);
            return ApplyStatements(catalog, declared, context, diagnostics);
        }

        switch (runs)
        {
            case RoutineRun { Routine: { CanRun: true } runnable }:
                var after = RunProcedure(catalog, runnable, sql, tokens, context, diagnostics, out var undecidable);
                if (after is not null) return after;
                context.Error(DiagnosticCodes.RoutineChangesTrackedObjects, $"This CALL runs procedure {context.Show(runnable.Name)}, created at {runnable.Where}, and SchemaTasks cannot tell what it does to tracked objects: it cannot follow {undecidable}. {WayOut}.", first);
                return catalog;
            case RoutineRun { Routine: { } routine }:
                if (routine.MayChangeTracked)
                {
                    context.Error(DiagnosticCodes.RoutineChangesTrackedObjects, $"This {Upper(sql, first)} runs {routine.Kind} {context.Show(routine.Name)}, created at {routine.Where}, whose body may change tracked objects; SchemaTasks does not run routine bodies, so the schema after it would be a guess. {WayOut}.", first);
                }

                return catalog;
            case RoutineRun { Name: var name }:
                context.Warning(DiagnosticCodes.UnknownProcedure, $"This CALL runs procedure {context.Show(name)}, which no migration before it creates, so SchemaTasks cannot tell whether it changes tracked objects. If it does, {char.ToLowerInvariant(WayOut[0])}{WayOut[1..]}.", first);
                return catalog;
            case DynamicText { Text: { } text } known when text.Length > 0:
                return ApplyText(catalog, sql, known, context, diagnostics);
            case DynamicText { Text: null, MayChangeTracked: true, Origin: var origin }:
                context.Error(DiagnosticCodes.UndecidableDynamicSql, $"Cannot tell what this EXECUTE runs: its SQL is {origin}, known only when the migration runs, and it may change a tracked object. {WayOut}.", first);
                return catalog;
            default:
                return catalog;
        }
    }

    // SET, PREPARE, EXECUTE or CALL inside a running procedure: what cannot be told stops the
    // whole call, which is reported once, at the CALL.
    private Catalog RunInProcedure(Catalog catalog, string sql, List<SqlToken> tokens, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var first = tokens[0];
        if (SqlTokenText.IsWord(sql, first, "SET")) return Set(catalog, sql, tokens);
        if (SqlTokenText.IsWord(sql, first, "PREPARE")) return Prepare(catalog, sql, tokens);
        switch (Runs(catalog, sql, tokens))
        {
            case DynamicText { Text: { } text } known when text.Length > 0:
                return ApplyText(catalog, sql, known, context, diagnostics);
            case DynamicText { Text: null, MayChangeTracked: true, Origin: var origin }:
                throw new UndecidableCall($"the EXECUTE at line {first.Line}, whose SQL is {origin}");
            case RoutineRun { Routine: { CanRun: true } runnable }:
                return RunProcedure(catalog, runnable, sql, tokens, context, diagnostics, out var undecidable)
                       ?? throw new UndecidableCall($"the CALL of {runnable.Name} at line {first.Line}: {undecidable}");
            case RoutineRun { Routine: null or { MayChangeTracked: true }, Name: var name }:
                throw new UndecidableCall($"the CALL of {name} at line {first.Line}");
            default:
                return catalog;
        }
    }

    // SET name = value, ... inside a procedure, for its parameters and declared variables.
    private bool SetLocal(Catalog catalog, string sql, List<SqlToken> tokens)
    {
        if (_locals is null || tokens.Count < 3 || tokens[1].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return false;
        var name = tokens[1].Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, tokens[1]) : SqlTokenText.Raw(sql, tokens[1]);
        if (!_locals.ContainsKey(name) || !IsAssignment(sql, tokens[2])) return false;
        var end = tokens.Count;
        var value = MySqlUserExpression.Evaluate(sql, tokens, 3, end, catalog, n => _values.GetValueOrDefault(n), out var unknown, Local)
                    ?? throw new UndecidableCall($"the SET at line {tokens[0].Line} ({unknown})");
        _locals[name] = value;
        return true;
    }

    // MariaDB's BEGIN NOT ATOMIC ... END runs at once, like a procedure created and called; its
    // DDL usually sits under IF conditions on information_schema, which are not decided here.
    private Catalog Block(Catalog catalog, string sql, List<SqlToken> tokens, int gapStart, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var first = tokens[0];
        if (tokens.Count < 2 || !SqlTokenText.IsWord(sql, tokens[1], "NOT")) return catalog; // BEGIN [WORK]: a transaction.
        var lex = new List<SqlLexDiagnostic>();
        if (EquivalentAnnotation.Read(sql, gapStart, first, _dialect, lex) is { } declared)
        {
            ReportLex(lex, context.File, diagnostics);
            return ApplyStatements(catalog, declared, context, diagnostics);
        }

        if (DdlText.LooksLikeDdl(sql[first.Start..tokens[^1].End], _dialect))
        {
            context.Error(DiagnosticCodes.RoutineChangesTrackedObjects, $"This BEGIN NOT ATOMIC block may change tracked objects; SchemaTasks does not run compound statements, so the schema after it would be a guess. {WayOut}.", first);
        }

        return catalog;
    }

    // What the statement runs: a routine (known or not), dynamic text, or nothing to follow.
    private object? Runs(Catalog catalog, string sql, List<SqlToken> tokens)
    {
        var first = tokens[0];
        if (SqlTokenText.IsWord(sql, first, "CALL"))
        {
            if (tokens.Count < 2 || NameAt(sql, tokens, 1) is not { } called) return null;
            return new RoutineRun(called, _routines.GetValueOrDefault(called));
        }

        if (SqlTokenText.IsWord(sql, first, "SELECT"))
        {
            if (_routines.Count == 0) return null;
            for (var i = 1; i + 1 < tokens.Count; i++)
            {
                if (!SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') || tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
                if (tokens[i].Kind == SqlTokenKind.Word && !_nameLengths.Contains(tokens[i].Length)) continue;
                var name = Identifier(sql, tokens[i]);
                if (_routines.TryGetValue(name, out var routine) && routine.MayChangeTracked) return new RoutineRun(name, routine);
            }

            return null;
        }

        // EXECUTE IMMEDIATE <expression> (MariaDB) or EXECUTE <name> [USING ...].
        if (tokens.Count >= 2 && SqlTokenText.IsWord(sql, tokens[1], "IMMEDIATE"))
        {
            return Evaluate(catalog, sql, tokens, 2, tokens.Count);
        }

        if (tokens.Count >= 2)
        {
            var name = Identifier(sql, tokens[1]);
            return _prepared.TryGetValue(name, out var prepared)
                ? prepared
                : new DynamicText(null, tokens[0], false, MayChangeTracked: true, $"prepared as {name}, but no PREPARE {name} comes before it");
        }

        return null;
    }

    // SET @a = <expression> [, @b := <expression>] ...; any other SET changes nothing this class follows.
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
        if (start < end && MySqlUserExpression.Evaluate(sql, tokens, start, end, catalog, name => _values.GetValueOrDefault(name), out unknown, Local) is { } value)
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
            if (i > start && IsDdl(sql.Text, sql.Tokens[start]))
            {
                catalog = TrackedStatement.Apply(catalog, sql.Text, sql.Tokens, new SqlStatementRange(start, i), context, diagnostics, context.File);
            }

            start = i + 1;
        }

        return catalog;
    }

    private static bool IsDdl(string text, SqlToken first)
        => SqlTokenText.IsWord(text, first, "CREATE") || SqlTokenText.IsWord(text, first, "ALTER") || SqlTokenText.IsWord(text, first, "DROP") || SqlTokenText.IsWord(text, first, "RENAME");

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

    private string Identifier(string sql, SqlToken token)
        => token.Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, token) : IdentifierRules.For(_dialect).FoldUnquoted(SqlTokenText.Raw(sql, token));

    // The last part of a possibly qualified name starting at tokens[index].
    private string? NameAt(string sql, List<SqlToken> tokens, int index)
    {
        if (tokens[index].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        while (index + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[index + 1], '.') && tokens[index + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            index += 2;
        }

        return Identifier(sql, tokens[index]);
    }

    private static string Upper(string sql, SqlToken token) => SqlTokenText.Raw(sql, token).ToUpperInvariant();

    private static void ReportLex(List<SqlLexDiagnostic> lex, string? file, List<SchemaDiagnostic> diagnostics)
    {
        foreach (var d in lex) diagnostics.Add(SchemaDiagnostic.Error(d.Code, d.Message, file, d.Line, d.Column));
    }

    private sealed record RoutineRun(string Name, RoutineDefinition? Routine);

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
