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
internal sealed partial class RoutineCalls : IMySqlExpressionScope
{
    private const string WayOut = "Write the DDL as plain statements, or declare what the statement does with a /* schematasks:equivalent <the DDL> */ comment right before it (an empty one when it changes nothing tracked)";

    private readonly SqlDialect _dialect;
    private readonly Dictionary<string, RoutineDefinition> _routines;

    // MySQL keeps stored functions apart from procedures: one of each may have the same name.
    private readonly Dictionary<string, RoutineDefinition> _mySqlFunctions = new(StringComparer.OrdinalIgnoreCase);

    // The lengths of the routines' names: a SELECT's words are looked up (which makes a string
    // of each) only when one could be a routine's name. pg_dump folders have thousands of
    // SELECT setval(...) statements.
    private readonly HashSet<int> _nameLengths = [];

    /// <summary>The argument lists each PostgreSQL function was created with, for DROP FUNCTION.</summary>
    public RoutineOverloads Overloads { get; } = new();

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

    // MySQL views the migrations created: information_schema lists them as tables, and the catalog does not keep them.
    private readonly HashSet<string> _views = new(StringComparer.OrdinalIgnoreCase);

    // ALGORITHM = x DEFINER = `user`@`host` SQL SECURITY INVOKER: the VIEW word comes within as many tokens.
    private const int ViewKindWithin = 16;

    /// <inheritdoc/>
    public object? Variable(string name) => _values.GetValueOrDefault(name);

    /// <inheritdoc/>
    public bool MayBeView(string name) => _views.Contains(name);

    /// <inheritdoc/>
    public string? WhyUnknown(string name) => _variables.TryGetValue(name, out var set) && set.Text is null && set.Value is null ? set.Origin : null;

