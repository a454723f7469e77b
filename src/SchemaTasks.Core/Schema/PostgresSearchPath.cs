using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's <c>search_path</c> as the migrations set it: <c>SET [SESSION | LOCAL] search_path</c>,
/// <c>SET SCHEMA</c>, <c>RESET search_path</c> (or <c>ALL</c>), <c>SELECT set_config('search_path', ...)</c>.
/// SchemaTasks reads an unqualified name as one in <c>public</c>, which is what the server does
/// while no schema but <c>public</c> on the path exists (the default path, <c>"$user", public</c>,
/// among them). Once a path names another schema that exists (now, or when a later statement
/// creates it), or <c>pg_temp</c> before <c>public</c>, the server creates unqualified objects
/// elsewhere and finds names elsewhere: SchemaTasks reports that it cannot follow, once, where it
/// starts. Shared by the whole run, as a runner that keeps one connection carries the setting from
/// one migration to the next (see <see cref="MySqlSession"/>).
/// </summary>
/// <remarks>
/// <c>"$user"</c> stands for a schema named as the connecting role, which SchemaTasks does not
/// know; it is passed over, as for the default path. A path in which no schema exists makes the
/// server refuse an unqualified CREATE (3F000) and lookup; pg_dump sets the empty path and qualifies
/// every name, so such a path is not reported.
/// </remarks>
internal sealed class PostgresSearchPath
{
    // The session's path; null while it is the default.
    private IReadOnlyList<string>? _session;

    // SET LOCAL's path until the transaction ends; null when none.
    private IReadOnlyList<string>? _local;

    // The statement that set the path in force, for the message.
    private string _setBy = string.Empty;

    // Whether the path in force was already reported as one SchemaTasks cannot follow.
    private bool _reported;

    private IReadOnlyList<string>? Current => _local ?? _session;

    /// <summary>
    /// Follows a statement the engine does not otherwise read: a SET or RESET of the path, or the
    /// end of a transaction (COMMIT, END, ABORT, ROLLBACK but not ROLLBACK TO a savepoint).
    /// </summary>
    public void Follow(Catalog catalog, string sql, ISqlStatementSource reader, string? file, List<SchemaDiagnostic> diagnostics)
    {
        var first = reader.First;
        if (SqlTokenText.IsWord(sql, first, "COMMIT") || SqlTokenText.IsWord(sql, first, "END") || SqlTokenText.IsWord(sql, first, "ABORT"))
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
    /// path made by a block's statements.
    /// </summary>
    public void CheckBlock(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start).Contains("search_path", StringComparison.OrdinalIgnoreCase))
        {
            Unreadable(sql, tokens, file, diagnostics);
        }
    }

    /// <summary>
    /// Follows what a CREATE or ALTER does to the path: <c>ALTER DATABASE | ROLE | USER ... SET
    /// search_path</c> gives the path to the sessions that start later, and a later migration may
    /// run in one (whether it does is the runner's choice), so it is taken as set, as SET would
    /// set it. <c>CREATE SCHEMA AUTHORIZATION CURRENT_USER</c> (no schema name) names the schema
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
                    Set(catalog, sql, tokens.GetRange(i, tokens.Count - i), file, diagnostics);
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
            Check(catalog, tokens[0], file, diagnostics);
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
        Check(catalog, tokens[0], file, diagnostics);
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
            var entries = literal ? SplitList(SqlTokenText.Unquote(sql, tokens[i + 4])) : null;
            if (entries is null)
            {
                Unreadable(sql, tokens, file, diagnostics);
                return;
            }

            Change(entries, SqlTokenText.IsWord(sql, tokens[i + 6], "true"), sql, tokens, file);
            Check(catalog, tokens[0], file, diagnostics);
        }
    }

    /// <summary>COMMIT, ROLLBACK, END or ABORT: a SET LOCAL's path ends with the transaction.</summary>
    public void EndTransaction()
    {
        if (_local is null) return;
        _local = null;
        _reported = false;
    }

    /// <summary>
    /// Reports, once, that the path in force names a schema other than <c>public</c> that exists
    /// after the statement at <paramref name="statement"/> (a SET, or a CREATE or ALTER SCHEMA
    /// that made such a schema), so SchemaTasks would put unqualified names in the wrong schema.
    /// </summary>
    public void Check(Catalog catalog, SqlToken statement, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (_reported || Current is not { } path || Followed(path, catalog) is not { } schema) return;
        _reported = true;
        var shown = string.Join(", ", path.Select(IdentifierRules.Postgres.Quote));
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.SearchPathNotFollowed,
            $"search_path is '{shown}' ({_setBy}) and schema {IdentifierRules.Postgres.Quote(schema)} on it exists: PostgreSQL creates an object whose name has no schema in the first schema of the path that exists, and looks such names up along the path, while SchemaTasks reads them as names in public, so its snapshot would not be what the server builds. Write the schema into every name the migration creates or uses (app.job, app.status) and take out the search_path change.",
            file,
            statement.Line,
            statement.Column));
    }

    // The first schema on the path, other than public, that changes where unqualified names go; null when none.
    private static string? Followed(IReadOnlyList<string> path, Catalog catalog)
    {
        var publicSeen = false;
        foreach (var entry in path)
        {
            switch (entry)
            {
                case "public":
                    publicSeen = true;
                    break;
                case "$user" or "pg_catalog":
                    break;
                case "pg_temp":
                    // The temporary schema before public is where an unqualified CREATE TABLE goes.
                    if (!publicSeen) return entry;
                    break;
                default:
                    if (catalog.Schemas.Contains(entry)) return entry;
                    break;
            }
        }

        return null;
    }

    private void Change(IReadOnlyList<string>? path, bool local, string sql, List<SqlToken> tokens, string? file)
    {
        if (local) _local = path;
        else
        {
            _session = path;
            _local = null; // A session SET inside the transaction replaces the local value too.
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

    // The server's reading of a list setting: comma-separated names, each unquoted one folded to
    // lower case, a double-quoted one as written; null when it is not such a list.
    private static List<string>? SplitList(string value)
    {
        var entries = new List<string>();
        var i = 0;
        SkipSpace(value, ref i);
        if (i == value.Length) return entries;
        while (true)
        {
            string name;
            if (value[i] == '"')
            {
                var text = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= value.Length) return null;
                    if (value[i] == '"')
                    {
                        if (i + 1 < value.Length && value[i + 1] == '"') { text.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }

                    text.Append(value[i++]);
                }

                name = text.ToString();
            }
            else
            {
                var start = i;
                while (i < value.Length && value[i] != ',' && !char.IsWhiteSpace(value[i]) && value[i] != '"') i++;
                if (i == start) return null;
                name = value[start..i].ToLowerInvariant();
            }

            entries.Add(PostgresNames.Truncate(name));
            SkipSpace(value, ref i);
            if (i == value.Length) return entries;
            if (value[i] != ',') return null;
            i++;
            SkipSpace(value, ref i);
        }
    }

    private static void SkipSpace(string value, ref int i)
    {
        while (i < value.Length && char.IsWhiteSpace(value[i])) i++;
    }
}
