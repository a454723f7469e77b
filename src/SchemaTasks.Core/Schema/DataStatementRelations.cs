using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Which column a name in a PostgreSQL INSERT, UPDATE, DELETE or WITH statement refers to, read
/// as the server's parser scopes it: the relations each query level reads (the target of UPDATE,
/// DELETE FROM and INSERT INTO, the items of FROM, USING and JOIN, and the target and its excluded
/// row in INSERT ... ON CONFLICT DO UPDATE), an inner level (a subquery)
/// seeing those of the levels around it, a CTE's body and a FROM subquery not seeing their
/// neighbours. A name is resolved only when that is certain: a qualified name by the relation its
/// qualifier names, an unqualified one by the one relation of the nearest level that has such a
/// column; a level with a relation whose columns are unknown (a CTE, a subquery, a function, a
/// table the migrations did not create, column aliases, JOIN ... USING or NATURAL) decides nothing
/// past it, and a name two relations of a level share is left alone (the server refuses it as
/// ambiguous, 42702). A column assigned by SET is the target's.
/// </summary>
internal sealed class DataStatementRelations
{
    private static readonly string[] EndsFromList = ["WHERE", "GROUP", "ORDER", "LIMIT", "OFFSET", "FETCH", "HAVING", "WINDOW", "RETURNING", "SET", "FOR", "UNION", "EXCEPT", "INTERSECT"];
    private static readonly string[] NotAnAlias = ["SET", "WHERE", "FROM", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "RETURNING", "GROUP", "ORDER", "LIMIT", "OFFSET", "FETCH", "HAVING", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "FOR", "TABLESAMPLE", "VALUES", "SELECT", "DEFAULT", "OVERRIDING", "LATERAL", "AS"];
    private static readonly string[] StartsQuery = ["SELECT", "VALUES", "WITH", "TABLE", "INSERT", "UPDATE", "DELETE"];
    private static readonly string[] SetOperations = ["UNION", "EXCEPT", "INTERSECT"];

    // Every keyword ReadWord asks of a word: any other word (most are names) is passed over at once.
    private static readonly KeywordFilter LevelWords = new(EndsFromList, SetOperations, ["WITH", "UPDATE", "DELETE", "INSERT", "SELECT", "VALUES", "RETURNING", "ON", "SET", "FROM", "JOIN", "USING", "NATURAL", "LATERAL"]);

    private readonly Catalog _before;
    private readonly Catalog _after;
    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly IdentifierRules _rules;
    private readonly Level?[] _levelOf; // The level each token is read in.
    private readonly HashSet<int> _assigned = []; // The tokens that name a column SET assigns.
    private readonly HashSet<string> _cteNames = new(StringComparer.Ordinal);
    private bool _unknownTable;
    private bool _ambiguous;

    private DataStatementRelations(Catalog before, Catalog after, string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        (_before, _after, _sql, _tokens, _rules) = (before, after, sql, tokens, rules);
        _levelOf = new Level?[tokens.Count];
    }

    /// <summary>Whether the statement is one this reads: it starts with INSERT, UPDATE, DELETE or WITH.</summary>
    public static bool Reads(string sql, List<SqlToken> tokens)
        => tokens.Count > 0 && (DataStatementHead.Starts(sql, tokens[0]) || SqlTokenText.IsWord(sql, tokens[0], "WITH"));

    /// <summary>Reads the statement's relations once.</summary>
    public static DataStatementRelations Read(Catalog before, Catalog after, string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        var relations = new DataStatementRelations(before, after, sql, tokens, rules);
        relations.ReadLevels();
        relations._ambiguous = relations.NamesAColumnAmbiguously();
        return relations;
    }

    /// <summary>
    /// The column the name whose parts run from <paramref name="start"/> to <paramref name="end"/>
    /// (<c>c</c> or <c>q.c</c>) refers to, when certain; otherwise <see langword="null"/>.
    /// </summary>
    public CatalogColumn? ColumnAt(int start, int end)
    {
        if (_unknownTable || _ambiguous) return null;
        var name = _rules.Name(_sql, _tokens[end]);
        var level = _levelOf[start];
        if (level is null) return null;
        if (start == end && _assigned.Contains(start)) return level.Target?.FindColumn(name, _rules.Dialect);
        if (start == end) return Unqualified(level, name);
        if (end - start != 2) return null; // schema.table.column: not read.
        var qualifier = _rules.Name(_sql, _tokens[start]);
        for (var at = level; at is not null; at = at.Parent)
        {
            foreach (var relation in at.Relations)
            {
                if (relation.Name == qualifier) return relation.Table?.FindColumn(name, _rules.Dialect);
            }

            if (at.Opaque) return null; // A relation it does not know the name of may be the one.
        }

        return null;
    }

