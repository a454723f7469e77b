using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The MySQL and MariaDB triggers the migrations created, by name, with the table each is on, to
/// refuse what the server refuses: a second <c>CREATE TRIGGER</c> of a name (error 1359), MariaDB's
/// <c>CREATE OR REPLACE TRIGGER</c> of a name another table's trigger has (1360), and a
/// <c>DROP TRIGGER</c> without <c>IF EXISTS</c> of a name that is not there (1360).
/// </summary>
/// <remarks>
/// Trigger names are one namespace per database, whatever their tables. They compare as table
/// names do with <c>lower_case_table_names=0</c> (Linux): case counts, as in the rest of the engine.
/// A trigger lives and dies with its table: <c>DROP TABLE</c> and MariaDB's
/// <c>CREATE OR REPLACE TABLE</c> drop it, <c>RENAME TABLE</c> and <c>ALTER TABLE ... RENAME</c>
/// keep it on the renamed table. Only <c>CREATE TRIGGER</c> makes one (not a routine, 1303), but a
/// procedure may drop one and dynamic SQL may do either: after a statement that may have, or a
/// table gone in a way not read here, the names it may have changed are no longer known, and
/// neither a CREATE nor a DROP of them is reported.
/// </remarks>
internal sealed class MySqlTriggerNames
{
    // Each trigger there surely is, by name, with its table's name.
    private readonly Dictionary<string, string> _triggers = new(StringComparer.Ordinal);

    // Names that may or may not be there now.
    private readonly HashSet<string> _unsure = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether every statement since the database was empty passes here, so a name never seen is
    /// surely missing. Not so when SQL is applied to a schema read elsewhere (a snapshot, the
    /// schema after the versioned migrations for a repeatable one), nor after dynamic SQL.
    /// </summary>
    public bool SeesEveryTrigger { get; set; }

    /// <summary>Whether anything is known that <see cref="ForgetAll"/> would forget.</summary>
    public bool KnowsAny => SeesEveryTrigger || _triggers.Count > 0;

    /// <summary>Checks and remembers the trigger a <c>CREATE TRIGGER</c> the server otherwise takes makes.</summary>
    public void Create(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        var at = MySqlTriggerChecks.Head(sql, tokens);
        if (at < 0 || at >= tokens.Count) return;
        var ifNotExists = IsWords(sql, tokens, at, "IF", "NOT", "EXISTS");
        if (ifNotExists) at += 3;
        if (at + 4 >= tokens.Count || !SqlTokenText.IsName(tokens[at]) || SqlTokenText.IsSymbol(sql, tokens[at + 1], '.')) return; // Qualified: maybe another database.
        var name = context.Rules.Name(sql, tokens[at]);
        var tableAt = at + 4; // name {BEFORE | AFTER} event ON table
        if (!SqlTokenText.IsWord(sql, tokens[at + 3], "ON") || !SqlTokenText.IsName(tokens[tableAt])
            || (tableAt + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[tableAt + 1], '.')))
        {
            // A trigger lives in its table's database, which a qualified table may make another one.
            Unsure(name);
            return;
        }

        var table = context.Rules.Name(sql, tokens[tableAt]);
        if (_triggers.TryGetValue(name, out var on))
        {
            if (ifNotExists) return; // A note, and the trigger stays as it was.
            if (!SqlTokenText.IsWord(sql, tokens[1], "OR"))
            {
                context.Error(
                    DiagnosticCodes.TriggerOrEventExists,
                    $"CREATE TRIGGER {name}: an earlier statement already created trigger {name} (on table {on}; trigger names are one namespace per database, whatever the table), so the server refuses this (error 1359, Trigger '{name}' already exists) and the migration stops here. Write DROP TRIGGER IF EXISTS {name} before it, CREATE OR REPLACE TRIGGER (MariaDB, same table), or give it another name.",
                    tokens[at]);
                return;
            }

            if (!string.Equals(on, table, StringComparison.Ordinal))
            {
                context.Error(
                    DiagnosticCodes.TriggerOrEventExists,
                    $"CREATE OR REPLACE TRIGGER {name} ON {table}: trigger {name} is on table {on}, and MariaDB replaces a trigger only on its own table, so it refuses this (error 1360, Trigger does not exist) and the migration stops here. Write DROP TRIGGER IF EXISTS {name} before a plain CREATE TRIGGER, or give it another name.",
                    tokens[at]);
                return;
            }
        }

