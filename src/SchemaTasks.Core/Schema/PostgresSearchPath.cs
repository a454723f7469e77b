using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's <c>search_path</c> as the migrations set it: <c>SET [SESSION | LOCAL] search_path</c>,
/// <c>SET SCHEMA</c>, <c>RESET search_path</c> (or <c>ALL</c>), <c>SELECT set_config('search_path', ...)</c>,
/// and <c>ALTER DATABASE | ROLE ... SET search_path</c> for the sessions that start later. While the
/// path is the default, or no schema but <c>public</c> on it is in play, an unqualified name is a name
/// in <c>public</c>, as the parser reads it ahead of time. Otherwise each statement is resolved when
/// it is applied (<see cref="RulesFor"/>): the engine reads its unqualified names in the schema the
/// path sends them to when <see cref="PostgresPathLookup"/> can say so exactly, refuses an
/// unqualified CREATE where the server does (no schema to create in, or pg_catalog), and otherwise
/// reports, once, that it cannot follow the path (<see cref="AfterStatement"/>).
/// </summary>
/// <remarks>
/// <c>"$user"</c> stands for a schema named as the connecting role, which SchemaTasks does not
/// know; it is passed over, as for the default path (docs/dialects.md says why). A migration runs
/// in the session the previous one left when its runner keeps one connection, and in a fresh one
/// (on the database's default path) when it opens one per migration: from the second migration on,
/// a path an earlier migration set is one of several the session may have, and a statement whose
/// reading differs between them is reported (ST3141) until the migration sets the path itself.
/// </remarks>
internal sealed class PostgresSearchPath
{
    // The session's path; null while it is the default.
    private IReadOnlyList<string>? _session;

    // SET LOCAL's path until the transaction ends; null when none.
    private IReadOnlyList<string>? _local;

    // The other paths the session may have (null: the default) when the migration started in a
    // session SchemaTasks cannot know; null while the path is known.
    private List<IReadOnlyList<string>?>? _maybe;

    // The paths ALTER DATABASE | ROLE ... SET search_path gave the sessions that start later.
    private List<IReadOnlyList<string>?>? _laterSessions;

    // Whether the migration opened a transaction with BEGIN or START TRANSACTION that is still open.
    private bool _inTransaction;

    // Whether _local surely holds: set inside an explicit transaction. Outside one it holds only
    // if the runner wraps the migration in a transaction (the server ignores it otherwise).
    private bool _localSure;

    // The statement that set the path in force, for the message.
    private string _setBy = string.Empty;

    // Whether the path in force was already reported as one SchemaTasks cannot follow.
    private bool _reported;

    // The statement being applied reads its names in public though the path may send them
    // elsewhere: reported if it changes what the engine tracks.
    private (string Code, SqlToken At, string Reason, bool OnlyIfItChanges)? _unfollowed;

    // When the paths the session may have read the statement differently only if it has an
    // unqualified name: the rules it is applied with, which note whether it had one.
    private IdentifierRules? _noticing;

    private IReadOnlyList<string>? Current => _local ?? _session;

    /// <summary>Whether the statement read next has its unqualified names in public, as on the default path (<see cref="RulesFor"/> then gives the rules it is given).</summary>
    public bool IsDefault => _local is null && _session is null && _maybe is null;

    /// <summary>
    /// A new migration starts: in the session the previous one left, or in a fresh one, as its
    /// runner does; a path set by an earlier migration (or by ALTER DATABASE | ROLE) may or may not
    /// be in force. SET LOCAL's path ends with the migration's transaction.
    /// </summary>
    public void StartMigration()
    {
        if (_session is null && _local is null && _maybe is null && _laterSessions is null) return;
        var possible = new List<IReadOnlyList<string>?>();
        void add(IReadOnlyList<string>? path)
        {
            if (!possible.Any(p => SamePath(p, path))) possible.Add(path);
        }

        add(_local ?? _session);
        add(_session);
        if (_maybe is not null) foreach (var path in _maybe) add(path);
        add(null);
        if (_laterSessions is not null) foreach (var path in _laterSessions) add(path);
        _local = null;
        _inTransaction = false;
        _session = possible[0];
        possible.RemoveAt(0);
        _maybe = possible.Count == 0 ? null : possible;
        if (_maybe is not null)
        {
            _setBy = _laterSessions is null
                ? "set by an earlier migration, which a runner that opens a session per migration does not keep"
                : "the session's path after the earlier migrations; ALTER DATABASE | ROLE gave another to sessions that start later";
        }

        _reported = false;
    }

