using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Runs a MySQL procedure's body when a migration calls it, the way MySQL folders wrap DDL that
/// must run only when needed (drop an index if it exists, fix a primary key if a column is still
/// there): <c>DECLARE</c>, <c>SET</c>, <c>SELECT COUNT(...) INTO</c> over
/// <c>information_schema</c>, <c>IF</c>/<c>ELSEIF</c>/<c>ELSE</c>, nested <c>BEGIN</c> blocks,
/// <c>PREPARE</c>/<c>EXECUTE</c>, handlers with empty bodies for errors it can tell apart
/// (<see cref="MySqlHandlerConditions"/>) and plain DDL; data statements change nothing tracked.
/// Anything else (a loop, another handler, a cursor, a value it cannot evaluate) makes the call
/// undecidable. MariaDB's <c>BEGIN NOT ATOMIC</c> block is run the same way, where it stands.
/// </summary>
internal sealed partial class RoutineCalls
{
    // A procedure calling itself, or others in a ring, stops being followed here.
    private const int CallDepthLimit = 8;

    // The running procedure's parameters and declared variables; null outside a procedure.
    private Dictionary<string, object>? _locals;
    private int _callDepth;

    /// <inheritdoc/>
    public object? Local(string name) => _locals is { } locals && locals.TryGetValue(name, out var value) ? value : null;

