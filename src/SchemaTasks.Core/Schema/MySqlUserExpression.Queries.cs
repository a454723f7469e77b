using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The queries on <c>information_schema</c> an expression may hold: <c>COUNT</c>, <c>EXISTS</c>,
/// a constant or one column of the view, over rows that <see cref="MySqlInformationSchema"/>
/// makes from the catalog and filters joined by AND (<c>=</c>, <c>!=</c>, <c>&lt;&gt;</c>,
/// <c>IS [NOT] NULL</c>). A filter or cell the catalog cannot decide leaves the query unknown.
/// </summary>
internal sealed partial class MySqlUserExpression
{
    // The columns that name the database; only the migrations' own, DATABASE(), is known.
    private static readonly string[] SchemaColumns = ["TABLE_SCHEMA", "CONSTRAINT_SCHEMA", "INDEX_SCHEMA"];

    // Values the server compares under a collation checked on MariaDB only (utf8mb3_general_ci:
    // case-insensitive, trailing spaces ignored); MySQL 8 keeps the data dictionary's text under
    // collations not checked here, so there a comparison that case or trailing spaces would change stays undecided.
    private static readonly string[] PropertyColumns = ["COLUMN_TYPE", "DATA_TYPE", "IS_NULLABLE", "COLUMN_DEFAULT"];

    // The Column of a filter that is a group of alternatives joined by OR.
    private const string OrGroup = "";

    private sealed record Filter(string Column, string Op, object? Value);

    // SELECT <expression> without FROM; SELECT COUNT(...) FROM information_schema.<view> WHERE ...;
    // SELECT <column> FROM ...: its value in the one row found, NULL when none;
    // SELECT <constant> FROM ...: the constant when a row matches, NULL when none.
    private object? Select()
    {
        if (IsWord("COUNT") && IsSymbol("(", 1)) return Count();
        if (ViewColumn() is { } column) return ColumnValue(column);
        var value = Or();
        if (value is null || !IsWord("FROM")) return value;
        var rows = Matches([], out var limit);
        if (rows is null) return null;
        return rows.Count > 1 && limit != 1 ? Fail("a subquery that returns more than one row, which the server refuses (error 1242)") : rows.Count > 0 ? value : Null;
    }

    // COUNT(*), COUNT(<number>), or COUNT(<column>), which counts the rows where it is not NULL.
    private long? Count()
    {
        _pos += 2;
        var filters = new List<Filter>();
        if (_pos < _end && (IsSymbol("*") || _tokens[_pos].Kind == SqlTokenKind.Number))
        {
            _pos++;
        }
        else if (_pos < _end && _tokens[_pos].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !IsWord("DISTINCT"))
        {
            if (IsSymbol(".", 1)) _pos += 2; // an alias's
            filters.Add(new Filter(Name(_tokens[_pos++]), "IS NOT NULL", null));
        }

        if (!TrySymbol(")"))
        {
            Fail("COUNT of an expression");
            return null;
        }

        if (TryWord("AS") || (_pos < _end && _tokens[_pos].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !IsWord("FROM"))) _pos++; // an alias
        return Matches(filters, out _)?.Count;
    }

    // The column of SELECT <column> FROM: a name that no procedure variable has, right before FROM.
    private string? ViewColumn()
    {
        if (_pos >= _end || _tokens[_pos].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        var at = IsSymbol(".", 1) ? _pos + 2 : _pos;
        if (at >= _end || at + 1 >= _end || !SqlTokenText.IsWord(_sql, _tokens[at + 1], "FROM") || _scope.Local(Name(_tokens[at])) is not null) return null;
        if (_tokens[at].Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(_sql, _tokens[at], "NULL") || SqlTokenText.IsWord(_sql, _tokens[at], "TRUE") || SqlTokenText.IsWord(_sql, _tokens[at], "FALSE"))) return null;
        _pos = at + 1;
        return Name(_tokens[at]);
    }

    private object? ColumnValue(string column)
    {
        var rows = Matches([], out _);
        if (rows is null) return null;
        if (rows.Count == 0) return Null;
        if (rows.Count > 1) return Fail("a subquery that returns more than one row, which the server refuses (error 1242)");
        if (!rows[0].Cells.TryGetValue(column, out var cell)) return Fail(rows[0].Open ? rows[0].Uncertain ?? $"the {column} of a row SchemaTasks does not know" : $"the {column} column of information_schema");
        return cell is InformationSchemaUnknown unknown ? Fail(unknown.Why) : cell;
    }

