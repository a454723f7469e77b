using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    /// <summary>
    /// The first place a PostgreSQL statement reads a constant as a value of an enum type that has
    /// no such label (<see cref="UnknownEnumLabels"/>): refused by the server (22P02). Defaults are
    /// left to the check of defaults, and a use that depends on what the engine cannot tell (which
    /// of several relations owns a column, which overload a call resolves to) is not reported.
    /// </summary>
    public static UncommittedLabelUse? FindUnknown(Catalog before, Catalog after, string sql, List<SqlToken> tokens, IdentifierRules rules, RoutineOverloads? routines)
    {
        if (after.EnumTypes.IsEmpty || !HasString(tokens) || DefinesLabels(sql, tokens)) return null;

        var scan = new Scan(before, after, sql, tokens, new UnknownEnumLabels(after), rules, routines) { CallsNeedARoutineName = true };
        return scan.FirstConstantUse() is { Undecided: null } use ? use : null;
    }

    // CREATE TYPE and ALTER TYPE: their constants are labels being defined, not values read.
    private static bool DefinesLabels(string sql, List<SqlToken> tokens)
        => tokens.Count > 1 && (SqlTokenText.IsWord(sql, tokens[0], "CREATE") || SqlTokenText.IsWord(sql, tokens[0], "ALTER")) && SqlTokenText.IsWord(sql, tokens[1], "TYPE");

    // Asked of the names every routine the migrations ever created had (a superset of those that
    // exist): a set kept by the run, so no statement builds one of its own.
    private static bool NamesRoutine(string sql, List<SqlToken> tokens, RoutineOverloads routines, IdentifierRules rules)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) continue;
            if (tokens[i].Kind == SqlTokenKind.Word && !routines.EverDefinedNameOfLength(tokens[i].Length)) continue; // An unquoted name is as long as its word.
            if (routines.EverDefined(rules.Name(sql, tokens[i]))) return true;
        }

        return false;
    }

    private static bool HasString(List<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.String) return true;
        }

        return false;
    }

    private sealed partial class Scan
    {
        private static readonly string[] WordsBeforeOperand = ["WHERE", "AND", "OR", "NOT", "CHECK", "WHEN", "SET", "THEN", "ELSE", "ON", "IN", "BETWEEN", "SYMMETRIC", "ASYMMETRIC", "RETURNING"];
        private static readonly string[] WordsAfterOperand = ["AND", "OR", "THEN", "WHERE", "ELSE", "END", "WHEN", "IS", "RETURNING", "FROM", "ORDER", "GROUP", "LIMIT", "IN", "NOT", "BETWEEN"];
        private static readonly string[] WordsOfSeveralRelations = ["JOIN", "LATERAL", "UNION", "EXCEPT", "INTERSECT", "RECURSIVE", "MERGE"];
        private static readonly string[] TableKinds = ["TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL"];
        private static readonly string[] ViewKinds = ["OR", "REPLACE", "TEMP", "TEMPORARY", "MATERIALIZED", "RECURSIVE"];
        private static readonly string[] IfNotExists = ["IF", "NOT", "EXISTS"];
        private static readonly string[] Only = ["ONLY"];

        // Every keyword ReadScope's pass asks of a word: any other word (most are names) is passed over at once.
        private static readonly KeywordFilter ScopeWords = new(WordsOfSeveralRelations, ["WITH", "SELECT", "WHERE", "FROM", "USING", "INTO", "UPDATE", "ON"]);

        private bool? _namesRoutine;
        private bool _scopeRead;

        /// <summary>
        /// Whether a call's argument list is searched for only when the statement names a routine
        /// the migrations created: every constant is looked at, and a long list stays linear. The
        /// statement's names are read the first time a constant stands where an argument would.
        /// </summary>
        public bool CallsNeedARoutineName { get; init; }

        private bool MayCallARoutine() => !CallsNeedARoutineName || (_namesRoutine ??= routines is not null && NamesRoutine(sql, tokens, routines, rules));
        private CatalogTable? _singleTable;
        private CatalogTable? _singleTableBefore; // The same table before the statement, when it had one.
        private CatalogDomain? _checkedDomain;
        private bool? _readsData;
        private DataStatementRelations? _relations;

        // The column a comparison names, whose name ends at end: for labels not committed, in the
        // first table the statement names that has one; for unknown spellings, in a data statement
        // or WITH, the one its scopes make certain (DataStatementRelations), otherwise only in the
        // one table the statement reads (or VALUE of the domain a CREATE/ALTER DOMAIN checks), and
        // only when its type is the one the statement sees (ALTER TABLE ... TYPE ... USING reads the
        // column's old type).
        private CatalogColumn? ColumnAt(int end, string name)
        {
            if (labels.NeedsSingleTable && (_readsData ??= DataStatementRelations.Reads(sql, tokens)))
            {
                return (_relations ??= DataStatementRelations.Read(before, after, sql, tokens, rules)).ColumnAt(NameStart(end), end);
            }

            return ColumnNamed(name);
        }

        private CatalogColumn? ColumnNamed(string name)
        {
            if (!labels.NeedsSingleTable)
            {
                foreach (var table in NamedTables())
                {
                    if (table.FindColumn(name, rules.Dialect) is { } column) return column;
                }

                return null;
            }

            ReadScope();
            if (_singleTable?.FindColumn(name, rules.Dialect) is not { } found) return null;
            var old = _singleTableBefore?.FindColumn(name, rules.Dialect);
            return old is null || (old.Type == found.Type && old.TypeReference == found.TypeReference) ? found : null;
        }

        // VALUE in a domain's CHECK: a value of the domain's base type.
        private UncommittedLabel? DomainValue(string name, string value)
        {
            if (!labels.NeedsSingleTable || !string.Equals(name, "value", StringComparison.Ordinal)) return null;
            ReadScope();
            return _checkedDomain is { } domain && !domain.BaseType.EndsWith("[]", StringComparison.Ordinal) ? OfType(domain.BaseTypeReference, value) : null;
        }

        // For unknown spellings, a comparison is decided only where the constant and the column
        // each stand as a whole operand: 'z' || x, 'z'::text, t.c::text or x || c compare something else.
        private bool ConstantStandsAlone(int constant)
            => !labels.NeedsSingleTable || (StartsOperand(constant - 1) && EndsOperand(constant + 1));

        private bool ColumnStandsAlone(int end, bool checkAfter = true)
            => !labels.NeedsSingleTable || (StartsOperand(NameStart(end) - 1) && (!checkAfter || EndsOperand(end + 1)));

        // The first token of the qualified name ending at end (t.c, s.t.c).
        private int NameStart(int end)
        {
            var start = end;
            while (start >= 2 && SqlTokenText.IsSymbol(sql, tokens[start - 1], '.') && SqlTokenText.IsName(tokens[start - 2])) start -= 2;
            return start;
        }

        // The last token of the qualified name starting at start.
        private int NameEnd(int start)
        {
            var end = start;
            while (end + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[end + 1], '.') && SqlTokenText.IsName(tokens[end + 2])) end += 2;
            return end;
        }

        // The token before an operand that does not bind to it: an opening, a separator, a keyword.
        private bool StartsOperand(int before)
        {
            if (before < 0) return true;
            var token = tokens[before];
            if (SqlTokenText.IsSymbol(sql, token, '(') || SqlTokenText.IsSymbol(sql, token, ',')) return true;
            if (IsComparison(token)) return true; // The other side of the comparison itself.
            return token.Kind == SqlTokenKind.Word && IsOneOf(token, WordsBeforeOperand);
        }

        private bool EndsOperand(int after)
        {
            if (after >= tokens.Count) return true;
            var token = tokens[after];
            if (SqlTokenText.IsSymbol(sql, token, ')') || SqlTokenText.IsSymbol(sql, token, ',') || token.Kind == SqlTokenKind.Semicolon) return true;
            if (IsComparison(token)) return true;
            return token.Kind == SqlTokenKind.Word && IsOneOf(token, WordsAfterOperand);
        }

        private bool IsOneOf(SqlToken token, string[] words) => SqlTokenText.IsOneOf(sql, token, words);

        // Which one relation the statement's columns belong to, read once: CREATE TABLE, ALTER
        // TABLE, CREATE INDEX ... ON, CREATE VIEW ... AS SELECT ... FROM, UPDATE, DELETE FROM and
        // INSERT INTO, each naming a single table the catalog has; or the domain of CREATE DOMAIN
        // and ALTER DOMAIN. A join, a CTE, a subquery, a set operation, a list of relations or a
        // relation the catalog does not know leaves it unknown.
        private void ReadScope()
        {
            if (_scopeRead) return;
            _scopeRead = true;
            if (tokens.Count < 3) return;
            if (SqlTokenText.IsWord(sql, tokens[0], "CREATE") && SqlTokenText.IsWord(sql, tokens[1], "DOMAIN")
                || SqlTokenText.IsWord(sql, tokens[0], "ALTER") && SqlTokenText.IsWord(sql, tokens[1], "DOMAIN"))
            {
                var at = SkipWords(2, IfNotExists);
                _checkedDomain = at < tokens.Count && QualifiedAt(at) is { } domain ? after.FindDomain(domain) : null;
                return;
            }

            var first = tokens[0];
            var isDelete = SqlTokenText.IsWord(sql, first, "DELETE");
            var isIndex = SqlTokenText.IsWord(sql, first, "CREATE") && (SqlTokenText.IsWord(sql, tokens[1], "INDEX") || (SqlTokenText.IsWord(sql, tokens[1], "UNIQUE") && SqlTokenText.IsWord(sql, tokens[2], "INDEX")));
            var tableWord = SqlTokenText.IsWord(sql, first, "CREATE") || SqlTokenText.IsWord(sql, first, "ALTER") ? TableWordAt() : -1;
            var isTable = tableWord >= 0;
            var isView = SqlTokenText.IsWord(sql, first, "CREATE") && IsViewStatement();
            if (!(isDelete || isIndex || isTable || isView || SqlTokenText.IsWord(sql, first, "UPDATE") || SqlTokenText.IsWord(sql, first, "INSERT"))) return;

            CatalogTable? single = null;
            var (depth, afterFrom) = (0, false);
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (SqlTokenText.IsSymbol(sql, token, '(')) { depth++; continue; }
                if (SqlTokenText.IsSymbol(sql, token, ')')) { depth--; continue; }
                if (depth == 0 && afterFrom && SqlTokenText.IsSymbol(sql, token, ',')) return; // FROM a, b.
                if (token.Kind != SqlTokenKind.Word || (i != tableWord && !ScopeWords.MayBe(sql, token))) continue;
                if (IsOneOf(token, WordsOfSeveralRelations)) return;
                if (SqlTokenText.IsWord(sql, token, "WITH") && (i == 0 || (depth == 0 && i > 0 && SqlTokenText.IsWord(sql, tokens[i - 1], "AS")))) return; // A CTE.
                if (SqlTokenText.IsWord(sql, token, "SELECT") && depth > 0) return; // A subquery.
                if (SqlTokenText.IsWord(sql, token, "WHERE")) afterFrom = false;

                int relation;
                if (SqlTokenText.IsWord(sql, token, "FROM") || (isDelete && SqlTokenText.IsWord(sql, token, "USING"))) (relation, afterFrom) = (i + 1, depth == 0);
                else if (SqlTokenText.IsWord(sql, token, "INTO") || (i == 0 && SqlTokenText.IsWord(sql, token, "UPDATE"))) relation = i + 1;
                else if (i == tableWord) relation = SkipWords(i + 1, IfNotExists);
                else if (isIndex && depth == 0 && SqlTokenText.IsWord(sql, token, "ON")) relation = i + 1;
                else continue;

                relation = SkipWords(relation, Only);
                if (relation >= tokens.Count || QualifiedAt(relation) is not { } name || (after.FindTable(name) ?? before.FindTable(name)) is not { } table) return;
                if (single is not null && !ReferenceEquals(single, table) && single.Name != table.Name) return;
                single = table;
            }

            _singleTable = single;
            _singleTableBefore = single is null ? null : before.FindTable(single.Name);
        }

        // The index of TABLE in CREATE [TEMP | TEMPORARY | UNLOGGED | GLOBAL | LOCAL] TABLE or ALTER TABLE, or -1.
        private int TableWordAt()
        {
            for (var i = 1; i < tokens.Count && i < 4; i++)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], "TABLE")) return i;
                if (!IsOneOf(tokens[i], TableKinds)) return -1;
            }

            return -1;
        }

        // CREATE [OR REPLACE] [TEMP | TEMPORARY] [MATERIALIZED] VIEW.
        private bool IsViewStatement()
        {
            for (var i = 1; i < tokens.Count && i < 6; i++)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], "VIEW")) return true;
                if (!IsOneOf(tokens[i], ViewKinds)) return false;
            }

            return false;
        }

        private int SkipWords(int i, string[] words)
        {
            while (i < tokens.Count && tokens[i].Kind == SqlTokenKind.Word && IsOneOf(tokens[i], words)) i++;
            return i;
        }

        private QualifiedName? QualifiedAt(int i)
        {
            if (!SqlTokenText.IsName(tokens[i])) return null;
            var first = rules.Name(sql, tokens[i]);
            return i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && SqlTokenText.IsName(tokens[i + 2])
                ? new QualifiedName(first, rules.Name(sql, tokens[i + 2]))
                : new QualifiedName(rules.DefaultSchema, first);
        }
    }
}