    /// <summary>
    /// Follows a statement the engine does not otherwise read: a SET or RESET of the path, or the
    /// end of a transaction (COMMIT, END, ABORT, ROLLBACK but not ROLLBACK TO a savepoint).
    /// </summary>
    public void Follow(Catalog catalog, string sql, ISqlStatementSource reader, string? file, List<SchemaDiagnostic> diagnostics)
    {
        var first = reader.First;
        if (SqlTokenText.IsWord(sql, first, "BEGIN") || SqlTokenText.IsWord(sql, first, "START"))
        {
            _inTransaction = true;
        }
        else if (SqlTokenText.IsWord(sql, first, "COMMIT") || SqlTokenText.IsWord(sql, first, "END") || SqlTokenText.IsWord(sql, first, "ABORT"))
        {
            EndTransaction();
        }
        else if (SqlTokenText.IsWord(sql, first, "ROLLBACK"))
        {
            if (!reader.Tokens.Any(t => SqlTokenText.IsWord(sql, t, "TO"))) EndTransaction();
        }
        else if (reader.Tokens.Count > 1 && (SqlTokenText.IsWord(sql, first, "SET") || SqlTokenText.IsWord(sql, first, "RESET")))
        {
            Set(catalog, sql, reader.Tokens, file, diagnostics);
        }
    }

    /// <summary>
    /// Reports a DO block that mentions search_path: SchemaTasks does not follow a change of the
    /// path made by a block's statements. A block whose every mention is an <c>ALTER ROLE | USER |
    /// DATABASE ... SET search_path</c> (<see cref="DoBlockPathSettings"/>) leaves the running
    /// session's path alone: those give their path to later sessions, as <see cref="Note"/> does.
    /// </summary>
    public void CheckBlock(Catalog catalog, string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (!AsciiWords.Contains(sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start), "search_path")) return;
        if (DoBlockPathSettings.LaterSessionsOnly(sql, tokens) is not { } settings)
        {
            Unreadable(sql, tokens, file, diagnostics);
            return;
        }