    /// <summary>Runs <paramref name="routine"/> with the call's arguments; <see langword="null"/> with <paramref name="undecidable"/> set when it cannot be told.</summary>
    private Catalog? RunProcedure(Catalog catalog, RoutineDefinition routine, string sql, List<SqlToken> call, ApplyContext context, List<SchemaDiagnostic> diagnostics, out string? undecidable)
    {
        undecidable = null;
        if (_callDepth >= CallDepthLimit)
        {
            undecidable = "procedures calling each other more than eight deep";
            return null;
        }

        var arguments = Arguments(catalog, sql, call, out undecidable);
        if (arguments is null) return null;
        if (arguments.Count != routine.Parameters.Length)
        {
            undecidable = $"{arguments.Count} arguments for {routine.Parameters.Length} parameters";
            return null;
        }

        var locals = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i++) locals[routine.Parameters[i]] = arguments[i];
        var body = routine.Body;
        var inside = new List<SchemaDiagnostic>();
        var run = new ProcedureRun(this, body.Text, body.Tokens, context.For(routine.File, inside), inside) { Catalog = catalog };
        if (!RunBody(run, locals, routine.OperatorMode, 0, body.Tokens.Count, out undecidable)) return null;
        diagnostics.AddRange(inside);
        return run.Catalog;
    }

    /// <summary>
    /// Runs the statements of a procedure's body, or of a <c>BEGIN NOT ATOMIC</c> block, from
    /// <paramref name="start"/> to its <c>END</c> (or <paramref name="end"/>) with
    /// <paramref name="locals"/> as its variables; false with <paramref name="undecidable"/> set when it cannot be told.
    /// </summary>
    private bool RunBody(ProcedureRun run, Dictionary<string, object> locals, MySqlOperatorMode mode, int start, int end, out string? undecidable)
    {
        undecidable = null;
        var saved = _locals;
        var savedMode = _routineMode;
        _locals = locals;
        _routineMode = mode;
        _callDepth++;
        try
        {
            run.Statements(start, end, execute: true);
        }
        catch (UndecidableCall step)
        {
            undecidable = step.Reason;
            return false;
        }
        catch (StopCall)
        {
            // A statement failed: the server stops the procedure there, keeping what ran before it.
        }
        finally
        {
            _locals = saved;
            _routineMode = savedMode;
            _callDepth--;
        }

        return true;
    }

    // CALL name(argument, ...): each argument a value MySqlUserExpression can evaluate.
    private List<object>? Arguments(Catalog catalog, string sql, List<SqlToken> call, out string? undecidable)
    {
        undecidable = null;
        var arguments = new List<object>();
        var open = call.FindIndex(t => SqlTokenText.IsSymbol(sql, t, '('));
        if (open < 0) return arguments;
        var start = open + 1;
        var depth = 0;
        for (var i = start; i < call.Count; i++)
        {
            var token = call[i];
            if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, token, ')') && depth-- > 0) continue;
            var closes = depth < 0;
            if (!closes && !(depth == 0 && SqlTokenText.IsSymbol(sql, token, ','))) continue;
            if (i > start)
            {
                var value = MySqlUserExpression.Evaluate(sql, call, start, i, catalog, this, out var unknown);
                if (value is null)
                {
                    undecidable = $"its argument {arguments.Count + 1} ({unknown})";
                    return null;
                }

                arguments.Add(value);
            }

            if (closes) break;
            start = i + 1;
        }

        return arguments;
    }

    // SET, PREPARE, EXECUTE or CALL inside a running procedure: what cannot be told stops the
    // whole call, which is reported once, at the CALL.
    private Catalog RunInProcedure(Catalog catalog, string sql, List<SqlToken> tokens, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var first = tokens[0];
        if (SqlTokenText.IsWord(sql, first, "SET")) return Set(catalog, sql, tokens);
        if (SqlTokenText.IsWord(sql, first, "PREPARE")) return Prepare(catalog, sql, tokens);
        var runs = Runs(catalog, sql, tokens);
        if (runs is RoutineRun { Name: var called } && Dropped(called, "procedure") is { } drop && ReportDropped("procedure", called, drop, first, context))
        {
            return catalog; // The server stops the procedure at the failed CALL, unless a handler takes the error.
        }

        switch (runs)
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
        var value = MySqlUserExpression.Evaluate(sql, tokens, 3, end, catalog, this, out var unknown)
                    ?? throw new UndecidableCall($"the SET at line {tokens[0].Line} ({unknown})");
        _locals[name] = value;
        return true;
    }

    /// <summary>One call's walk over the body's statements, running the branches taken and stepping over the others.</summary>
    private sealed class ProcedureRun(RoutineCalls calls, string sql, List<SqlToken> tokens, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        private static readonly HashSet<string> DataStatements = new(StringComparer.OrdinalIgnoreCase)
        {
            "INSERT", "UPDATE", "DELETE", "REPLACE", "DEALLOCATE", "COMMIT", "ROLLBACK", "START", "DO", "ANALYZE", "OPTIMIZE", "FLUSH", "GRANT", "REVOKE",
        };

        // The handlers each BEGIN ... END block the run is in declared, outermost first (the body's
        // own statements outside any block are the first scope): DECLARE CONTINUE|EXIT HANDLER FOR
        // conditions BEGIN END. A failing statement one of them catches is passed over, or ends the
        // block that declared it, without an error.
        private readonly List<List<Handler>> _handlers = [[]];

        public Catalog Catalog { get; set; } = null!;

        /// <summary>Whether the body is a stored function's, which may only compute its value: RETURN ends it, and a statement with any other effect is not followed.</summary>
        public bool InFunction { get; init; }

        private bool IsWord(int at, string word) => at < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], word);

        // Under a DELIMITER of its own, the body's semicolons are plain symbols.
        private bool EndsStatement(int at)
            => tokens[at].Kind is SqlTokenKind.Semicolon or SqlTokenKind.Delimiter || SqlTokenText.IsSymbol(sql, tokens[at], ';');

        /// <summary>Runs (or, when not <paramref name="execute"/>, steps over) statements from <paramref name="at"/> to a word that ends the list; returns where that word is.</summary>
        public int Statements(int at, int end, bool execute)
        {
            while (at < end)
            {
                if (EndsStatement(at))
                {
                    at++;
                    continue;
                }

                if (IsWord(at, "END") || IsWord(at, "ELSE") || IsWord(at, "ELSEIF")) return at;
                at = Statement(at, end, execute);
            }

            return at;
        }

        private int Statement(int at, int end, bool execute)
        {
            if (IsWord(at, "BEGIN"))
            {
                _handlers.Add([]);
                int close;
                try
                {
                    close = Statements(at + 1, end, execute);
                }
                catch (ExitBlock exit) when (exit.Scope == _handlers.Count - 1)
                {
                    close = Statements(at + 1, end, execute: false); // An EXIT handler of this block took an error: the block ends.
                }
                finally
                {
                    _handlers.RemoveAt(_handlers.Count - 1);
                }

                if (!IsWord(close, "END")) throw new UndecidableCall("a BEGIN without its END");
                return close + 1;
            }

            if (IsWord(at, "IF")) return If(at, end, execute);
            if (IsWord(at, "WHILE") || IsWord(at, "REPEAT") || IsWord(at, "LOOP") || IsWord(at, "CASE") || IsWord(at, "LEAVE") || IsWord(at, "ITERATE")
                || (at + 1 < end && SqlTokenText.IsSymbol(sql, tokens[at + 1], ':')))
            {
                throw new UndecidableCall($"the {SqlTokenText.Raw(sql, tokens[at]).ToUpperInvariant()} at line {tokens[at].Line}");
            }

            var stop = at;
            var depth = 0;
            for (; stop < end; stop++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[stop], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[stop], ')')) depth--;
                else if (depth == 0 && EndsStatement(stop)) break;
            }

            if (execute) Simple(at, stop);
            return stop;
        }

        // IF c THEN ... [ELSEIF c THEN ...] [ELSE ...] END IF
        private int If(int at, int end, bool execute)
        {
            var taken = false;
            var pos = at;
            while (IsWord(pos, "IF") || IsWord(pos, "ELSEIF"))
            {
                var then = pos + 1;
                var depth = 0;
                for (; then < end && !(depth == 0 && IsWord(then, "THEN")); then++)
                {
                    if (SqlTokenText.IsSymbol(sql, tokens[then], '(')) depth++;
                    else if (SqlTokenText.IsSymbol(sql, tokens[then], ')')) depth--;
                }

                if (then >= end) throw new UndecidableCall($"an IF without THEN at line {tokens[pos].Line}");
                var run = false;
                if (execute && !taken)
                {
                    var value = MySqlUserExpression.Evaluate(sql, tokens, pos + 1, then, Catalog, calls, out var unknown);
                    if (value is null) throw new UndecidableCall($"the condition at line {tokens[pos].Line} ({unknown})");
                    run = MySqlUserExpression.IsTrue(value);
                }

                pos = Statements(then + 1, end, run);
                taken |= run;
            }

            if (IsWord(pos, "ELSE")) pos = Statements(pos + 1, end, execute && !taken);
            if (!IsWord(pos, "END") || !IsWord(pos + 1, "IF")) throw new UndecidableCall($"an IF without END IF at line {tokens[at].Line}");
            return pos + 2;
        }

        private void Simple(int start, int stop)
        {
            var first = tokens[start];
            var statement = tokens.GetRange(start, stop - start);
            if (SqlTokenText.IsWord(sql, first, "DECLARE"))
            {
                Declare(statement);
            }
            else if (SqlTokenText.IsWord(sql, first, "SET") && calls.SetLocal(Catalog, sql, statement))
            {
            }
            else if (SqlTokenText.IsWord(sql, first, "SELECT"))
            {
                SelectInto(statement);
            }
            else if (InFunction && SqlTokenText.IsWord(sql, first, "RETURN"))
            {
                throw new FunctionReturn(MySqlUserExpression.Evaluate(sql, statement, 1, statement.Count, Catalog, calls, out var unknown)
                                         ?? throw new UndecidableCall($"the RETURN at line {first.Line} ({unknown})"));
            }
            else if (InFunction)
            {
                throw new UndecidableCall($"the {SqlTokenText.ForMessage(sql, first).ToUpperInvariant()} at line {first.Line}");
            }
            else if (SqlTokenText.IsWord(sql, first, "SET") || SqlTokenText.IsWord(sql, first, "PREPARE") || SqlTokenText.IsWord(sql, first, "EXECUTE") || SqlTokenText.IsWord(sql, first, "CALL"))
            {
                var before = diagnostics.Count;
                var after = calls.RunInProcedure(Catalog, sql, statement, context, diagnostics);
                Catalog = Failed(before) ? Catalog : after;
            }
            else if (DdlText.StartsDdl(sql, first, calls._dialect))
            {
                var before = diagnostics.Count;
                var after = TrackedStatement.Apply(Catalog, sql, statement, new SqlStatementRange(0, statement.Count), context, diagnostics, context.File);
                Catalog = Failed(before) ? Catalog : after;
            }
            else if (first.Kind != SqlTokenKind.Word || !DataStatements.Contains(SqlTokenText.Raw(sql, first)))
            {
                throw new UndecidableCall($"the {SqlTokenText.ForMessage(sql, first).ToUpperInvariant()} at line {first.Line}");
            }
        }

        // Whether the statement whose findings start at diagnostics[before] failed; a failure the
        // server would stop the call at ends it here, unless a handler declared for it says otherwise.
        private bool Failed(int before)
        {
            var errors = diagnostics.Skip(before).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) return false;

            // A statement the server's parser refuses fails the CREATE PROCEDURE itself, where no handler runs.
            if (_handlers.All(scope => scope.Count == 0) || errors.Any(d => d.Code is DiagnosticCodes.SyntaxError or DiagnosticCodes.MariaDbColumnAttributeOrder)) throw new StopCall();

            // The innermost block with a handler that catches the error takes it, by its most specific one.
            var number = MySqlHandlerConditions.NumberOf(errors);
            for (var scope = _handlers.Count - 1; scope >= 0; scope--)
            {
                Handler? taken = null;
                var best = 0;
                foreach (var handler in _handlers[scope])
                {
                    foreach (var condition in handler.Conditions)
                    {
                        var catches = MySqlHandlerConditions.Catches(condition, number)
                                      ?? throw new UndecidableCall($"the handler declared at line {handler.Line}, which may or may not catch the error of the statement at line {errors[0].Line}: SchemaTasks does not know that error's number");
                        if (catches > best) (taken, best) = (handler, catches);
                    }
                }

                if (taken is null) continue;
                diagnostics.RemoveRange(before, diagnostics.Count - before); // The handler takes the error: the migration does not fail.
                if (taken.Exit) throw new ExitBlock(scope);
                return true;
            }

            throw new StopCall();
        }

        // DECLARE a, b type [DEFAULT value], or DECLARE CONTINUE|EXIT HANDLER FOR conditions with
        // an empty body (ignore those errors); other handlers, cursors and conditions are not followed.
        private void Declare(List<SqlToken> statement)
        {
            bool Is(int i, string word) => i < statement.Count && SqlTokenText.IsWord(sql, statement[i], word);
            if ((Is(1, "CONTINUE") || Is(1, "EXIT")) && Is(2, "HANDLER") && Is(3, "FOR"))
            {
                var at = 4;
                var conditions = MySqlHandlerConditions.Read(sql, statement, ref at, statement.Count);
                var exit = Is(1, "EXIT");
                if (conditions is not null && Is(at, "BEGIN") && Is(at + 1, "END") && statement.Count == at + 2
                    && !(exit && conditions.Any(c => c.Kind == HandlerConditionKind.NotAnError)))
                {
                    _handlers[^1].Add(new Handler(exit, conditions, statement[0].Line));
                    return;
                }
            }

            if (statement.Any(t => SqlTokenText.IsWord(sql, t, "HANDLER") || SqlTokenText.IsWord(sql, t, "CURSOR") || SqlTokenText.IsWord(sql, t, "CONDITION")))
            {
                throw new UndecidableCall($"the DECLARE at line {statement[0].Line}");
            }

            var names = new List<string>();
            var i = 1;
            for (; i < statement.Count; i++)
            {
                names.Add(SqlTokenText.Raw(sql, statement[i]));
                if (i + 1 >= statement.Count || !SqlTokenText.IsSymbol(sql, statement[i + 1], ',')) break;
                i++;
            }

            var @default = statement.FindIndex(t => SqlTokenText.IsWord(sql, t, "DEFAULT"));
            var value = @default < 0
                ? MySqlUserExpression.NullValue
                : MySqlUserExpression.Evaluate(sql, statement, @default + 1, statement.Count, Catalog, calls, out var unknown)
                  ?? throw new UndecidableCall($"the DECLARE at line {statement[0].Line} ({unknown})");
            foreach (var name in names) calls._locals![name] = value;
        }

        // Whether the query has a FROM of its own, outside parentheses.
        private bool ReadsFrom(List<SqlToken> query)
        {
            var depth = 0;
            foreach (var token in query)
            {
                if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, ')')) depth--;
                else if (depth == 0 && SqlTokenText.IsWord(sql, token, "FROM")) return true;
            }

            return false;
        }

        // SELECT COUNT(...) INTO v FROM information_schema... or SELECT COUNT(...) FROM ... INTO v
        // (MySQL takes INTO at either place): the count it finds; any other SELECT only shows a result.
        private void SelectInto(List<SqlToken> statement)
        {
            var into = statement.FindIndex(t => SqlTokenText.IsWord(sql, t, "INTO"));
            if (into < 0) return;
            var atEnd = into + 2 == statement.Count;
            var beforeFrom = into + 2 < statement.Count && SqlTokenText.IsWord(sql, statement[into + 2], "FROM");
            var target = into + 1 < statement.Count && statement[into + 1].Kind is SqlTokenKind.Word ? SqlTokenText.Raw(sql, statement[into + 1]) : null;
            if (!(atEnd || beforeFrom) || target is null || !calls._locals!.ContainsKey(target))
            {
                throw new UndecidableCall($"the SELECT ... INTO at line {statement[0].Line} (INTO one declared variable is followed, before FROM or at the end)");
            }

            var query = new List<SqlToken>(statement);
            query.RemoveRange(into, 2);
            if (!ReadsFrom(query))
            {
                // Without FROM the SELECT makes exactly one row: its value is the variable's.
                calls._locals[target] = MySqlUserExpression.Evaluate(sql, query, 1, query.Count, Catalog, calls, out var why)
                                        ?? throw new UndecidableCall($"the SELECT ... INTO at line {statement[0].Line} ({why})");
                return;
            }

            var rows = MySqlUserExpression.CountRows(sql, query, 1, query.Count, Catalog, calls, out var unknown);
            if (rows is null) throw new UndecidableCall($"the SELECT ... INTO at line {statement[0].Line} ({unknown})");
            calls._locals[target] = rows.Value;
        }
    }

    private sealed class FunctionReturn(object value) : Exception
    {
        public object Value { get; } = value;
    }

    private sealed class UndecidableCall(string reason) : Exception
    {
        public string Reason { get; } = reason;
    }

    private class StopCall : Exception;

    /// <summary>An EXIT handler took an error: the block of handler scope <paramref name="scope"/> ends (the body, for the outermost).</summary>
    private sealed class ExitBlock(int scope) : StopCall
    {
        public int Scope { get; } = scope;
    }

    /// <summary>A <c>DECLARE CONTINUE|EXIT HANDLER FOR conditions BEGIN END</c>.</summary>
    private sealed record Handler(bool Exit, List<HandlerCondition> Conditions, int Line);
}