    private CatalogColumn? Unqualified(Level level, string name)
    {
        for (var at = level; at is not null; at = at.Parent)
        {
            if (at.Opaque) return null;
            CatalogColumn? found = null;
            foreach (var relation in at.Relations)
            {
                if (relation.Table?.FindColumn(name, _rules.Dialect) is not { } column) continue;
                if (found is not null) return null; // Ambiguous: the server refuses it (42702).
                found = column;
            }

            if (found is not null) return found;
        }

        return null;
    }

    // Whether some unqualified name of the statement is a column of two relations of the level it
    // is found in: the server refuses that (42702), and it may do so before it reads a constant
    // (UPDATE's SET is read after FROM, WHERE and RETURNING), so the statement's labels are not
    // judged. A word that is no column reference at all (an alias, a keyword) may be taken for one
    // here: that only leaves the statement unjudged.
    private bool NamesAColumnAmbiguously()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (!SqlTokenText.IsName(_tokens[i]) || _assigned.Contains(i) || _levelOf[i] is not { } level) continue;
            if (i > 0 && (SqlTokenText.IsSymbol(_sql, _tokens[i - 1], '.') || SqlTokenText.IsSymbol(_sql, _tokens[i - 1], "::") || IsWord(i - 1, "AS"))) continue;
            if (i + 1 < _tokens.Count && (SqlTokenText.IsSymbol(_sql, _tokens[i + 1], '.') || SqlTokenText.IsSymbol(_sql, _tokens[i + 1], '('))) continue;
            if (IsAmbiguous(level, _rules.Name(_sql, _tokens[i]))) return true;
        }

        return false;
    }

    private bool IsAmbiguous(Level level, string name)
    {
        for (var at = level; at is not null && !at.Opaque; at = at.Parent)
        {
            var count = 0;
            foreach (var relation in at.Relations)
            {
                if (relation.Table?.FindColumn(name, _rules.Dialect) is not null) count++;
            }

            if (count > 0) return count > 1;
        }

        return false;
    }

    private sealed class Level(Level? parent)
    {
        public Level? Parent { get; } = parent;
        public List<Relation> Relations { get; } = [];
        public bool Opaque { get; set; }
        public CatalogTable? Target { get; set; }
        public bool InFromList { get; set; }
        public bool InSet { get; set; }
        public Level? Insert { get; set; } // An INSERT's source (VALUES or SELECT): the INSERT's own level, met again at ON CONFLICT or RETURNING.
        public bool IsInsert { get; set; }
    }

    private readonly record struct Relation(string Name, CatalogTable? Table);

    private void ReadLevels()
    {
        var stack = new List<(Level Level, int Depth)> { (new Level(null), 0) };
        var depth = 0;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            var (level, levelDepth) = stack[^1];
            _levelOf[i] = level;
            if (SqlTokenText.IsSymbol(_sql, token, '('))
            {
                depth++;
                if (i + 1 < _tokens.Count && IsOneOf(_tokens[i + 1], StartsQuery)) stack.Add((OpenQuery(level, i), depth));
                else if (level.InFromList && depth == levelDepth + 1 && i > 0 && StartsRelation(i - 1)) level.Opaque = true; // A join in parentheses.
                continue;
            }

            if (SqlTokenText.IsSymbol(_sql, token, ')'))
            {
                if (depth == levelDepth && stack.Count > 1) stack.RemoveAt(stack.Count - 1);
                depth--;
                continue;
            }

            if (depth != levelDepth) continue;
            if (SqlTokenText.IsSymbol(_sql, token, ','))
            {
                if (level.InFromList) ReadRelation(level, i + 1);
                else if (level.InSet) MarkAssigned(i + 1);
                continue;
            }

            if (!LevelWords.MayBe(_sql, token)) continue;
            ReadWord(stack, level, i);
        }
    }

    private void ReadWord(List<(Level Level, int Depth)> stack, Level level, int i)
    {
        if (IsWord(i, "WITH"))
        {
            ReadCteNames(i + 1);
        }
        else if (IsWord(i, "UPDATE") && i > 0 && IsWord(i - 1, "DO") && level.IsInsert)
        {
            // ON CONFLICT ... DO UPDATE reads the target and the row proposed for it, as excluded
            // (an unqualified name both have is refused as ambiguous, 42702); RETURNING does not.
            var update = new Level(level.Parent) { Target = level.Target, Insert = level, Opaque = level.Opaque };
            update.Relations.AddRange(level.Relations);
            if (level.Target is { } target) update.Relations.Add(new Relation("excluded", target));
            stack[^1] = (update, stack[^1].Depth);
            _levelOf[i] = update;
        }
        else if (IsWord(i, "UPDATE") && !(i > 0 && (IsWord(i - 1, "FOR") || IsWord(i - 1, "DO"))))
        {
            level.Target = ReadRelation(level, i + 1, asTarget: true);
        }
        else if (IsWord(i, "DELETE") && i + 1 < _tokens.Count && SqlTokenText.IsWord(_sql, _tokens[i + 1], "FROM"))
        {
            level.Target = ReadRelation(level, i + 2, asTarget: true);
        }
        else if (IsWord(i, "INSERT") && i + 1 < _tokens.Count && SqlTokenText.IsWord(_sql, _tokens[i + 1], "INTO"))
        {
            level.Target = ReadRelation(level, i + 2, asTarget: true, insert: true);
            level.IsInsert = true;
        }
        else if (level.IsInsert && (IsWord(i, "SELECT") || IsWord(i, "VALUES")))
        {
            // The rows an INSERT reads do not see its target: a level of their own.
            var source = new Level(level.Parent) { Insert = level };
            stack[^1] = (source, stack[^1].Depth);
            _levelOf[i] = source;
        }
        else if (level.Insert is { } insert && (IsWord(i, "RETURNING") || (IsWord(i, "ON") && i + 1 < _tokens.Count && SqlTokenText.IsWord(_sql, _tokens[i + 1], "CONFLICT"))))
        {
            stack[^1] = (insert, stack[^1].Depth);
            _levelOf[i] = insert;
        }
        else if (IsOneOf(_tokens[i], SetOperations))
        {
            var next = new Level(level.Parent);
            stack[^1] = (next, stack[^1].Depth);
        }
        else if (IsWord(i, "SET"))
        {
            (level.InFromList, level.InSet) = (false, true);
            MarkAssigned(i + 1);
        }
        else if ((IsWord(i, "FROM") && !(i > 0 && (IsWord(i - 1, "DELETE") || IsWord(i - 1, "DISTINCT")))) || IsWord(i, "JOIN") || (IsWord(i, "USING") && !level.InFromList && level.Target is not null && !level.IsInsert))
        {
            (level.InFromList, level.InSet) = (true, false);
            ReadRelation(level, i + 1);
        }
        else if (IsWord(i, "USING") || IsWord(i, "NATURAL") || IsWord(i, "LATERAL"))
        {
            level.Opaque = true; // JOIN ... USING and NATURAL merge columns; LATERAL sees its neighbours.
        }
        else if (IsOneOf(_tokens[i], EndsFromList))
        {
            (level.InFromList, level.InSet) = (false, false);
        }
    }

    // A query in parentheses: a CTE's body (after AS) sees none of the statement's relations, a
    // subquery in FROM none of its neighbours, any other one those of the levels around it.
    private Level OpenQuery(Level level, int open)
    {
        if (open > 0 && (IsWord(open - 1, "AS") || IsWord(open - 1, "MATERIALIZED"))) return new Level(level.Parent);
        if (level.IsInsert && IsInsertSource(open)) return new Level(level.Parent); // INSERT INTO t (SELECT ...): the rows do not see the target either.
        if (level.InFromList && open > 0 && StartsRelation(open - 1))
        {
            level.Opaque = true; // Its columns are not read.
            return new Level(level.Parent);
        }

        return new Level(level);
    }

    // INSERT INTO [schema.]t [[AS] alias] [(columns)] ( ...: the parentheses hold the rows, not a
    // subquery of RETURNING.
    private bool IsInsertSource(int open)
    {
        var at = open - 1;
        if (SqlTokenText.IsSymbol(_sql, _tokens[at], ')'))
        {
            while (at > 0 && !SqlTokenText.IsSymbol(_sql, _tokens[at], '(')) at--; // A column list holds names alone.
            at--;
        }

        for (var parts = 0; at >= 1 && parts < 4 && (SqlTokenText.IsName(_tokens[at]) || SqlTokenText.IsSymbol(_sql, _tokens[at], '.')); parts++, at--)
        {
            if (IsWord(at, "RETURNING")) return false;
            if (IsWord(at - 1, "INTO")) return at >= 2 && IsWord(at - 2, "INSERT") && !IsWord(at, "AS");
        }

        return false;
    }

    // Whether the token before a relation item is one that starts it: FROM, JOIN, USING, a comma, LATERAL.
    private bool StartsRelation(int before)
        => SqlTokenText.IsSymbol(_sql, _tokens[before], ',') || IsWord(before, "FROM") || IsWord(before, "JOIN") || IsWord(before, "USING") || IsWord(before, "LATERAL");

    // WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (...), ...: each name hides a table of that name.
    private void ReadCteNames(int i)
    {
        if (i < _tokens.Count && IsWord(i, "RECURSIVE")) i++;
        var depth = 0;
        var expectName = true;
        for (; i < _tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(_sql, _tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(_sql, _tokens[i], ')')) depth--;
            if (depth < 0) return;
            if (depth > 0) continue;
            if (expectName && SqlTokenText.IsName(_tokens[i])) _cteNames.Add(_rules.Name(_sql, _tokens[i]));
            expectName = SqlTokenText.IsSymbol(_sql, _tokens[i], ',');
            if (!expectName && _tokens[i].Kind == SqlTokenKind.Word && IsOneOf(_tokens[i], StartsQuery) && !IsWord(i, "WITH")) return; // The statement itself.
        }
    }

    // name = ... or (name, name) = ... right after SET or a comma of its list: columns of the target.
    private void MarkAssigned(int i)
    {
        if (i + 1 < _tokens.Count && SqlTokenText.IsName(_tokens[i]) && SqlTokenText.IsSymbol(_sql, _tokens[i + 1], '=')) _assigned.Add(i);
        if (i >= _tokens.Count || !SqlTokenText.IsSymbol(_sql, _tokens[i], '(')) return;
        var names = new List<int>();
        for (var j = i + 1; j + 1 < _tokens.Count && SqlTokenText.IsName(_tokens[j]); j += 2)
        {
            names.Add(j);
            if (SqlTokenText.IsSymbol(_sql, _tokens[j + 1], ',')) continue;
            if (SqlTokenText.IsSymbol(_sql, _tokens[j + 1], ')') && j + 2 < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[j + 2], '=')) _assigned.UnionWith(names);
            return;
        }
    }

    // [ONLY] [schema.]name [*] [[AS] alias [(columns)]]: the relation's table when the catalog
    // has it and no CTE hides it; anything else makes the level opaque.
    private CatalogTable? ReadRelation(Level level, int i, bool asTarget = false, bool insert = false)
    {
        if (i < _tokens.Count && IsWord(i, "ONLY")) i++;
        if (i >= _tokens.Count || !SqlTokenText.IsName(_tokens[i]) || IsWord(i, "LATERAL") || (_tokens[i].Kind == SqlTokenKind.Word && IsOneOf(_tokens[i], StartsQuery)))
        {
            if (!asTarget && !(i < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[i], '('))) level.Opaque = true; // '(' is read as it opens.
            return null;
        }

        var first = _rules.Name(_sql, _tokens[i]);
        var qualified = i + 2 < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[i + 1], '.') && SqlTokenText.IsName(_tokens[i + 2]);
        var tableName = qualified ? new QualifiedName(first, _rules.Name(_sql, _tokens[i + 2])) : new QualifiedName(_rules.DefaultSchema, first);
        var visible = tableName.Name;
        i += qualified ? 3 : 1;
        if (!insert && i < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[i], '('))
        {
            level.Opaque = true; // A function.
            return null;
        }

        if (i < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[i], '*')) i++;
        var isCte = !qualified && _cteNames.Contains(first);
        var table = isCte ? null : _after.FindTable(tableName) ?? _before.FindTable(tableName);

        // A table the migrations did not create: the server refuses it (42P01) before it reads
        // any column, unless it was made otherwise; nothing of the statement is decided.
        if (table is null && !isCte) _unknownTable = true;
        var aliased = i < _tokens.Count && IsWord(i, "AS");
        if (aliased) i++;
        if (i < _tokens.Count && SqlTokenText.IsName(_tokens[i]) && (aliased || !(_tokens[i].Kind == SqlTokenKind.Word && IsOneOf(_tokens[i], NotAnAlias))))
        {
            visible = _rules.Name(_sql, _tokens[i]);
            if (!insert && i + 1 < _tokens.Count && SqlTokenText.IsSymbol(_sql, _tokens[i + 1], '(')) table = null; // Its columns renamed.
        }

        level.Relations.Add(new Relation(visible, table));
        if (table is null) level.Opaque = true;
        return table;
    }

    private bool IsWord(int i, string word) => SqlTokenText.IsWord(_sql, _tokens[i], word);

    private bool IsOneOf(SqlToken token, string[] words) => SqlTokenText.IsOneOf(_sql, token, words);
}