        _unsure.Remove(name);
        _triggers[name] = table;
    }

    /// <summary>Checks and forgets the trigger a <c>DROP TRIGGER</c> names.</summary>
    public void Drop(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (tokens.Count < 3 || !SqlTokenText.IsWord(sql, tokens[1], "TRIGGER")) return;
        var at = 2;
        var ifExists = IsWords(sql, tokens, at, "IF", "EXISTS");
        if (ifExists) at += 2;
        if (at >= tokens.Count || !SqlTokenText.IsName(tokens[at]) || (at + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[at + 1], '.'))) return;
        var name = context.Rules.Name(sql, tokens[at]);
        var known = _triggers.Remove(name) | _unsure.Remove(name);
        if (known || ifExists || !SeesEveryTrigger) return;
        var respelt = _triggers.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        context.Error(
            DiagnosticCodes.TriggerOrEventNotFound,
            $"DROP TRIGGER {name}: no earlier statement creates trigger {name} (or it was dropped, or its table was dropped, which drops its triggers), so the server refuses this (error 1360, Trigger does not exist) and the migration stops here."
            + (respelt is null ? string.Empty : $" Trigger names are case-sensitive on Linux (lower_case_table_names=0), and there is a trigger {respelt}.")
            + $" Write DROP TRIGGER IF EXISTS {name}, or fix the name.",
            tokens[at]);
    }

    /// <summary>
    /// Follows the tables a <c>DROP TABLE</c>, <c>CREATE OR REPLACE TABLE</c>, <c>RENAME TABLE</c>
    /// or <c>ALTER TABLE ... RENAME</c> drops or renames, before it is applied (while
    /// <see cref="ApplyContext.TemporaryTables"/> still holds the temporary tables it may take instead).
    /// </summary>
    public void FollowTables(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (_triggers.Count == 0 || tokens.Count < 3) return;
        if (SqlTokenText.IsWord(sql, tokens[0], "DROP") && SqlTokenText.IsWord(sql, tokens[1], "TABLE"))
        {
            var at = IsWords(sql, tokens, 2, "IF", "EXISTS") ? 4 : 2;
            for (; at < tokens.Count; at++)
            {
                if (!SqlTokenText.IsName(tokens[at]) || SqlTokenText.IsWord(sql, tokens[at], "RESTRICT") || SqlTokenText.IsWord(sql, tokens[at], "CASCADE")) continue;
                var last = CreatedObjectName.LastPart(sql, tokens, at);
                var table = context.Rules.Name(sql, tokens[last]);
                if (last != at) UnsureOn(table); // Maybe this database's table.
                else if (!context.TemporaryTables.Contains(table)) DropOn(table); // A temporary table of the name is dropped instead.
                at = last;
            }
        }
        else if (SqlTokenText.IsWord(sql, tokens[0], "CREATE") && IsWords(sql, tokens, 1, "OR", "REPLACE", "TABLE") && tokens.Count > 4 && SqlTokenText.IsName(tokens[4]))
        {
            if (CreatedObjectName.LastPart(sql, tokens, 4) == 4) DropOn(context.Rules.Name(sql, tokens[4]));
        }
        else if (SqlTokenText.IsWord(sql, tokens[0], "RENAME") && SqlTokenText.IsWord(sql, tokens[1], "TABLE"))
        {
            for (var at = 2; at + 2 < tokens.Count; at++)
            {
                if (!SqlTokenText.IsWord(sql, tokens[at + 1], "TO")) continue;
                RenameTable(sql, tokens, at, at + 2, context);
            }
        }
        else if (SqlTokenText.IsWord(sql, tokens[0], "ALTER") && RenamedIn(sql, tokens) is { } to)
        {
            var tableAt = TableOfAlter(sql, tokens);
            if (tableAt > 0) RenameTable(sql, tokens, tableAt, to, context);
        }
    }

    /// <summary>
    /// After a statement: the triggers whose table was in <paramref name="before"/> and is not in
    /// <paramref name="after"/>, by a way not followed here (a procedure's DROP, a rename not
    /// read), may be gone or elsewhere.
    /// </summary>
    public void AfterStatement(Catalog before, Catalog after)
    {
        if (_triggers.Count == 0 || ReferenceEquals(before, after)) return;
        foreach (var (name, table) in _triggers.ToList())
        {
            var key = new QualifiedName(string.Empty, table);
            if (before.FindTable(key) is not null && after.FindTable(key) is null) Unsure(name);
        }
    }

    /// <summary>After SQL that may have created or dropped any trigger (dynamic SQL, a procedure that drops one): no name is known now.</summary>
    public void ForgetAll()
    {
        _unsure.UnionWith(_triggers.Keys);
        _triggers.Clear();
        SeesEveryTrigger = false;
    }

    private void RenameTable(string sql, List<SqlToken> tokens, int fromAt, int toAt, ApplyContext context)
    {
        if (!SqlTokenText.IsName(tokens[fromAt]) || !SqlTokenText.IsName(tokens[toAt])) return;
        var from = context.Rules.Name(sql, tokens[fromAt]);
        if (fromAt > 0 && SqlTokenText.IsSymbol(sql, tokens[fromAt - 1], '.'))
        {
            UnsureOn(from);
            return;
        }

        // Moved to a database named: the server refuses it while the table has triggers (error 1435, Trigger in wrong schema), and ST3043 says the database is not modelled.
        if (CreatedObjectName.LastPart(sql, tokens, toAt) != toAt) return;
        var to = context.Rules.Name(sql, tokens[toAt]);
        foreach (var (name, table) in _triggers.ToList())
        {
            if (string.Equals(table, from, StringComparison.Ordinal)) _triggers[name] = to;
        }
    }

    private void DropOn(string table)
    {
        foreach (var (name, on) in _triggers.ToList())
        {
            if (string.Equals(on, table, StringComparison.Ordinal)) _triggers.Remove(name);
        }
    }

    private void UnsureOn(string table)
    {
        foreach (var (name, on) in _triggers.ToList())
        {
            if (string.Equals(on, table, StringComparison.Ordinal)) Unsure(name);
        }
    }

    private void Unsure(string name)
    {
        _triggers.Remove(name);
        _unsure.Add(name);
    }

    // ALTER [ONLINE] [IGNORE] TABLE [IF EXISTS] name: the index of the table's name, or -1.
    private static int TableOfAlter(string sql, List<SqlToken> tokens)
    {
        for (var at = 1; at < Math.Min(tokens.Count - 1, 4); at++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[at], "TABLE")) continue;
            var name = IsWords(sql, tokens, at + 1, "IF", "EXISTS") ? at + 3 : at + 1;
            return name < tokens.Count && SqlTokenText.IsName(tokens[name]) && CreatedObjectName.LastPart(sql, tokens, name) == name ? name : -1;
        }

        return -1;
    }

    // The index of the new name of an ALTER TABLE's RENAME [TO | AS] clause (not RENAME COLUMN, INDEX, KEY, CONSTRAINT), or null.
    private static int? RenamedIn(string sql, List<SqlToken> tokens)
    {
        var depth = 0;
        for (var at = 3; at + 1 < tokens.Count; at++)
        {
            if (SqlTokenText.IsSymbol(sql, tokens[at], '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, tokens[at], ')')) depth--;
            if (depth != 0 || !SqlTokenText.IsWord(sql, tokens[at], "RENAME")) continue;
            var next = tokens[at + 1];
            if (SqlTokenText.IsOneOf(sql, next, ["COLUMN", "INDEX", "KEY", "CONSTRAINT"])) continue;
            var to = SqlTokenText.IsWord(sql, next, "TO") || SqlTokenText.IsWord(sql, next, "AS") ? at + 2 : at + 1;
            return to < tokens.Count ? to : null;
        }

        return null;
    }

    private static bool IsWords(string sql, List<SqlToken> tokens, int at, params string[] words)
    {
        if (at + words.Length > tokens.Count) return false;
        for (var i = 0; i < words.Length; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[at + i], words[i])) return false;
        }

        return true;
    }
}