        foreach (var (text, statement) in settings) Note(catalog, text, statement, file, diagnostics);
    }

    /// <summary>
    /// Follows what a CREATE or ALTER does to the path: <c>ALTER DATABASE | ROLE | USER ... SET
    /// search_path</c> gives the path to the sessions that start later, not to this one; a later
    /// migration may run in one (whether it does is the runner's choice), so it becomes one of the
    /// paths a later migration may start on (<see cref="StartMigration"/>). <c>CREATE SCHEMA AUTHORIZATION CURRENT_USER</c> (no schema name) names the schema
    /// after the role that runs the migration, the <c>"$user"</c> of the default path: reported.
    /// </summary>
    public void Note(Catalog catalog, string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (tokens.Count < 4) return;
        if (SqlTokenText.IsWord(sql, tokens[0], "ALTER")
            && (SqlTokenText.IsWord(sql, tokens[1], "DATABASE") || SqlTokenText.IsWord(sql, tokens[1], "ROLE") || SqlTokenText.IsWord(sql, tokens[1], "USER")))
        {
            for (var i = 2; i + 1 < tokens.Count; i++)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], "SET") && SqlTokenText.IsWord(sql, tokens[i + 1], "search_path"))
                {
                    var (session, local, maybe, setBy) = (_session, _local, _maybe, _setBy);
                    if (Set(catalog, sql, tokens.GetRange(i, tokens.Count - i), file, diagnostics)) (_laterSessions ??= []).Add(_session);
                    (_session, _local, _maybe, _setBy) = (session, local, maybe, setBy);
                    return;
                }
            }

            return;
        }

        if (!SqlTokenText.IsWord(sql, tokens[0], "CREATE") || !SqlTokenText.IsWord(sql, tokens[1], "SCHEMA")) return;
        var at = 2;
        if (SqlTokenText.IsWord(sql, tokens[at], "IF") && at + 3 < tokens.Count) at += 3; // IF NOT EXISTS
        if (!SqlTokenText.IsWord(sql, tokens[at], "AUTHORIZATION") || at + 1 >= tokens.Count) return;
        var role = tokens[at + 1];
        if (role.Kind == SqlTokenKind.Word
            && (SqlTokenText.IsWord(sql, role, "CURRENT_USER") || SqlTokenText.IsWord(sql, role, "SESSION_USER") || SqlTokenText.IsWord(sql, role, "CURRENT_ROLE")))
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.SchemaOfTheConnectingRole,
                $"'{Excerpt(sql, tokens)}' creates a schema named after the role that runs the migration, which SchemaTasks does not know; on the default search_path (\"$user\", public) it is also where the server creates every later name that has no schema. Name the schema (CREATE SCHEMA app AUTHORIZATION CURRENT_USER) and write it into the names that belong there.",
                file,
                tokens[0].Line,
                tokens[0].Column));
        }
    }

    /// <summary>
    /// Follows a <c>SET</c> or <c>RESET</c> statement; <see langword="false"/> when it is about
    /// another setting. A value SchemaTasks cannot read is reported.
    /// </summary>
    public bool Set(Catalog catalog, string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (SqlTokenText.IsWord(sql, tokens[0], "RESET"))
        {
            if (tokens.Count != 2 || !(SqlTokenText.IsWord(sql, tokens[1], "search_path") || SqlTokenText.IsWord(sql, tokens[1], "ALL"))) return false;
            Change(null, local: false, sql, tokens, file);
            return true;
        }

        var at = 1;
        var local = SqlTokenText.IsWord(sql, tokens[at], "LOCAL");
        if (local || SqlTokenText.IsWord(sql, tokens[at], "SESSION")) at++;
        if (at >= tokens.Count) return false;

        // SET SCHEMA 'name' is SET search_path TO 'name' (SET SESSION AUTHORIZATION is not a path).
        if (SqlTokenText.IsWord(sql, tokens[at], "SCHEMA"))
        {
            var value = at + 2 == tokens.Count && tokens[at + 1].Kind == SqlTokenKind.String ? SqlTokenText.Unquote(sql, tokens[at + 1]) : null;
            if (value is null) return Unreadable(sql, tokens, file, diagnostics);
            Change([value], local, sql, tokens, file);
            return true;
        }

        if (!SqlTokenText.IsWord(sql, tokens[at], "search_path")) return false;
        at++;
        if (at >= tokens.Count || !(SqlTokenText.IsWord(sql, tokens[at], "TO") || SqlTokenText.IsSymbol(sql, tokens[at], '='))) return Unreadable(sql, tokens, file, diagnostics);
        at++;
        if (at + 1 == tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "DEFAULT"))
        {
            Change(null, local, sql, tokens, file);
            return true;
        }

        var entries = new List<string>();
        for (; at < tokens.Count; at += 2)
        {
            var entry = tokens[at];
            if (entry.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String)) return Unreadable(sql, tokens, file, diagnostics);

            // A string is one name, commas and all (the setting quotes each element it is given).
            entries.Add(entry.Kind == SqlTokenKind.Word ? PostgresNames.Truncate(SqlTokenText.Raw(sql, entry).ToLowerInvariant()) : SqlTokenText.Unquote(sql, entry));
            if (at + 1 < tokens.Count && !SqlTokenText.IsSymbol(sql, tokens[at + 1], ',')) return Unreadable(sql, tokens, file, diagnostics);
        }

        Change(entries, local, sql, tokens, file);
        return true;
    }

    /// <summary>Follows the <c>set_config('search_path', value, is_local)</c> calls of a SELECT.</summary>
    public void SetConfig(Catalog catalog, string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "set_config") || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) continue;
            if (tokens[i + 2].Kind != SqlTokenKind.String || SqlTokenText.Unquote(sql, tokens[i + 2]) != "search_path") continue;

            // set_config('search_path', '<list>', true | false)
            var literal = i + 7 < tokens.Count
                && SqlTokenText.IsSymbol(sql, tokens[i + 3], ',') && tokens[i + 4].Kind == SqlTokenKind.String
                && SqlTokenText.IsSymbol(sql, tokens[i + 5], ',') && SqlTokenText.IsSymbol(sql, tokens[i + 7], ')')
                && (SqlTokenText.IsWord(sql, tokens[i + 6], "true") || SqlTokenText.IsWord(sql, tokens[i + 6], "false"));
            var entries = literal ? PostgresNameList.Split(SqlTokenText.Unquote(sql, tokens[i + 4]), ',') : null;
            if (entries is null)
            {
                Unreadable(sql, tokens, file, diagnostics);
                return;
            }

            Change(entries, SqlTokenText.IsWord(sql, tokens[i + 6], "true"), sql, tokens, file);
        }
    }

    /// <summary>COMMIT, ROLLBACK, END or ABORT: a SET LOCAL's path ends with the transaction.</summary>
    public void EndTransaction()
    {
        _inTransaction = false;
        if (_local is null) return;
        _local = null;
        _reported = false;
    }

    /// <summary>
    /// The rules to apply a tracked statement with: <paramref name="rules"/> while the path sends
    /// unqualified names to public (always so on the default path, with nothing allocated), rules
    /// that read them in the schema the path sends them to when the engine can say so exactly, and
    /// null when the server refuses the statement's unqualified CREATE (reported here). When the
    /// engine cannot follow the path for the statement, <paramref name="rules"/>, and
    /// <see cref="AfterStatement"/> reports it if the statement changes what the engine tracks.
    /// </summary>
    public IdentifierRules? RulesFor(Catalog catalog, string sql, List<SqlToken> tokens, RoutineOverloads routines, IdentifierRules rules, string? file, List<SchemaDiagnostic> diagnostics)
    {
        _unfollowed = null;
        _noticing = null;
        if (_local is null && _session is null && _maybe is null) return rules;
        var first = Outcome(Current, catalog, routines, sql, tokens, rules, file, diagnostics, out var refused);
        if (refused) return null;
        if (OtherPaths() is { } others)
        {
            var allFollowed = first.Schema is not null;
            var kindNotFollowed = first.OnlyIfItChanges;
            var differ = false;
            foreach (var path in others)
            {
                var other = Outcome(path, catalog, routines, sql, tokens, rules, file, diagnostics: null, out _);
                allFollowed &= other.Schema is not null;
                kindNotFollowed |= other.OnlyIfItChanges;
                differ |= other.Schema != first.Schema;
            }

            if (differ)
            {
                // Reported even when the engine's reading changes nothing: another path's might.
                _unfollowed = (DiagnosticCodes.SearchPathOfAnEarlierMigration, tokens[0], string.Empty, kindNotFollowed);
                if (!allFollowed) return rules;

                // Each path alone is followed: the statement reads the same under all of them
                // unless it has an unqualified name, which its rules notice.
                _noticing = rules.ResolvingIn(first.Schema!).NoticingUnqualifiedNames();
                return _noticing;
            }
        }

        if (first.Schema is null)
        {
            _unfollowed = (DiagnosticCodes.SearchPathNotFollowed, first.Blocker, first.Reason, first.OnlyIfItChanges);
            return rules;
        }

        return rules.ResolvingIn(first.Schema);
    }

    /// <summary>
    /// Before a DO block or a routine call: the engine runs its statements with names in public, so
    /// under a path that may send them elsewhere, <see cref="AfterStatement"/> reports a block or
    /// call that changes what the engine tracks.
    /// </summary>
    public void Watch(Catalog catalog, SqlToken at)
    {
        _unfollowed = null;
        _noticing = null;
        if (_local is null && _session is null && _maybe is null) return;
        var others = OtherPaths();
        if (InPlay(Current, catalog) || (others is not null && others.Any(p => InPlay(p, catalog))))
        {
            _unfollowed = (others is not null ? DiagnosticCodes.SearchPathOfAnEarlierMigration : DiagnosticCodes.SearchPathNotFollowed, at, "SchemaTasks does not follow it for the statements a DO block or a routine runs", OnlyIfItChanges: true);
        }
    }

    // The paths other than Current the session may have: after an earlier migration or ALTER
    // DATABASE | ROLE, or under a SET LOCAL outside an explicit transaction; null when it is known.
    private IEnumerable<IReadOnlyList<string>?>? OtherPaths()
    {
        if (_local is null) return _maybe;
        if (_localSure) return null;
        return _maybe is null ? [_session] : _maybe.Prepend(_session);
    }

    /// <summary>
    /// Reports, once for the path in force, the statement <see cref="RulesFor"/> or
    /// <see cref="Watch"/> could not follow: because of its names, or, for a kind of statement the
    /// engine does not follow under such a path, when it changed what the engine tracks (or
    /// created, changed or dropped a routine, which the engine keeps as a name in public).
    /// </summary>
    public void AfterStatement(Catalog before, Catalog after, string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (_unfollowed is not { } unfollowed) return;
        _unfollowed = null;
        var noticing = _noticing;
        _noticing = null;
        if (noticing is { DefaultSchemaRead: false }) return; // No unqualified name: every path reads it alike.
        if (_reported || (unfollowed.OnlyIfItChanges && ReferenceEquals(before, after) && !IsRoutineStatement(sql, tokens))) return;
        _reported = true;
        var shown = Current is { } path ? string.Join(", ", path.Select(IdentifierRules.Postgres.Quote)) : "\"$user\", public";
        var statement = $"'{Excerpt(sql, tokens)}'";
        diagnostics.Add(unfollowed.Code == DiagnosticCodes.SearchPathOfAnEarlierMigration
            ? SchemaDiagnostic.Error(
                unfollowed.Code,
                $"{statement} has names without a schema, and the search_path it runs under depends on how the migration runner runs it: '{shown}' ({_setBy}), or another path (the database's default, when the runner opens a session per migration; the session's own, when a SET LOCAL runs outside a transaction, which the server then ignores), and these send the names to different schemas, so SchemaTasks cannot tell which schema the server builds. Set the path with SET search_path at the top of this migration, or write the schema into the names.",
                file,
                unfollowed.At.Line,
                unfollowed.At.Column)
            : SchemaDiagnostic.Error(
                unfollowed.Code,
                $"{statement} runs under search_path '{shown}' ({_setBy}), and {unfollowed.Reason}: PostgreSQL creates a name without a schema in the first schema of the path that exists and looks such names up along the path, and SchemaTasks cannot tell the outcome here, so its snapshot may not be what the server builds. Write the schema into the names of this statement (app.job, app.status).",
                file,
                unfollowed.At.Line,
                unfollowed.At.Column));
    }

    // Where a path sends the statement's names: public for the default, or on a path with no other
    // schema in play; null Schema when the engine cannot follow. An unqualified CREATE the server
    // refuses is reported when diagnostics are given (the path in force).
    private static PostgresPathLookup.Outcome Outcome(IReadOnlyList<string>? path, Catalog catalog, RoutineOverloads routines, string sql, List<SqlToken> tokens, IdentifierRules rules, string? file, List<SchemaDiagnostic>? diagnostics, out bool refused)
    {
        refused = false;
        if (path is null) return new(rules.DefaultSchema, tokens[0], string.Empty);
        var target = PostgresPathLookup.CreationSchema(path, catalog);
        if (target is null or "pg_catalog" && PostgresPathLookup.UnqualifiedCreate(sql, tokens) is { } created)
        {
            if (diagnostics is not null)
            {
                refused = true;
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.NoSchemaToCreateIn,
                    target is null
                        ? $"The server refuses this statement: no schema of search_path '{string.Join(", ", path.Select(IdentifierRules.Postgres.Quote))}' exists, so {rules.Quote(created)} has no schema to be created in (SQLSTATE 3F000, \"no schema has been selected to create in\"). The migration stops here. Write the schema into the name, or create the schema (or set the path) before."
                        : $"The server refuses this statement: search_path '{string.Join(", ", path.Select(IdentifierRules.Postgres.Quote))}' puts pg_catalog first, so {rules.Quote(created)} would be created in pg_catalog (SQLSTATE 42501, \"permission denied to create\"). The migration stops here. Write the schema into the name, or put pg_catalog after the schema to create in.",
                    file,
                    tokens[0].Line,
                    tokens[0].Column));
            }

            return new(null, tokens[0], "the server refuses its CREATE");
        }

        return PostgresPathLookup.Resolve(path, catalog, routines, sql, tokens, rules);
    }

    // Whether the path may send a name elsewhere than public.
    private static bool InPlay(IReadOnlyList<string>? path, Catalog catalog)
    {
        if (path is null) return false;
        var publicSeen = false;
        foreach (var entry in path)
        {
            switch (entry)
            {
                case "public":
                    publicSeen = true;
                    break;
                case "$user":
                    break;
                case "pg_catalog":
                    if (!publicSeen) return true; // An unqualified CREATE goes there.
                    break;
                case "pg_temp":
                    if (!publicSeen) return true; // An unqualified CREATE TABLE makes a temporary table.
                    break;
                default:
                    if (catalog.Schemas.Contains(entry)) return true;
                    break;
            }
        }

        return false; // Only public, or no schema, on the path: the default's reading.
    }

    private static bool IsRoutineStatement(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 2 || !(SqlTokenText.IsWord(sql, tokens[0], "CREATE") || SqlTokenText.IsWord(sql, tokens[0], "ALTER") || SqlTokenText.IsWord(sql, tokens[0], "DROP"))) return false;
        var at = SqlTokenText.IsWord(sql, tokens[1], "OR") ? 3 : 1;
        return at < tokens.Count && (SqlTokenText.IsWord(sql, tokens[at], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[at], "PROCEDURE") || SqlTokenText.IsWord(sql, tokens[at], "ROUTINE"));
    }

    private static bool SamePath(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
        => a is null ? b is null : b is not null && a.SequenceEqual(b);

    private void Change(IReadOnlyList<string>? path, bool local, string sql, List<SqlToken> tokens, string? file)
    {
        if (local)
        {
            _local = path;
            _localSure = _inTransaction;
        }
        else
        {
            _session = path;
            _local = null; // A session SET inside the transaction replaces the local value too.
            _maybe = null; // The migration set the path: it is known again.
        }

        _setBy = $"set by '{Excerpt(sql, tokens)}' at {file}({tokens[0].Line},{tokens[0].Column})";
        _reported = false;
    }

    private bool Unreadable(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.SearchPathUnreadable,
            $"This statement sets search_path to a value SchemaTasks cannot read ('{Excerpt(sql, tokens)}'), so it cannot tell in which schema later statements create and find names that have no schema. Set search_path to a list of literal schema names, or write the schema into the names and take out the change.",
            file,
            tokens[0].Line,
            tokens[0].Column));
        _reported = true;
        return true;
    }

    private static string Excerpt(string sql, List<SqlToken> tokens)
    {
        var text = sql[tokens[0].Start..tokens[^1].End];
        return text.Length <= 80 ? text : text[..80] + "...";
    }
}
