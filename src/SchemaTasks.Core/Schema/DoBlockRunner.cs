using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Runs a PostgreSQL <c>DO</c> block against the catalog, as the server runs it when the
/// migration runs: straight-line DDL applies; an exception block whose DDL fails with an error
/// its handler catches leaves the catalog as it was before the block (the block is atomic);
/// <c>IF</c> conditions that ask the system catalogs are decided on the catalog at that point;
/// <c>EXECUTE</c> of a constant string runs that string. Whatever could change a tracked object
/// in a way the text does not decide is an error (ST2020) naming the way out. Function bodies
/// are run only for a top-level call that binds everything they read (<see cref="RunFunction"/>).
/// </summary>
internal sealed partial class DoBlockRunner
{
    private const string RefusedBeforeRunning = "PL/pgSQL parses every statement of a DO block before it runs any, so the whole block fails, even where the statement sits on a branch never taken, and no exception handler of the block catches it";

    private const string WayOut = "Write the DDL as plain statements, or declare what the block does with a /* schematasks:equivalent <the DDL> */ comment right before the DO (see docs/plpgsql.md)";

    private readonly IdentifierRules _rules;
    private readonly string? _file;
    private readonly ApplyContext _context;
    private readonly RoutineCalls _routines;
    private readonly List<SqlLexDiagnostic> _lexDiagnostics = [];
    private Catalog _catalog;
    private List<SchemaDiagnostic> _diagnostics = [];

    // Filled by Touches with the statements it passes over that change only relation names
    // (RelationStatements), and set when it passes over DDL built from values not known: a step
    // that is not run then leaves those names unknown instead of wrong (SkippedNameChanges).
    private readonly List<SqlStatement> _nameChanges = [];
    private bool _unreadNameChanges;

    // Set by an IF SchemaTasks cannot decide whose branches change nothing tracked but may RETURN:
    // the statements after it may not run, so the first of them that changes a tracked object
    // cannot be decided (supabase storage's IF is_multitenant THEN RETURN; END IF; CREATE TABLE ...).
    private UndecidableStep? _mayHaveReturned;

    // The DECLARE sections of the blocks the runner is in, innermost last, and the values of the
    // variables of the loops it unrolls (PlpgsqlLoopValues); iterations count against one cap per DO block.
    private readonly List<IReadOnlyList<PlpgsqlDeclaration>> _scopes = [];
    private readonly Dictionary<string, string> _bound = new(StringComparer.Ordinal);
    private int _iterations;

    // The boolean variables an IF may read; only the DO body's own statements set them, not SQL it EXECUTEs.
    private readonly PlpgsqlBooleanVariables _variables = new();
    private EmbeddedSql? _body;

    // What the messages call the code being run, and the way out they name: a DO block's by
    // default, a function's when a call runs its body (RunFunction).
    private string _subject = "this DO block";
    private string _wayOut = WayOut;

    private DoBlockRunner(Catalog catalog, ApplyContext context, RoutineCalls routines, string? file)
    {
        _catalog = catalog;
        _rules = context.Rules;
        _context = context;
        _routines = routines;
        _file = file;
    }

    /// <summary>Runs the <c>DO</c> statement <paramref name="tokens"/> of <paramref name="sql"/>.</summary>
    /// <param name="catalog">The schema before the block.</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens, <c>DO</c> first.</param>
    /// <param name="gapStart">Where the text after the previous statement starts, to find an annotation comment.</param>
    /// <param name="context">The statement's context: PostgreSQL's naming rules and the tool's own tables.</param>
    /// <param name="routines">The functions and procedures the migrations created so far: a block that calls one whose body may change tracked objects cannot be decided.</param>
    /// <param name="file">The file named in diagnostics.</param>
    /// <param name="diagnostics">Receives the block's findings.</param>
    /// <returns>The schema after the block; the schema before it when the block fails or cannot be decided.</returns>
    public static Catalog Run(Catalog catalog, string sql, List<SqlToken> tokens, int gapStart, ApplyContext context, RoutineCalls routines, string? file, List<SchemaDiagnostic> diagnostics)
    {
        var runner = new DoBlockRunner(catalog, context, routines, file);
        var result = runner.Run(sql, tokens, gapStart);
        foreach (var lex in runner._lexDiagnostics) diagnostics.Add(SchemaDiagnostic.Error(lex.Code, lex.Message, file, lex.Line, lex.Column));
        diagnostics.AddRange(runner._diagnostics);
        return result ?? catalog;
    }