    /// <summary>Remembers a procedure or function that a <c>CREATE</c> statement defines, and whether its body may change tracked objects; and a MySQL view's name.</summary>
    public void Define(string sql, List<SqlToken> tokens, CreatedKind created, string? file)
    {
        if (_dialect.IsMySqlFamily() && ViewName(sql, tokens, created) is { } view) _views.Add(view);

        Overloads.Define(sql, tokens, created, IdentifierRules.For(_dialect));
        if (RoutineDefinition.Read(sql, tokens, created, _dialect, file) is { } routine)
        {
            routine.OperatorMode = Session.OperatorMode;
            if (_dialect.IsMySqlFamily() && routine.Kind == "function") _mySqlFunctions[routine.Name] = routine;
            else _routines[routine.Name] = routine;
            _nameLengths.Add(routine.Name.Length);
            Recreated(routine);
            if (_dialect.IsMySqlFamily() && routine.Kind == "function") Session.StoredFunctions.Add(routine.Name);
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

        // The server refuses a call of a routine a DROP took before the statement does anything.
        if (_dialect == SqlDialect.Postgres && SqlTokenText.IsWord(sql, first, "SELECT")
            && DroppedCallee(sql, tokens, new SqlStatementRange(1, tokens.Count)) is { } gone
            && ReportDropped(_routines[gone.Name].Kind, gone.Name, gone.Drop, gone.At, context))
        {
            return catalog;
        }

        var runs = Runs(catalog, sql, tokens);
        if (runs is null) return catalog; // A SELECT of nothing the migrations defined, DEALLOCATE's like.
        if (runs is RoutineRun { Name: var called } && SqlTokenText.IsWord(sql, first, "CALL") && Dropped(called, "procedure") is { } drop
            && ReportDropped("procedure", called, drop, first, context))
        {
            return catalog;
        }

        if (Declared(catalog, sql, gapStart, first, context, diagnostics) is { } declared) return declared;
        if (context.QueryShaped.Count > 0 && runs is RoutineRun { Routine: { MayChangeTracked: true } callee })
        {
            context.QueryShaped.CheckNamed(callee.Body.Text, $"{Upper(sql, first)} of {callee.Kind} {context.Show(callee.Name)}", first, context);
        }

        switch (runs)
        {
            case RoutineRun { Routine: { CanRun: true } runnable }:
                var after = RunProcedure(catalog, runnable, sql, tokens, context, diagnostics, out var undecidable);
                if (after is not null) return after;
                context.Error(DiagnosticCodes.RoutineChangesTrackedObjects, $"This CALL runs procedure {context.Show(runnable.Name)}, created at {runnable.Where}, and SchemaTasks cannot tell what it does to tracked objects: it cannot follow {undecidable}. {WayOut}.", first);
                return catalog;
            case RoutineRun { Routine: { } routine }:
                if (routine.MayChangeTracked && RunFunction(catalog, routine, sql, tokens, context, diagnostics) is { } ran) return ran;
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

    // MariaDB's BEGIN NOT ATOMIC ... END runs at once, like a procedure created and called: its
    // body is run as a procedure's is (RunBody), under the session's sql_mode, without parameters.
    private Catalog Block(Catalog catalog, string sql, List<SqlToken> tokens, int gapStart, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var first = tokens[0];
        if (tokens.Count < 2 || !SqlTokenText.IsWord(sql, tokens[1], "NOT")) return catalog; // BEGIN [WORK]: a transaction.
        if (Declared(catalog, sql, gapStart, first, context, diagnostics) is { } declared) return declared;
        if (tokens.Count < 4 || !SqlTokenText.IsWord(sql, tokens[2], "ATOMIC")) return catalog; // Not a block the server reads: it refuses it.
        if (context.QueryShaped.Count > 0) context.QueryShaped.CheckNamed(sql.AsSpan(first.Start, tokens[^1].End - first.Start), "BEGIN NOT ATOMIC block", first, context);

        var inside = new List<SchemaDiagnostic>();
        var run = new ProcedureRun(this, sql, tokens, context.For(context.File, inside), inside) { Catalog = catalog };
        if (RunBody(run, new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase), Session.OperatorMode, 3, tokens.Count, out var undecidable))
        {
            diagnostics.AddRange(inside);
            return run.Catalog;
        }

        if (MayChangeTracked(sql, tokens))
        {
            context.Error(DiagnosticCodes.RoutineChangesTrackedObjects, $"This BEGIN NOT ATOMIC block may change tracked objects, and SchemaTasks cannot tell what it does: it cannot follow {undecidable}. {WayOut}.", first);
        }

        return catalog;
    }

    // Whether a compound statement holds DDL, or a string that may be a DDL statement built for PREPARE.
    private bool MayChangeTracked(string sql, List<SqlToken> tokens)
        => DdlText.LooksLikeDdl(sql[tokens[0].Start..tokens[^1].End], _dialect)
           || tokens.Any(t => t.Kind == SqlTokenKind.String && DdlText.MayBeDdlStatement(SqlTokenText.Unquote(sql, t), _dialect));

    // The schema after the DDL a /* schematasks:equivalent ... */ comment before the statement
    // declares, applied instead of it; null when there is no such comment.
    private Catalog? Declared(Catalog catalog, string sql, int gapStart, SqlToken first, ApplyContext context, List<SchemaDiagnostic> diagnostics)
    {
        var lex = new List<SqlLexDiagnostic>();
        if (EquivalentAnnotation.Read(sql, gapStart, first, _dialect, lex) is not { } declared) return null;
        ReportLex(lex, context.File, diagnostics);
        return ApplyStatements(catalog, declared, context, diagnostics);
    }

    /// <summary>
    /// The first routine called in <paramref name="range"/> (a name the migrations gave a
    /// routine, followed by a parenthesis) whose body may change tracked objects; null when none.
    /// </summary>
    public RoutineDefinition? TrackedCallee(string sql, IReadOnlyList<SqlToken> tokens, SqlStatementRange range)
    {
        if (_routines.Count == 0) return null;
        for (var i = range.Start; i + 1 < range.End; i++)
        {
            if (!SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') || !MayName(tokens[i])) continue;
            if (_routines.TryGetValue(Identifier(sql, tokens[i]), out var routine) && routine.MayChangeTracked) return routine;
        }

        return null;
    }

    /// <summary>The routines created so far (as last created) whose text after their name names <paramref name="name"/>, which they may call.</summary>
    public IEnumerable<string> RoutinesNaming(string name)
    {
        foreach (var routine in _routines.Values)
        {
            if (routine.TextNames(name)) yield return routine.Name;
        }
    }

    /// <summary>Whether <paramref name="token"/> names a routine whose body may change tracked objects: a cheap test for text that is otherwise passed over.</summary>
    public bool NamesTrackedRoutine(string sql, SqlToken token)
        => _routines.Count > 0 && MayName(token) && _routines.TryGetValue(Identifier(sql, token), out var routine) && routine.MayChangeTracked;

    // Whether a token could be a routine's name, before making a string of it.
    private bool MayName(SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Word => _nameLengths.Contains(token.Length),
        SqlTokenKind.QuotedIdentifier => true,
        _ => false,
    };

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
            return TrackedCallee(sql, tokens, new SqlStatementRange(1, tokens.Count)) is { } routine ? new RoutineRun(routine.Name, routine) : null;
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

    private string Identifier(string sql, SqlToken token) => CreatedObjectName.Identifier(sql, token, _dialect);

    // CREATE [OR REPLACE] [ALGORITHM = ...] [DEFINER = ...] [SQL SECURITY ...] VIEW name: the name.
    private string? ViewName(string sql, List<SqlToken> tokens, CreatedKind created)
    {
        var kind = created.Within(ViewKindWithin);
        if (kind < 0 || !SqlTokenText.IsWord(sql, tokens[kind], "VIEW")) return null;
        var name = CreatedObjectName.NameAt(sql, tokens, kind);
        return name < 0 ? null : Identifier(sql, tokens[name]);
    }

    // The last part of a possibly qualified name starting at tokens[index].
    private string? NameAt(string sql, List<SqlToken> tokens, int index)
        => CreatedObjectName.LastPart(sql, tokens, index) is var last and >= 0 ? Identifier(sql, tokens[last]) : null;

    private static string Upper(string sql, SqlToken token) => SqlTokenText.Raw(sql, token).ToUpperInvariant();

    private static void ReportLex(List<SqlLexDiagnostic> lex, string? file, List<SchemaDiagnostic> diagnostics)
    {
        foreach (var d in lex) diagnostics.Add(SchemaDiagnostic.Error(d.Code, d.Message, file, d.Line, d.Column));
    }

    private sealed record RoutineRun(string Name, RoutineDefinition? Routine);
}