    // The number of rows of the query after SELECT (EXISTS): its select list is skipped to FROM.
    private long? InformationSchemaRows()
    {
        var depth = 0;
        while (_pos < _end && !(depth == 0 && IsWord("FROM")))
        {
            if (IsSymbol("(")) depth++;
            else if (IsSymbol(")")) depth--;
            _pos++;
        }

        return Matches([], out _)?.Count;
    }

    // FROM information_schema.<view> [alias] [WHERE filters] [LIMIT n]: the rows that match.
    private List<InformationSchemaRow>? Matches(List<Filter> filters, out long? limit)
    {
        limit = null;
        if (!TryWord("FROM") || !TryWord("information_schema") || !TrySymbol(".") || _pos >= _end)
        {
            Fail("a query that is not on information_schema");
            return null;
        }

        var view = Name(_tokens[_pos++]).ToUpperInvariant();
        if (_pos < _end && (TryWord("AS") || (_tokens[_pos].Kind is SqlTokenKind.Word && !IsWord("WHERE") && !IsWord("LIMIT")))) _pos++; // an alias
        var where = new List<Filter>();
        if (TryWord("WHERE") && !Filters(where)) return null;
        filters.AddRange(where);
        if (TryWord("LIMIT") && _pos < _end)
        {
            limit = long.TryParse(SqlTokenText.Raw(_sql, _tokens[_pos]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            _pos++;
        }

        return Matching(view, filters);
    }

    // column = value, column != value, column IS [NOT] NULL, joined by AND and OR, in any
    // parentheses. A group with OR is one filter of the conjunction around it, whose Value holds
    // its alternatives, each a conjunction.
    private bool Filters(List<Filter> filters)
    {
        var alternatives = new List<List<Filter>> { filters };
        while (true)
        {
            do
            {
                if (!Term(alternatives[^1])) return false;
            }
            while (TryWord("AND") || TrySymbol("&&"));
            if (!TryWord("OR") && !TrySymbol("||")) break;
            alternatives.Add([]);
        }

        if (alternatives.Count > 1)
        {
            var group = new Filter(OrGroup, "OR", alternatives.Select(a => a.ToList()).ToList());
            filters.Clear();
            filters.Add(group);
        }

        return true;
    }

    private bool Term(List<Filter> filters)
    {
        if (TrySymbol("("))
        {
            var inner = new List<Filter>();
            if (!Filters(inner)) return false;
            if (!TrySymbol(")")) return Fail("an unclosed parenthesis") is not null;
            filters.AddRange(inner);
            return true;
        }

        if (_pos + 2 >= _end || _tokens[_pos].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return Fail("a filter") is not null;
        if (IsSymbol(".", 1)) _pos += 2; // an alias's
        var column = Name(_tokens[_pos++]);
        if (TryWord("IS"))
        {
            var negated = TryWord("NOT");
            if (!TryWord("NULL")) return Fail($"the filter on {column}") is not null;
            filters.Add(new Filter(column, negated ? "IS NOT NULL" : "IS NULL", null));
            return true;
        }

        var notLike = IsWord("NOT") && IsWord("LIKE", 1);
        if (notLike || IsWord("LIKE"))
        {
            _pos += notLike ? 2 : 1;
            var pattern = Primary();
            if (pattern is null) return false;
            if (IsWord("ESCAPE")) return Fail($"the filter on {column} (LIKE ... ESCAPE)") is not null;
            filters.Add(new Filter(column, notLike ? "NOT LIKE" : "LIKE", pattern));
            return true;
        }

        var op = IsSymbol("=") ? "=" : IsSymbol("!=") || IsSymbol("<>") ? "!=" : null;
        if (op is null) return Fail($"the filter on {column}") is not null;
        _pos++;
        var value = Primary();
        if (value is null) return false;
        filters.Add(new Filter(column, op, value));
        return true;
    }

    private List<InformationSchemaRow>? Matching(string view, List<Filter> filters)
    {
        string? table = null;
        var rest = new List<Filter>();
        foreach (var filter in filters)
        {
            if (SchemaColumns.Contains(filter.Column, StringComparer.OrdinalIgnoreCase))
            {
                // Every view is filtered by its schema: only the migrations' own database is known.
                if (filter.Op != "=" || filter.Value != CurrentDatabase) return FailBy(view, filters);
            }
            else if (string.Equals(filter.Column, "TABLE_NAME", StringComparison.OrdinalIgnoreCase) && table is null)
            {
                // The server opens the table by name, so here case counts (lower_case_table_names=0),
                // as it does in the engine's DDL; any other comparison of table_name compares in any case.
                if (filter.Value == Null) return [];
                if (filter.Op != "=" || Text(filter.Value) is not { } name) return FailBy(view, filters);
                table = name;
            }
            else
            {
                rest.Add(filter);
            }
        }

        // Which table and database a row is of is decided by the lookup above, not under an OR.
        if (rest.Any(f => f.Column == OrGroup && Leaves(f).Any(l => l.Column.Equals("TABLE_NAME", StringComparison.OrdinalIgnoreCase) || SchemaColumns.Contains(l.Column, StringComparer.OrdinalIgnoreCase))))
        {
            return FailBy(view, filters);
        }

        var rows = MySqlInformationSchema.Rows(view, _catalog, table, _scope);
        if (rows is null) return FailBy(view, filters);
        var found = new List<InformationSchemaRow>();
        foreach (var row in rows)
        {
            string? undecided = null;
            var unsupported = false;
            var matches = AllMatch(rest, row, ref undecided, ref unsupported);
            if (unsupported) return FailBy(view, filters);
            if (matches == false) continue;
            if ((undecided ?? row.Uncertain) is { } reason) return FailRows(reason);
            found.Add(row);
        }

        return found;
    }

    private static IEnumerable<Filter> Leaves(Filter filter)
        => filter.Column == OrGroup ? ((List<List<Filter>>)filter.Value!).SelectMany(a => a).SelectMany(Leaves) : [filter];

    // Whether a row passes every filter: false when one fails, null when that cannot be told (why in undecided).
    private bool? AllMatch(List<Filter> filters, InformationSchemaRow row, ref string? undecided, ref bool unsupported)
    {
        bool? all = true;
        foreach (var filter in filters)
        {
            var match = filter.Column == OrGroup ? AnyMatch((List<List<Filter>>)filter.Value!, row, ref undecided, ref unsupported) : Matches(filter, row, ref undecided, ref unsupported);
            if (match == false) return false;
            if (match is null) all = null;
        }

        return all;
    }

    private bool? AnyMatch(List<List<Filter>> alternatives, InformationSchemaRow row, ref string? undecided, ref bool unsupported)
    {
        bool? any = false;
        string? why = null;
        foreach (var alternative in alternatives)
        {
            var match = AllMatch(alternative, row, ref why, ref unsupported);
            if (match == true) return true;
            if (match is null) any = null;
        }

        if (any is null) undecided ??= why;
        return any;
    }

    private bool? Matches(Filter filter, InformationSchemaRow row, ref string? undecided, ref bool unsupported)
    {
        if (!row.Cells.TryGetValue(filter.Column, out var cell))
        {
            unsupported |= !row.Open;
            undecided ??= row.Uncertain ?? $"the {filter.Column} of a row SchemaTasks does not know";
            return null;
        }

        var match = Matches(filter, cell, out var why);
        if (match is null) undecided ??= why;
        return match;
    }

    private List<InformationSchemaRow>? FailBy(string view, List<Filter> filters)
    {
        Fail($"information_schema.{view} by {string.Join(", ", filters.Select(f => f.Column).Distinct(StringComparer.OrdinalIgnoreCase))}");
        return null;
    }

    private List<InformationSchemaRow>? FailRows(string why)
    {
        Fail(why);
        return null;
    }

    // Whether a cell passes a filter: null when that cannot be told, with why.
    private bool? Matches(Filter filter, object cell, out string? why)
    {
        why = null;
        if (filter.Value == Null) return false; // = NULL and != NULL are NULL, whatever the cell holds.
        if (cell is InformationSchemaUnknown unknown)
        {
            if (filter.Op is "=" or "!=" && unknown.OneOf is { } oneOf && Text(filter.Value) is { } wanted && oneOf.All(v => TextEquals(v, wanted) == false))
            {
                return filter.Op == "!=";
            }

            why = unknown.Why;
            return null;
        }

        if (filter.Op is "IS NULL" or "IS NOT NULL") return (cell == Null) == (filter.Op == "IS NULL");
        if (cell == Null) return false;
        if (filter.Op is "LIKE" or "NOT LIKE")
        {
            var like = Text(cell) is { } text && Text(filter.Value) is { } pattern ? Like(text, pattern) : null;
            if (like is null) why = $"the filter on {filter.Column} ({filter.Op} '{filter.Value}' on '{cell}', outside ASCII or under a MySQL 8 collation SchemaTasks did not check)";
            return like is null ? null : like == (filter.Op == "LIKE");
        }

        bool? equal = (cell, filter.Value) switch
        {
            (long a, long b) => a == b,
            (string a, string b) => TextEquals(a, b, filter.Column),
            (string a, long b) => NumberOf(a) is { } n ? n == b : null,
            (long a, string b) => NumberOf(b) is { } n ? n == a : null,
            _ => null,
        };
        if (equal is null)
        {
            why = cell is string text && filter.Value is string value ? WhyTextUndecided(text, value, filter.Column) : $"the filter on {filter.Column}, which compares '{cell}' with {filter.Value} as numbers";
            return null;
        }

        return equal == (filter.Op == "=");
    }

    // text LIKE pattern as MariaDB's utf8mb3_general_ci reads it (information_schema's and user
    // variables' collation): % any run, _ one character, \ the next one as written, letters in any
    // case, trailing spaces kept. Null outside ASCII, and on MySQL 8 where case would decide.
    private bool? Like(string text, string pattern)
    {
        if (!MySqlClientCharset.IsAscii(text) || !MySqlClientCharset.IsAscii(pattern)) return null;
        var folded = LikeMatcher.Matches(text, pattern, ignoreCase: true);
        if (_catalog.Dialect == SqlDialect.MySql && folded != LikeMatcher.Matches(text, pattern, ignoreCase: false)) return null;
        return folded;
    }

    private static string? Text(object? value) => value as string ?? (value is long n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    // Two strings compared as the server compares them: in any case, trailing spaces ignored
    // (MariaDB's utf8mb3_general_ci, which user variables and information_schema share); null
    // when that cannot be told: outside ASCII, where the collation folds accents as well, and on
    // MySQL 8 wherever case or trailing spaces would change the outcome.
    private bool? TextEquals(string left, string right, string? column = null)
    {
        if (!MySqlClientCharset.IsAscii(left) || !MySqlClientCharset.IsAscii(right)) return null;
        var loose = string.Equals(left.TrimEnd(' '), right.TrimEnd(' '), StringComparison.OrdinalIgnoreCase);
        var mySqlProperty = _catalog.Dialect == SqlDialect.MySql && (column is null || PropertyColumns.Contains(column, StringComparer.OrdinalIgnoreCase));
        if (mySqlProperty && loose != string.Equals(left, right, StringComparison.Ordinal)) return null;
        return loose;
    }

    private static string TextEqualsWhy(string left, string right)
        => !MySqlClientCharset.IsAscii(left) || !MySqlClientCharset.IsAscii(right)
            ? $"a comparison of '{left}' with '{right}', text outside ASCII that the server's collation folds in ways SchemaTasks does not"
            : $"a comparison of '{left}' with '{right}', which differ only in case or trailing spaces, compared under a MySQL 8 collation SchemaTasks did not check";

    private static string WhyTextUndecided(string left, string right, string? column = null)
        => column is null ? TextEqualsWhy(left, right) : $"the filter on {column} ({TextEqualsWhy(left, right)})";

    // A string compared with a number is read as a number: its numeric prefix after leading
    // spaces, or 0 when it starts with no digit, sign or point (so 'NULL' = 0 holds, as on the
    // server); null for forms not read here (a fraction, an exponent, digits then text).
    private static decimal? NumberOf(string text)
    {
        var trimmed = text.TrimStart(' ').TrimEnd(' ');
        if (trimmed.Length > 0 && char.IsWhiteSpace(trimmed[0])) return null;
        if (trimmed.Length == 0 || !(char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+' or '.')) return 0;
        return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null;
    }
}