    /// <summary>Runs the block, or the DDL its annotation declares; <see langword="null"/> when the catalog stays as it was.</summary>
    private Catalog? Run(string sql, List<SqlToken> tokens, int gapStart)
    {
        var doToken = tokens[0];
        if (EquivalentAnnotation.Read(sql, gapStart, doToken, SqlDialect.Postgres, _lexDiagnostics) is { } declared)
        {
            return Guarded(declared, PlpgsqlParser.ParseStatementList(declared));
        }

        SqlToken? body = null;
        var language = "plpgsql";
        for (var i = 1; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "LANGUAGE") && i + 1 < tokens.Count)
            {
                var name = tokens[++i];
                language = name.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(sql, name).ToLowerInvariant() : SqlTokenText.Unquote(sql, name);
            }
            else if (tokens[i].Kind == SqlTokenKind.String && body is null)
            {
                body = tokens[i];
            }
        }

        if (body is not { } literal)
        {
            return null; // Not a DO block the server accepts; it fails at once and changes nothing.
        }

        if (language != "plpgsql")
        {
            var text = SqlTokenText.Unquote(sql, literal);
            if (!DdlText.LooksLikeDdl(text, SqlDialect.Postgres)) return null;
            Report(DiagnosticCodes.UnreadableDoBlock, $"Cannot read this DO block: it is written in {language}, which SchemaTasks does not run, and it seems to hold DDL. {WayOut}.", doToken);
            return null;
        }

        var (mayMatter, holdsData) = (true, true);
        if (literal.Style == SqlQuoteStyle.Dollar) (mayMatter, holdsData) = (MayMatter(SqlTokenText.Unquote(sql, literal), out var data), data);
        holdsData |= mayMatter; // MayMatter stops at the first word that matters, before it has seen every statement.
        if (!mayMatter && !holdsData)
        {
            return null; // Neither DDL, EXECUTE, RAISE EXCEPTION, a call of a routine holding DDL nor a data statement: nothing to run or check, without storing a token.
        }

        var embedded = EmbeddedSql.FromLiteral(sql, literal, _lexDiagnostics);
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(embedded);
        }
        catch (SqlParseException error)
        {
            if (!DdlText.LooksLikeDdl(embedded.Text, SqlDialect.Postgres)) return null; // The server rejects it too, and it touches nothing tracked either way.
            var at = error.At.Line == 0 ? literal : error.At;
            Report(DiagnosticCodes.UnreadableDoBlock, $"Cannot read this DO block: {error.Message}. It holds DDL, so SchemaTasks does not guess what it does; correct the PL/pgSQL. {WayOut}.", at);
            return null;
        }

        if (holdsData && PlpgsqlDataSyntax.Find(embedded, block) is { } syntax)
        {
            Report(DiagnosticCodes.SyntaxError, syntax.Message(embedded.Text, "DO block", RefusedBeforeRunning), syntax.At);
            return null; // The block fails before it runs: nothing of it applies.
        }

        if (!mayMatter) return null; // A data fix whose statements all parse.
        _body = embedded;
        return Guarded(embedded, [block]);
    }

    /// <summary>Runs statements; any failure or undecidable step leaves the catalog as it was before the DO block.</summary>
    private Catalog? Guarded(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> statements)
    {
        var before = _catalog;
        var temporaryBefore = _context.TemporaryTables.ToList();
        try
        {
            Statements(sql, statements);
            return _catalog;
        }
        catch (ReturnSignal)
        {
            return _catalog;
        }
        catch (BlockFailure failure)
        {
            _diagnostics = failure.Diagnostics;
            RestoreTemporaryTables(temporaryBefore);
            return before;
        }
        catch (UndecidableStep step)
        {
            _diagnostics = [];
            RestoreTemporaryTables(temporaryBefore);
            Report(step.Code, $"Cannot tell what {_subject} does to tracked objects: {step.Reason}. {_wayOut}.", step.At);
            NoteTypesCreated(sql, statements, $"{_file}({step.At.Line},{step.At.Column})");
            return before;
        }
    }

    // The types the undecided block may create: a later use of one is a consequence of this block (TypeExistence).
    private void NoteTypesCreated(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> statements, string where)
    {
        foreach (var statement in PlpgsqlStatementTree.All(statements))
        {
            switch (statement)
            {
                case PlpgsqlExecute execute when PlpgsqlConstantText.Evaluate(sql.Text, sql.Tokens, execute.Expression).Value is { } value:
                    var executed = value.Lex([]);
                    NoteTypesCreated(executed, PlpgsqlParser.ParseStatementList(executed), where);
                    break;
                case PlpgsqlSql plain when plain.Range.End > plain.Range.Start && DdlText.StartsDdl(sql.Text, sql.Tokens[plain.Range.Start], SqlDialect.Postgres):
                    QualifiedName? name = ParsedOrNull(sql, plain.Range) switch
                    {
                        CreateEnumTypeStatement type => type.Name,
                        CreateOtherTypeStatement type => type.Name,
                        CreateDomainStatement domain => domain.Name,
                        _ => (QualifiedName?)null,
                    };
                    if (name is { } created) _context.UndecidedTypes.Add(created, where);
                    break;
            }
        }
    }

    private SqlStatement? ParsedOrNull(EmbeddedSql sql, SqlStatementRange range)
    {
        try
        {
            return DdlParser.Parse(sql.Text, sql.Tokens, range, _rules);
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    private void Report(string code, string message, SqlToken at)
        => _diagnostics.Add(SchemaDiagnostic.Error(code, message, _file, at.Line, at.Column));

    private void Statements(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> statements)
    {
        foreach (var statement in statements) Statement(sql, statement);
    }

    private void Statement(EmbeddedSql sql, PlpgsqlStatement statement)
    {
        try
        {
            Run(sql, statement);
        }
        catch (ExistenceCondition.NameRefused refused)
        {
            var error = SchemaDiagnostic.Error(
                DiagnosticCodes.DoBlockNameRefused,
                $"{char.ToUpperInvariant(_subject[0])}{_subject[1..]} fails here: {refused.Message}, so the migration fails when it runs. Write the name as the server reads it: dotted parts, each plain or double-quoted, without comments.",
                _file,
                refused.At.Line,
                refused.At.Column);
            throw new BlockFailure(refused.SqlState, [error]);
        }
    }

    private void Run(EmbeddedSql sql, PlpgsqlStatement statement)
    {
        switch (statement)
        {
            case PlpgsqlBlock block:
                Block(sql, block);
                break;
            case PlpgsqlIf conditional:
                If(sql, conditional);
                break;
            case PlpgsqlSql plain:
                Sql(sql, plain.Range);
                break;
            case PlpgsqlQuiet quiet:
                RefuseTrackedCall(sql, quiet.Range);
                Assign(sql, quiet.Range);
                FollowFound(sql, quiet.Range);
                break;
            case PlpgsqlExecute execute:
                RefuseTrackedCall(sql, execute.Expression);
                ForgetVariables(sql, WithInto(sql, execute), "is set by an EXECUTE");
                Execute(sql, execute);
                break;
            case PlpgsqlDataDependent dependent when Unrolled(sql, dependent, out var why) is { } values:
                RunEach(sql, dependent, values);
                break;
            case PlpgsqlDataDependent dependent when Touches(sql, dependent.Body):
                var reason = LoopReason(sql, dependent);
                throw new UndecidableStep(dependent.At, reason is null
                    ? $"this {dependent.What} changes the schema a number of times, or in a way, that depends on the data when the migration runs"
                    : $"this {dependent.What} changes the schema, and SchemaTasks runs a loop once per value only when the values are constants written in the block: {reason}");
            case PlpgsqlDataDependent skipped:
                ForgetNamesTouched();
                ForgetVariablesIn(sql, skipped, $"is set inside a {skipped.What} that SchemaTasks does not run");
                break;
            case PlpgsqlRaiseException raise:
            {
                var error = SchemaDiagnostic.Error(
                    DiagnosticCodes.DoBlockRaises,
                    $"{char.ToUpperInvariant(_subject[0])}{_subject[1..]} reaches RAISE EXCEPTION on the schema the migrations build up to here, so the migration fails when it runs. Correct the condition that leads here, or the migrations before it.",
                    _file,
                    raise.At.Line,
                    raise.At.Column);
                throw new BlockFailure(PlpgsqlErrorConditions.RaiseException, [error]);
            }

            case PlpgsqlReturn:
                throw new ReturnSignal();
        }
    }

    private void Block(EmbeddedSql sql, PlpgsqlBlock block)
    {
        _scopes.Add(block.Declarations);
        if (ReferenceEquals(sql, _body)) _variables.Enter(sql.Text, sql.Tokens, block.Declarations);
        try
        {
            BlockBody(sql, block);
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void BlockBody(EmbeddedSql sql, PlpgsqlBlock block)
    {
        if (block.Handlers.Count == 0)
        {
            Statements(sql, block.Body);
            return;
        }

        // An exception block is atomic: a failure rolls back everything the block did, temporary tables too.
        var catalogBefore = _catalog;
        var temporaryBefore = _context.TemporaryTables.ToList();
        var outer = _diagnostics;
        _diagnostics = [];
        try
        {
            Statements(sql, block.Body);
            outer.AddRange(_diagnostics);
            _diagnostics = outer;
        }
        catch (BlockFailure failure)
        {
            _diagnostics = outer;
            _catalog = catalogBefore;
            RestoreTemporaryTables(temporaryBefore);
            if (failure.SqlState is not { } state) throw; // The engine's own limit: nobody may swallow it.
            foreach (var handler in block.Handlers)
            {
                switch (PlpgsqlErrorConditions.Catches(handler.Conditions, state))
                {
                    case true:
                        Statements(sql, handler.Body);
                        return;
                    case null:
                        throw new UndecidableStep(handler.At, $"the handler WHEN {string.Join(" OR ", handler.Conditions)} names a condition SchemaTasks does not know, so it cannot tell whether it catches the error SQLSTATE {state} raised inside the block");
                }
            }

            throw;
        }
        catch (Exception signal) when (signal is ReturnSignal or UndecidableStep)
        {
            outer.AddRange(_diagnostics);
            _diagnostics = outer;
            throw;
        }
    }

    // The temporary tables the migration's session has (shared with the statements around the block) as they were.
    private void RestoreTemporaryTables(List<string> before)
    {
        _context.TemporaryTables.Clear();
        _context.TemporaryTables.UnionWith(before);
    }

    private void If(EmbeddedSql sql, PlpgsqlIf conditional)
    {
        foreach (var branch in conditional.Branches)
        {
            if (branch.Condition is not { } condition)
            {
                Statements(sql, branch.Body);
                return;
            }

            RefuseTrackedCall(sql, condition);

            // A condition on an unrolled loop's variable is not one ExistenceCondition reads: it would take the name for a column.
            bool? value = null;
            string? unknown = "the loop variable it tests";
            var answerUnknown = false;
            if (!MentionsBound(sql, condition)) value = ExistenceCondition.Evaluate(sql.Text, sql.Tokens, condition, _catalog, out unknown, out answerUnknown, Variable);
            switch (value)
            {
                case true:
                    Statements(sql, branch.Body);
                    return;
                case false:
                    continue;
                default:
                    if (PlpgsqlSameBranches.AllAlikeFrom(sql, conditional, branch))
                    {
                        Statements(sql, branch.Body); // Whichever branch runs, it does the same.
                        return;
                    }

                    ClearNameChanges();

                    if (conditional.Branches.Any(b => Touches(sql, b.Body)))
                    {
                        var at = sql.Tokens[condition.Start];
                        throw new UndecidableStep(at, answerUnknown
                            ? $"the IF condition '{Excerpt(sql, condition)}' cannot be decided from the migrations: the answer to {unknown} is not known at this point, because an earlier statement changes relation names in a way SchemaTasks cannot follow (a DO block step that may or may not run, SQL built at run time, a name the server makes up, DROP ... CASCADE), or it may be a built-in object"
                            : $"the IF condition '{Excerpt(sql, condition)}' cannot be decided from the migrations: SchemaTasks does not decide {unknown} (it decides existence tests, counts of rows compared with 0, and FOUND after PERFORM or SELECT ... INTO, on pg_type, pg_enum, pg_namespace, pg_constraint, pg_class, pg_tables, pg_indexes, pg_extension and information_schema's tables, views, columns, schemata, table_constraints and constraint_column_usage)");
                    }

                    ForgetNamesTouched();
                    foreach (var skipped in conditional.Branches) ForgetVariablesIn(sql, skipped.Body, "is set in an IF branch that SchemaTasks cannot tell runs");
                    if (_mayHaveReturned is null && conditional.Branches.Any(b => PlpgsqlStatementTree.All(b.Body).Any(s => s is PlpgsqlReturn)))
                    {
                        _mayHaveReturned = new UndecidableStep(sql.Tokens[condition.Start], answerUnknown
                            ? $"the IF condition '{Excerpt(sql, condition)}' cannot be decided from the migrations (the answer to {unknown} is not known at this point), and a branch of it ends the block with RETURN, so SchemaTasks cannot tell whether the statements after it run"
                            : $"the IF condition '{Excerpt(sql, condition)}' cannot be decided from the migrations (SchemaTasks does not decide {unknown}), and a branch of it ends the block with RETURN, so SchemaTasks cannot tell whether the statements after it run");
                    }

                    return; // Whichever branch runs, nothing tracked changes in it.
            }
        }
    }

    private void Sql(EmbeddedSql sql, SqlStatementRange range)
    {
        if (range.End <= range.Start) return;
        if (!DdlText.StartsDdl(sql.Text, sql.Tokens[range.Start], SqlDialect.Postgres))
        {
            RefuseTrackedCall(sql, range); // SELECT f(), INSERT ... VALUES (f()), ...
            Assign(sql, range);
            FollowFound(sql, range);
            return;
        }

        var local = new List<SchemaDiagnostic>();
        var context = _context.For(_file, local);
        var after = TrackedStatement.Apply(_catalog, sql.Text, sql.Tokens, range, context, local, _file);
        var error = local.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            throw new BlockFailure(PlpgsqlErrorConditions.SqlStateOf(error.Code), local);
        }

        if (_mayHaveReturned is { } undecided && !ReferenceEquals(after, _catalog) && ParsedOrNull(sql, range) is not AlterTableStatement { Actions.Count: 0 }) throw undecided;
        _diagnostics.AddRange(local);
        _catalog = after;
    }

    private void Execute(EmbeddedSql sql, PlpgsqlExecute execute)
    {
        var text = PlpgsqlConstantText.Evaluate(sql.Text, sql.Tokens, execute.Expression, _bound);
        if (text.Value is not { } value)
        {
            if (OwnerOnly(sql, execute) is { } owned)
            {
                Statements(owned, PlpgsqlParser.ParseStatementList(owned));
                return;
            }

            if (DdlText.StartsTrackedStatement(text.Prefix, SqlDialect.Postgres))
            {
                throw new UndecidableStep(execute.At, $"EXECUTE runs SQL built from values known only when the migration runs ('{Excerpt(sql, execute.Expression)}')");
            }

            ClearNameChanges();
            _unreadNameChanges = StartsAnyDdl(text.Prefix);
            ForgetNamesTouched();
            return;
        }

        var executed = value.Lex(_lexDiagnostics);
        Statements(executed, PlpgsqlParser.ParseStatementList(executed));
    }

    // The values of a loop that can be unrolled within the block's cap; null for any other loop.
    private IReadOnlyList<string>? Unrolled(EmbeddedSql sql, PlpgsqlDataDependent loop, out string? reason)
    {
        var values = PlpgsqlLoopValues.Read(sql.Text, sql.Tokens, loop, Declared, out reason);
        if (values is null) return null;
        if (_iterations + values.Count > PlpgsqlLoopValues.MaxIterations)
        {
            reason = $"with the loops before it, the block runs more than the {PlpgsqlLoopValues.MaxIterations} iterations SchemaTasks unrolls";
            return null;
        }

        _iterations += values.Count;
        return values;
    }

    private string? LoopReason(EmbeddedSql sql, PlpgsqlDataDependent loop)
    {
        Unrolled(sql, loop, out var reason);
        return reason;
    }

    // The body once per value, with the loop variable bound to it; the variable is the loop's own only inside the loop.
    private void RunEach(EmbeddedSql sql, PlpgsqlDataDependent loop, IReadOnlyList<string> values)
    {
        var variable = loop.Head!.Variable;
        var outer = _bound.TryGetValue(variable, out var shadowed);
        try
        {
            foreach (var value in values)
            {
                _bound[variable] = value;
                Statements(sql, loop.Body);
            }
        }
        finally
        {
            if (outer) _bound[variable] = shadowed!;
            else _bound.Remove(variable);
            if (Declared(variable) is { } declared) _variables.Set(declared, null, "is the variable of a loop run before");
        }

        // A loop that ran sets FOUND when it ends (true: it ran at least once), whatever its body set.
        if (ReferenceEquals(sql, _body)) _found = new PlpgsqlVariableValue("FOUND", values.Count > 0, null);
    }

    private PlpgsqlDeclaration? Declared(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].LastOrDefault(d => d.Name == name) is { } declaration) return declaration;
        }

        return null;
    }

    private bool MentionsBound(EmbeddedSql sql, SqlStatementRange range)
    {
        if (_bound.Count == 0) return false;
        for (var i = range.Start; i < range.End; i++)
        {
            var token = sql.Tokens[i];
            if (token.Kind == SqlTokenKind.Word && _bound.ContainsKey(SqlTokenText.Raw(sql.Text, token).ToLowerInvariant())) return true;
            if (token.Kind == SqlTokenKind.QuotedIdentifier && _bound.ContainsKey(SqlTokenText.Unquote(sql.Text, token))) return true;
        }

        return false;
    }

    /// <summary>Whether any statement could change a tracked object, in any branch, loop or handler.</summary>
    private bool Touches(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> statements) => statements.Any(statement => statement switch
    {
        PlpgsqlBlock block => Touches(sql, block.Body) || block.Handlers.Any(h => Touches(sql, h.Body)),
        PlpgsqlIf conditional => conditional.Branches.Any(b => Touches(sql, b.Body)),
        PlpgsqlDataDependent dependent => Touches(sql, dependent.Body),
        PlpgsqlSql plain => plain.Range.End > plain.Range.Start && (IsTracked(sql, plain.Range) || _routines.TrackedCallee(sql.Text, sql.Tokens, plain.Range) is not null),
        PlpgsqlQuiet quiet => _routines.TrackedCallee(sql.Text, sql.Tokens, quiet.Range) is not null,
        PlpgsqlExecute execute => ExecuteTouches(sql, execute),
        _ => false,
    });

    private bool ExecuteTouches(EmbeddedSql sql, PlpgsqlExecute execute)
    {
        var text = PlpgsqlConstantText.Evaluate(sql.Text, sql.Tokens, execute.Expression, _bound);
        if (text.Value is not { } value)
        {
            if (OwnerOnly(sql, execute) is { } owned)
            {
                return PlpgsqlParser.ParseStatementList(owned).OfType<PlpgsqlSql>().Any(s => s.Range.End > s.Range.Start && IsTracked(owned, s.Range));
            }

            _unreadNameChanges |= StartsAnyDdl(text.Prefix);
            return DdlText.StartsTrackedStatement(text.Prefix, SqlDialect.Postgres);
        }

        var executed = value.Lex([]);
        return PlpgsqlParser.ParseStatementList(executed).OfType<PlpgsqlSql>().Any(s => s.Range.End > s.Range.Start && IsTracked(executed, s.Range));
    }

    // Function bodies are not run from inside a block (RoutineCalls runs only top-level calls): a call of one that may change
    // tracked objects leaves the block's outcome unknown.
    private void RefuseTrackedCall(EmbeddedSql sql, SqlStatementRange range)
    {
        if (_routines.TrackedCallee(sql.Text, sql.Tokens, range) is not { } routine) return;
        throw new UndecidableStep(
            sql.Tokens[range.Start],
            $"'{Excerpt(sql, range)}' calls {routine.Kind} {_context.Show(routine.Name)}, created at {routine.Where}, whose body may change tracked objects, and SchemaTasks does not run routine bodies",
            DiagnosticCodes.RoutineChangesTrackedObjects);
    }

    private bool IsTracked(EmbeddedSql sql, SqlStatementRange range)
    {
        if (!DdlText.StartsDdl(sql.Text, sql.Tokens[range.Start], SqlDialect.Postgres)) return false;
        try
        {
            return DdlParser.Parse(sql.Text, sql.Tokens, range, _rules) switch
            {
                null => false,
                // Only the engine's own record of unique indexes, never the schema; a rename
                // counts when it renames a constraint (PostgresIndexes).
                RenameIndexStatement rename when PostgresIndexes.RenamesConstraint(_catalog, rename) => true,
                RenameSequenceStatement rename when SequenceDefaults.Users(_catalog, rename.Name, _rules).Count > 0 => true,
                // A policy changes no tracked object; a step that may not run leaves it unknown.
                DropRoutinesStatement drop when drop.Routines.Any(r => RoutineDependents.IsCalled(_catalog, r.Name, _rules)) => true,
                RenameRoutineStatement rename => RoutineDependents.IsCalled(_catalog, rename.Name, _rules),
                CreatePolicyStatement or AlterPolicyStatement or RenamePolicyStatement or DropPolicyStatement or DropRoutinesStatement or AlterAggregateStatement => false,
                // Nor does a trigger: the block's text leaves the names it may touch undecided (UnseenTriggers).
                CreateTriggerStatement or DropTriggerStatement or RenameTriggerStatement => false,
                DropSequenceStatement drop when drop.Names.Any(n => SequenceDefaults.Users(_catalog, n, _rules).Count > 0) => true,
                DropIndexStatement { Cascade: true } => true, // Takes along the foreign keys that need the index.
                var statement when RelationStatements.ChangesNamesOnly(statement) => NamesTouched(statement),
                _ => true,
            };
        }
        catch (SqlParseException)
        {
            return true;
        }
    }

    private bool NamesTouched(SqlStatement statement)
    {
        _nameChanges.Add(statement);
        return false;
    }

    // Built SQL that may create, rename or drop a view, index or sequence, whose name is then unknown;
    // not when its constant start makes it a statement about a role, a database or default privileges
    // (ALTER DEFAULT PRIVILEGES), which names no relation.
    private static bool StartsAnyDdl(string prefix)
    {
        var (tokens, _) = SqlLexer.Lex(prefix, SqlDialect.Postgres);
        if (tokens.Count == 0) return true;
        if (!DdlText.StartsDdl(prefix, tokens[0], SqlDialect.Postgres)) return false;
        return tokens.Count < 2 || !(SqlTokenText.IsWord(prefix, tokens[1], "ROLE") || SqlTokenText.IsWord(prefix, tokens[1], "USER")
            || SqlTokenText.IsWord(prefix, tokens[1], "GROUP") || SqlTokenText.IsWord(prefix, tokens[1], "DATABASE")
            || (SqlTokenText.IsWord(prefix, tokens[1], "DEFAULT") && tokens.Count > 2 && SqlTokenText.IsWord(prefix, tokens[2], "PRIVILEGES")));
    }

    // The statement of an EXECUTE whose only value known at run time is the new owner of ALTER ... OWNER TO:
    // the catalog does not track owners, so the statement does the same to it whoever that is.
    private EmbeddedSql? OwnerOnly(EmbeddedSql sql, PlpgsqlExecute execute)
        => DynamicStatementShape.Read(sql.Text, sql.Tokens, execute.Expression, _bound) is { OwnerOnly: true } shape ? shape.Sql : null;

    private void ForgetNamesTouched()
    {
        if (_nameChanges.Count > 0 || _unreadNameChanges) _catalog = SkippedNameChanges.Forget(_catalog, _nameChanges, _unreadNameChanges);
        ClearNameChanges();
    }

    private void ClearNameChanges()
    {
        _nameChanges.Clear();
        _unreadNameChanges = false;
    }

    /// <summary>
    /// Whether a body has a word that can change the schema or fail the block: CREATE, ALTER,
    /// DROP, EXECUTE, or RAISE at a level other than a notice. A streaming pass; a body with
    /// none of them (or with a lexing problem, reported when the body is read in full) is
    /// read no further.
    /// </summary>
    // Whether the body may change a tracked object or fail (DDL, EXECUTE, RAISE EXCEPTION, a call
    // of a routine holding DDL, text that does not lex), and whether it holds an INSERT, UPDATE,
    // DELETE, SELECT or MERGE, whose syntax the server checks before the block runs (a WITH leads
    // to one of them). The words are read, not the
    // statements: a word that only looks like one is a cost, never a finding.
    private bool MayMatter(string body, out bool holdsData)
    {
        var problems = new List<SqlLexDiagnostic>(0);
        var lexer = new SqlLexer(body, SqlDialect.Postgres, 1, problems);
        var raise = false;
        holdsData = false;
        while (lexer.Next(out var token))
        {
            if (raise && (token.Kind != SqlTokenKind.Word || !IsNoticeLevel(body, token))) return true; // RAISE 'text', RAISE; and RAISE USING raise exceptions.
            if (token.Kind != SqlTokenKind.Word) continue;
            raise = SqlTokenText.IsWord(body, token, "RAISE");
            if (DdlText.StartsDdl(body, token, SqlDialect.Postgres) || SqlTokenText.IsWord(body, token, "EXECUTE")) return true;
            if (_routines.NamesTrackedRoutine(body, token)) return true;
            holdsData |= DataStatementHead.Starts(body, token) || SqlTokenText.IsWord(body, token, "SELECT") || SqlTokenText.IsWord(body, token, "MERGE");
        }

        return raise || problems.Count > 0;
    }

    private static bool IsNoticeLevel(string text, SqlToken token)
        => SqlTokenText.IsWord(text, token, "NOTICE") || SqlTokenText.IsWord(text, token, "WARNING") || SqlTokenText.IsWord(text, token, "INFO")
           || SqlTokenText.IsWord(text, token, "LOG") || SqlTokenText.IsWord(text, token, "DEBUG");

    private static string Excerpt(EmbeddedSql sql, SqlStatementRange range)
    {
        var first = sql.Tokens[range.Start];
        var last = sql.Tokens[Math.Max(range.Start, range.End - 1)];
        var text = string.Join(' ', sql.Text[first.Start..last.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>A statement failed; the error unwinds to the nearest exception block that catches it.</summary>
    private sealed class BlockFailure(string? sqlState, List<SchemaDiagnostic> diagnostics) : Exception
    {
        public string? SqlState { get; } = sqlState;

        public List<SchemaDiagnostic> Diagnostics { get; } = diagnostics;
    }

    private sealed class UndecidableStep(SqlToken at, string reason, string code = DiagnosticCodes.UndecidableDoBlock) : Exception
    {
        public SqlToken At { get; } = at;

        public string Reason { get; } = reason;

        public string Code { get; } = code;
    }

    private sealed class ReturnSignal : Exception;
}
