using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Builds the schema from migrations: each migration's SQL is lexed and read statement by
/// statement, and every statement that shapes a tracked object is parsed and applied to the
/// catalog; the others are passed over without keeping their tokens. Pure:
/// text in, catalogs and diagnostics out. Never throws for any SQL text.
/// </summary>
public static class SchemaEngine
{
    /// <summary>Applies every migration of <paramref name="set"/> in order, keeping the schema after each.</summary>
    /// <param name="set">The migrations.</param>
    /// <param name="dialect">The dialect they are written in.</param>
    /// <remarks>When only the last schema matters, <see cref="BuildFinal(MigrationSet, SqlDialect)"/> gives it for less.</remarks>
    public static SchemaBuildResult Build(MigrationSet set, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(set);
        var initial = Catalog.Empty(dialect);
        var steps = new List<Catalog>(set.Migrations.Count);
        var diagnostics = new List<SchemaDiagnostic>();
        ApplyAll(set, initial, diagnostics, steps, ReadAhead.WhenItPays);
        return new SchemaBuildResult(initial, steps, diagnostics);
    }

    /// <summary>
    /// Applies every migration of <paramref name="set"/> in order and keeps only the schema after
    /// the last, with the same findings as <see cref="Build"/>: what a snapshot or the build's
    /// check needs. The schemas after earlier migrations, which <see cref="Build"/> keeps for
    /// verification and repair, are left to the garbage collector as soon as the next one exists.
    /// </summary>
    /// <param name="set">The migrations.</param>
    /// <param name="dialect">The dialect they are written in.</param>
    /// <returns>The schema after the last migration (an empty one when there are none), and the findings.</returns>
    public static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) BuildFinal(MigrationSet set, SqlDialect dialect)
        => BuildFinal(set, dialect, ReadAhead.WhenItPays);

    /// <summary>As <see cref="BuildFinal(MigrationSet, SqlDialect)"/>, with the migrations read ahead on a second thread as <paramref name="readAhead"/> says.</summary>
    internal static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) BuildFinal(MigrationSet set, SqlDialect dialect, ReadAhead readAhead)
    {
        ArgumentNullException.ThrowIfNull(set);
        var diagnostics = new List<SchemaDiagnostic>();
        var final = ApplyAll(set, Catalog.Empty(dialect), diagnostics, steps: null, readAhead);
        return (final, diagnostics);
    }

    /// <summary>Applies one migration's SQL to <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The schema before the SQL runs.</param>
    /// <param name="sql">The SQL text.</param>
    /// <param name="file">The file named in diagnostics, relative to the migrations folder.</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on.</param>
    /// <returns>The schema after the SQL, and the findings.</returns>
    public static (Catalog Catalog, IReadOnlyList<SchemaDiagnostic> Diagnostics) Apply(Catalog catalog, string sql, string? file = null, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(sql);
        var diagnostics = new List<SchemaDiagnostic>();
        var result = Apply(catalog, sql, file, firstLine, diagnostics, new List<SqlToken>(64), toolTables: [], new RoutineCalls(catalog.Dialect), []);
        return (result, diagnostics);
    }

    private static Catalog ApplyAll(MigrationSet set, Catalog catalog, List<SchemaDiagnostic> diagnostics, List<Catalog>? steps, ReadAhead readAhead)
    {
        var buffer = new List<SqlToken>(256); // One token buffer for the whole run; each statement reuses it.
        var toolTables = ToolHistoryTables.Of(set.Layout, catalog.Dialect, set.HistoryTable);
        var routines = new RoutineCalls(catalog.Dialect); // A procedure created in one migration may be called in a later one.
        routines.MySqlNames.SeesEveryRoutine = true; // The run starts from an empty database.
        routines.MySqlTriggers.SeesEveryTrigger = true;
        routines.MySqlEvents.SeesEveryEvent = true;
        var unknownShapes = new HashSet<QualifiedName>();
        var queryShaped = new QueryShapedTables();
        var undecidedTypes = new UndecidedTypes();

        // drizzle runs every pending migration in one transaction: a label stays new across files.
        var batch = set.Layout == MigrationLayout.Drizzle ? new UncommittedEnumLabels() : null;
        var flywayDelimiters = ToolDelimiters.ReadAsFlyway(set.Layout, catalog.Dialect); // The statements the folder's tool runs.
        using var ahead = MigrationReadAhead.Start(set.Migrations, catalog.Dialect, flywayDelimiters, readAhead);
        var reading = new SessionReading(catalog.Dialect); // Carried from one migration to the next, as the session's other settings are.
        for (var index = 0; index < set.Migrations.Count; index++)
        {
            var migration = set.Migrations[index];
            var run = ToolTransactions.Of(set.Layout, migration.NoTransaction);
            if (index > 0 && catalog.Dialect == SqlDialect.Postgres) routines.SearchPath.StartMigration();
            var taken = ahead?.Take(index);
            if (set.Layout == MigrationLayout.Goose && migration.Sql.Length > 0)
            {
                ToolStatementSplits.Check("goose", "-- +goose", migration.Sql, migration.SqlStartLine, catalog.Dialect, GooseScript.StatementEnds(migration.Sql), migration.RelativePath, diagnostics);
            }
            else if (set.Layout == MigrationLayout.SqlMigrate && migration.Sql.Length > 0)
            {
                ToolStatementSplits.Check("sql-migrate", "-- +migrate", migration.Sql, migration.SqlStartLine, catalog.Dialect, SqlMigrateScript.StatementEndsOf(migration.Sql), migration.RelativePath, diagnostics);
            }

            // Read ahead under the reading the earlier migrations left, or read again here.
            var prepared = taken is not null && taken.StartReading.SameAs(reading) ? taken : null;
            catalog = Apply(catalog, migration.Sql, migration.RelativePath, migration.SqlStartLine, diagnostics, buffer, toolTables, routines, unknownShapes, undecidedTypes, run, batch, flywayDelimiters, set.Layout, prepared, queryShaped, reading);
            if (prepared is not null) reading.CopyFrom(prepared.EndReading);
            if (taken is not null) ahead!.Return(taken);
            steps?.Add(catalog);
        }

        // Flyway's repeatable migrations run after these; they are checked, not applied.
        if (set.Repeatables.Count > 0) RepeatableMigrations.Check(set, catalog, diagnostics);
        return catalog;
    }

    // run: how the folder's tool runs the migration; null for SQL that is not a folder's migration.
    private static Catalog Apply(Catalog catalog, string sql, string? file, int firstLine, List<SchemaDiagnostic> diagnostics, List<SqlToken> buffer, IReadOnlyList<QualifiedName> toolTables, RoutineCalls routines, HashSet<QualifiedName> unknownShapes, UndecidedTypes? undecidedTypes = null, ToolTransaction? run = null, UncommittedEnumLabels? batch = null, bool flywayDelimiters = false, MigrationLayout? layout = null, PreparedMigration? prepared = null, QueryShapedTables? queryShaped = null, SessionReading? reading = null)
    {
        sql = PsqlVariables.Interpolate(sql, catalog.Dialect); // PreparedMigration reads the same text.
        if (TemplatePlaceholders.Find(sql, catalog.Dialect, Math.Max(1, firstLine)) is { } placeholder)
        {
            diagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.TemplatePlaceholder, TemplatePlaceholderMessage(placeholder.Text), file, placeholder.Line, placeholder.Column));
            return catalog; // Its SQL is not what runs: applying it would build a schema no server has.
        }

        var rules = IdentifierRules.For(catalog.Dialect);
        var lexDiagnostics = new List<SqlLexDiagnostic>();
        ISqlStatementSource reader = prepared is not null
            ? prepared.Replay(lexDiagnostics, buffer)
            : new SqlStatementReader(sql, catalog.Dialect, Math.Max(1, firstLine), lexDiagnostics, buffer, flywayDelimiters, session: reading) { KeepsDeletes = catalog.Dialect == SqlDialect.MariaDb, WatchesJsonCasts = catalog.Dialect == SqlDialect.MariaDb, WatchesInserts = catalog.Dialect == SqlDialect.MariaDb };

        // Lexing problems are reported first, in file order, then the statements' findings:
        // the statements are read as the text is lexed, so theirs wait in a list of their own.
        var statementDiagnostics = new List<SchemaDiagnostic>();
        var labelCheck = UncommittedLabelCheck.For(rules.Dialect, run, sql, file, batch);
        var context = new ApplyContext(rules, file, statementDiagnostics, toolTables, unknownShapes, undecidedTypes, routines.Overloads, routines.Session, queryShaped: queryShaped) { UncommittedLabels = labelCheck?.Labels };
        var gapStart = 0; // Where the text after the previous statement starts: a DO block's annotation lives there.
        var lexedBefore = 0;
        EnumColumnTables? dataTargets = null;
        while (KeepTokensForLabels(reader, labelCheck, catalog, routines.SearchPath, ref dataTargets) && reader.Read())
        {
            if (lexDiagnostics.Count != lexedBefore)
            {
                MySqlDashesInStatement.PassOverUntracked(lexDiagnostics, lexedBefore, reader);
                UndecidedVersionComments.PassOverHarmless(lexDiagnostics, lexedBefore, reader, sql);
                if (rules.Dialect == SqlDialect.Postgres) PostgresBackticks.PassOverOperators(lexDiagnostics, lexedBefore, reader, sql, routines.Overloads.MadeUnnamedCallers);
            }

            lexedBefore = lexDiagnostics.Count;
            var found = statementDiagnostics.Count; // The findings of this statement come after.
            var statementStart = gapStart;
            gapStart = reader.Last.End;
            if (reader.Last.Unterminated)
            {
                continue; // Already reported.
            }

            // A routine whose body touches triggers unseen counts from the first statement that may run it.
            if (routines.Overloads.Triggers.HasWaiting)
            {
                routines.Overloads.Triggers.NoteCalls(sql.AsSpan(reader.First.Start, reader.Last.End - reader.First.Start), file, reader.First);
            }

            if (!reader.IsTracked)
            {
                labelCheck?.Passed(sql, reader.First);
                if (reader.DataSyntax is { } syntax)
                {
                    // The server refuses it as it parses it: it runs nothing, so nothing else is asked of it.
                    statementDiagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.SyntaxError, syntax.Message(sql, SqlTokenText.ForMessage(sql, reader.First).ToUpperInvariant()), file, syntax.At.Line, syntax.At.Column));
                    continue;
                }

                var readsData = rules.Dialect == SqlDialect.Postgres && reader.Tokens.Count > 0 && DataStatementHead.Starts(sql, reader.Tokens[0]);
                if (labelCheck is not null || readsData)
                {
                    // A data statement's table and type names are found along the search_path too.
                    if (rules.Dialect == SqlDialect.Postgres && reader.Tokens.Count > 0)
                    {
                        context.Rules = routines.SearchPath.RulesFor(catalog, sql, reader.Tokens, routines.Overloads, rules, file, statementDiagnostics) ?? rules;
                    }

                    labelCheck?.Check(catalog, catalog, sql, reader.Tokens, context);
                    if (readsData) UnknownLabelCheck.Check(catalog, catalog, sql, reader.Tokens, context, RefusedSince(statementDiagnostics, found));
                    context.Rules = rules;
                }

                if (rules.Dialect == SqlDialect.MariaDb && reader.Tokens.Count > 0 && SqlTokenText.IsWord(sql, reader.Tokens[0], "DELETE"))
                {
                    MariaDbDeleteAlias.Check(sql, reader.Tokens, file, statementDiagnostics);
                }

                if (reader.JsonCastAt is { } jsonCast)
                {
                    statementDiagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.SyntaxError, MariaDbCasts.RefusalInStatement(SqlTokenText.ForMessage(sql, reader.First).ToUpperInvariant()), file, jsonCast.Line, jsonCast.Column));
                }
                else if (reader.InsertHead is { } insert)
                {
                    MariaDbOmittedColumns.Check(catalog, sql, SqlTokenText.ForMessage(sql, reader.First).ToUpperInvariant(), insert, context, statementDiagnostics);
                }

                // The parser would read nothing from it; unless no server would run it either.
                if (!StatementWords.StartsStatement(sql, reader.First, rules.Dialect))
                {
                    statementDiagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.UnknownStatement, UnknownStatementMessage(SqlTokenText.ForMessage(sql, reader.First), rules.Dialect), file, reader.First.Line, reader.First.Column));
                }
                else if (rules.Dialect.IsMySqlFamily())
                {
                    MySqlOtherDatabases.CheckUse(sql, reader.First, reader.Last, file, statementDiagnostics);
                }
                else if (rules.Dialect == SqlDialect.Postgres)
                {
                    routines.SearchPath.Follow(catalog, sql, reader, file, statementDiagnostics);
                }

                continue;
            }

            var tokens = reader.Tokens;
            if (reader.DataSyntax is { } refused)
            {
                // A query or WITH the server cannot parse: nothing of it runs, no SELECT ... INTO, no call.
                statementDiagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.SyntaxError, refused.Message(sql, SqlTokenText.ForMessage(sql, reader.First).ToUpperInvariant()), file, refused.At.Line, refused.At.Column));
                continue;
            }

            if (rules.Dialect == SqlDialect.Postgres && SqlTokenText.IsWord(sql, tokens[0], "DO"))
            {
                routines.SearchPath.CheckBlock(catalog, sql, tokens, file, statementDiagnostics);
                DblinkExecCalls.CheckBlock(sql, tokens, file, statementDiagnostics);
                routines.SearchPath.Watch(catalog, tokens[0]);
                var beforeBlock = catalog;
                if (context.QueryShaped.Count > 0) context.QueryShaped.CheckNamed(sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start), "DO block", tokens[0], context);
                routines.Overloads.Returns.CheckBlock(sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start));
                catalog = DoBlockRunner.Run(catalog, sql, tokens, statementStart, context, routines, file, statementDiagnostics);

                // After the run: the statements it ran were checked as the server checks them; the rest may or may not have run.
                routines.Overloads.Triggers.Note(sql, tokens, file);
                routines.SearchPath.AfterStatement(beforeBlock, catalog, sql, tokens, file, statementDiagnostics);
                continue;
            }

            var before = catalog;
            if (RoutineCalls.Reads(sql, tokens[0], rules.Dialect.IsMySqlFamily()))
            {
                // A PostgreSQL SELECT may also create a table (SELECT ... INTO), before its query runs what it calls.
                if (rules.Dialect == SqlDialect.Postgres)
                {
                    routines.SearchPath.Watch(catalog, tokens[0]);
                    DblinkExecCalls.Check(sql, tokens, file, statementDiagnostics);
                }
                if (rules.Dialect == SqlDialect.Postgres && SqlTokenText.IsWord(sql, tokens[0], "SELECT"))
                {
                    catalog = TrackedStatement.Apply(catalog, sql, tokens, new SqlStatementRange(0, tokens.Count), context, statementDiagnostics, file, reader.Parsed);
                }

                catalog = routines.Run(catalog, sql, tokens, statementStart, context, statementDiagnostics);
                if (rules.Dialect.IsMySqlFamily()) MySqlNamesAfterRun(before, catalog, sql, tokens, routines);
                if (rules.Dialect == SqlDialect.Postgres)
                {
                    routines.SearchPath.AfterStatement(before, catalog, sql, tokens, file, statementDiagnostics);
                    if (SqlTokenText.IsWord(sql, tokens[0], "SELECT"))
                    {
                        routines.SearchPath.SetConfig(catalog, sql, tokens, file, statementDiagnostics);
                        StandardStringsConfig.Check(sql, tokens, file, statementDiagnostics);
                    }
                }

                catalog = labelCheck?.Check(before, catalog, sql, tokens, context) ?? catalog;
                catalog = UnknownLabelCheck.Check(before, catalog, sql, tokens, context, RefusedSince(statementDiagnostics, found));
                continue;
            }

            if (rules.Dialect.IsMySqlFamily())
            {
                if (MySqlOtherDatabases.CheckDrop(sql, tokens, file, statementDiagnostics)) continue;
                MySqlDatabaseDefaults.Note(sql, tokens, context.Session);
                MySqlClientCharset.Check(sql, tokens, context);
            }

            var parsed = reader.Parsed;
            if (rules.Dialect == SqlDialect.Postgres)
            {
                routines.SearchPath.Note(catalog, sql, tokens, file, statementDiagnostics);

                // Under a search_path that sends names elsewhere than public, the statement is parsed
                // again now, with its names read where the path sends them (or refused by the server).
                var statementRules = routines.SearchPath.RulesFor(catalog, sql, tokens, routines.Overloads, rules, file, statementDiagnostics);
                if (statementRules is null) continue;
                if (!ReferenceEquals(statementRules, rules))
                {
                    context.Rules = statementRules;
                    parsed = null;
                }
            }

            if (SqlTokenText.IsWord(sql, tokens[0], "CREATE"))
            {
                // CREATE OR REPLACE FUNCTION that changes the return type: the server refuses it, and nothing changes.
                var created = CreatedKind.Of(sql, tokens);
                if (rules.Dialect == SqlDialect.Postgres && routines.Overloads.Returns.Define(catalog, sql, tokens, created, context))
                {
                    context.Rules = rules;
                    continue;
                }

                // A PL/pgSQL body with a statement the server cannot parse: CREATE fails, and nothing is created.
                if (routines.RefusesBodySyntax(sql, tokens, created, file, statementDiagnostics))
                {
                    context.Rules = rules;
                    continue;
                }

                if (rules.Dialect.IsMySqlFamily())
                {
                    routines.MySqlNames.Create(sql, tokens, created, context);
                    var checkedFrom = statementDiagnostics.Count;
                    MySqlTriggerChecks.Check(catalog, sql, tokens, context, routines.MayBeView);

                    // The server checks the table and the body before the name, and a refused trigger is not made.
                    if (!RefusedSince(statementDiagnostics, checkedFrom)) routines.MySqlTriggers.Create(sql, tokens, context);
                    routines.MySqlEvents.Create(sql, tokens, context, routines);
                }

                routines.Define(sql, tokens, created, file);
                if (rules.Dialect == SqlDialect.Postgres) routines.Overloads.Triggers.NoteRoutine(sql, tokens, created, file, routines);
                routines.CheckDeclaredTypes(catalog, sql, tokens, created, context);
            }
            else if (SqlTokenText.IsWord(sql, tokens[0], "DROP"))
            {
                if (rules.Dialect.IsMySqlFamily())
                {
                    routines.MySqlNames.Drop(sql, tokens, context);
                    routines.MySqlTriggers.Drop(sql, tokens, context);
                    routines.MySqlEvents.Drop(sql, tokens, context);
                }

                routines.Drop(sql, tokens, context); // MySQL; PostgreSQL's DROP FUNCTION is applied as a statement.
            }
            else if (rules.Dialect.IsMySqlFamily() && SqlTokenText.IsWord(sql, tokens[0], "ALTER"))
            {
                routines.MySqlEvents.Alter(sql, tokens, context, routines);
            }

            if (rules.Dialect.IsMySqlFamily()) routines.MySqlTriggers.FollowTables(sql, tokens, context);

            catalog = TrackedStatement.Apply(catalog, sql, tokens, new SqlStatementRange(0, tokens.Count), context, statementDiagnostics, file, parsed);
            if (rules.Dialect.IsMySqlFamily()) routines.MySqlTriggers.AfterStatement(before, catalog);
            catalog = labelCheck?.Check(before, catalog, sql, tokens, context) ?? catalog;
            catalog = UnknownLabelCheck.Check(before, catalog, sql, tokens, context, RefusedSince(statementDiagnostics, found));
            context.Rules = rules;
            if (rules.Dialect == SqlDialect.Postgres) routines.SearchPath.AfterStatement(before, catalog, sql, tokens, file, statementDiagnostics);
        }

        if (lexDiagnostics.Count > 0)
        {
            foreach (var lex in lexDiagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column))
            {
                if (lex.Kind == SqlLexDiagnosticKind.PsqlCommand)
                {
                    if (PsqlCommandRunners.Report(lex, layout, file) is { } refused) diagnostics.Add(refused);
                    continue;
                }

                diagnostics.Add(lex.Kind switch
                {
                    SqlLexDiagnosticKind.DashLineBetweenStatements => DashLineRunners.Report(lex, layout, file),
                    SqlLexDiagnosticKind.UndecidedVersionComment => SchemaDiagnostic.Warning(lex.Code, lex.Message, file, lex.Line, lex.Column),
                    _ => SchemaDiagnostic.Error(lex.Code, lex.Message, file, lex.Line, lex.Column),
                });
            }
        }

        diagnostics.AddRange(statementDiagnostics);
        return catalog;
    }

    // A CALL, EXECUTE or compound statement may drop triggers and events (a procedure cannot
    // create either, 1303 and 1576; dynamic SQL can): the names it may have changed are no longer
    // known, nor are the triggers of a table it took away.
    private static void MySqlNamesAfterRun(Catalog before, Catalog after, string sql, List<SqlToken> tokens, RoutineCalls routines)
    {
        routines.MySqlTriggers.AfterStatement(before, after);
        if (SqlTokenText.IsWord(sql, tokens[0], "EXECUTE"))
        {
            routines.MySqlTriggers.ForgetAll();
            routines.MySqlEvents.ForgetAll();
            return;
        }

        if (routines.MySqlTriggers.KnowsAny && MayRun(sql, tokens, routines, "TRIGGER")) routines.MySqlTriggers.ForgetAll();
        if (routines.MySqlEvents.KnowsAny && MayRun(sql, tokens, routines, "EVENT")) routines.MySqlEvents.ForgetAll();
    }

    // Whether a CALL may run a statement on objects of a kind (a called procedure may call others:
    // any routine whose text names the word), or a compound statement holds one.
    private static bool MayRun(string sql, List<SqlToken> tokens, RoutineCalls routines, string kind)
    {
        var first = tokens[0];
        if (SqlTokenText.IsWord(sql, first, "CALL")) return routines.RoutinesNaming(kind).Any();
        return SqlTokenText.IsWord(sql, first, "BEGIN") && UnseenTriggers.NamesWord(sql.AsSpan(first.Start, tokens[^1].End - first.Start), kind);
    }

    // Data statements keep their tokens while a label waits for its commit, so the check can read
    // them. Otherwise, for the check of labels a type lacks (UnknownLabelCheck), only an INSERT,
    // UPDATE or DELETE on, or reading, a table with a column of an enum type keeps them, once the migrations
    // have an enum type: reading every data statement made the cold snapshot of a large history
    // some 10% slower (docs/benchmarks.md). The rest are passed over unstored. Set before each
    // statement is read.
    private static bool KeepTokensForLabels(ISqlStatementSource reader, UncommittedLabelCheck? labelCheck, Catalog catalog, PostgresSearchPath searchPath, ref EnumColumnTables? dataTargets)
    {
        reader.KeepsEveryStatement = labelCheck is { Labels.IsEmpty: false };
        if (catalog.Dialect != SqlDialect.Postgres || catalog.EnumTypes.IsEmpty)
        {
            reader.DataTargets = null;
            return true;
        }

        dataTargets ??= new EnumColumnTables(IdentifierRules.For(catalog.Dialect), catalog);
        (dataTargets.Catalog, dataTargets.OnDefaultPath) = (catalog, searchPath.IsDefault);
        reader.DataTargets = dataTargets;
        return true;
    }

    // Whether the statement's findings (those after found) include an error: the server stops there.
    private static bool RefusedSince(List<SchemaDiagnostic> diagnostics, int found)
    {
        for (var i = found; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Severity == DiagnosticSeverity.Error) return true;
        }

        return false;
    }

    private static string UnknownStatementMessage(string word, SqlDialect dialect)
        => dialect.IsMySqlFamily() && StatementWords.IsMySqlClientCommand(word)
            ? $"'{word}' is a command of the mysql client, not SQL: run by the client, it does what SchemaTasks cannot see (source runs another file's SQL here); any other tool sends it to the server, which refuses it. Write the SQL it stands for into the migration."
            : $"This statement starts with '{word}', which no {dialect.ServerName()} statement starts with: the server refuses it and the migration stops here, so SchemaTasks reads nothing from it. Correct it; if the migration tool reads it as a command of its own, keep the SQL that runs in the folder SchemaTasks reads.";

    private static string TemplatePlaceholderMessage(string placeholder)
        => $"This migration holds the template placeholder {placeholder}, which a program renders before the migration runs (as tools built on Go templates do), so the SQL as written is not what runs. SchemaTasks reads migrations as they run, and applies none of this file. Render the templates into the folder SchemaTasks reads, or write the migration without placeholders (schema-independent SQL that relies on the search path instead of a schema name).";
}
