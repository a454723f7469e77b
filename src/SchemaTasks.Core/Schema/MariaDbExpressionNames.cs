using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What a MariaDB DEFAULT, generated column or CHECK expression, as the catalog keeps its text,
/// names: the table's columns it uses, a name that is no column of the table, the functions it
/// calls and whether it reads a variable or runs a subquery. A word is taken for a column only
/// where nothing else can stand: not a call, not qualified, not an introducer or a typed literal
/// (<c>_utf8mb4'x'</c>, <c>DATE '...'</c>), not an operator word. Expressions with words that
/// take part in other grammar (<c>INTERVAL 1 DAY</c>, <c>CAST(a AS CHAR)</c>, <c>COLLATE</c>) are
/// read for the columns they name but never said to name an unknown one.
/// </summary>
internal sealed class MariaDbExpressionNames
{
    // Words of expressions that are neither columns nor calls.
    private static readonly HashSet<string> OperatorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "XOR", "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "IN", "BETWEEN", "LIKE", "ESCAPE",
        "REGEXP", "RLIKE", "CASE", "WHEN", "THEN", "ELSE", "END", "DIV", "MOD", "DISTINCT",
    };

    // Words after which, or as which, other words are no columns (units, types, charsets, collations, clauses).
    private static readonly HashSet<string> GrammarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "INTERVAL", "AS", "USING", "COLLATE", "FROM", "FOR", "LEADING", "TRAILING", "BOTH", "BINARY", "SOUNDS",
        "MEMBER", "OF", "RETURNING", "NEXT", "PREVIOUS", "VALUE", "DATE", "TIME", "TIMESTAMP", "DATETIME",
        "CHAR", "CHARACTER", "SET", "DEFAULT", "ROW", "ANY", "SOME", "ALL", "EXISTS", "WITH", "ON", "EMPTY", "ERROR",
        "SIGNED", "UNSIGNED", "INTEGER", "INT", "DECIMAL", "DOUBLE", "FLOAT", "JSON", "NCHAR", "VARCHAR", "BOOLEAN", "MODE",
        "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "SECOND_MICROSECOND",
        "MINUTE_MICROSECOND", "MINUTE_SECOND", "HOUR_MICROSECOND", "HOUR_SECOND", "HOUR_MINUTE", "DAY_MICROSECOND",
        "DAY_SECOND", "DAY_MINUTE", "DAY_HOUR", "YEAR_MONTH",
    };

    // Written without parentheses, these are calls (of the time and user functions).
    private static readonly HashSet<string> BareCalls = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_timestamp", "localtime", "localtimestamp", "current_date", "current_time", "utc_timestamp", "utc_date", "utc_time", "current_user", "current_role",
    };

    // Functions whose argument is a sequence, not a column.
    private static readonly HashSet<string> SequenceFunctions = new(StringComparer.OrdinalIgnoreCase) { "nextval", "lastval", "setval" };

    private MariaDbExpressionNames()
    {
    }

    /// <summary>The columns of the table the expression uses, as the table spells them, in written order.</summary>
    public List<string> Columns { get; } = [];

    /// <summary>The first name that is no column of the table, when the expression is read well enough to be sure; <see langword="null"/> otherwise.</summary>
    public string? Unknown { get; private set; }

    /// <summary>The functions called (lower case), bare time and user calls included, with <c>()</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The first variable read, <c>@x</c> or <c>@@x</c>, as written.</summary>
    public string? Variable { get; private set; }

    /// <summary>Whether the expression runs a subquery.</summary>
    public bool Subquery { get; private set; }

    /// <summary>The first call of a stored function: qualified (<c>db.f()</c>), or one the migrations create.</summary>
    public string? StoredFunction { get; private set; }

    /// <summary>Reads <paramref name="text"/>, an expression of <paramref name="table"/>; <see langword="null"/> when it does not lex.</summary>
    public static MariaDbExpressionNames? Read(string text, CatalogTable table, ApplyContext context)
    {
        var tokens = new List<SqlToken>();
        if (!SqlLexer.LexesCleanly(text, SqlDialect.MariaDb, tokens)) return null;
        var read = new MariaDbExpressionNames();
        string? unknown = null;
        var undecided = false;
        var lastName = -2; // The token of the last name read.
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var raw = SqlTokenText.Raw(text, token);
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            var hasNext = i + 1 < tokens.Count;
            var afterDot = i > 0 && SqlTokenText.IsSymbol(text, tokens[i - 1], '.');
            if (i > 0 && tokens[i - 1].Kind == SqlTokenKind.Symbol && text[tokens[i - 1].Start + tokens[i - 1].Length - 1] == '@')
            {
                var at = i - 1;
                while (at > 0 && tokens[at - 1].Kind == SqlTokenKind.Symbol && tokens[at - 1].End == tokens[at].Start && text[tokens[at - 1].Start] == '@') at--;
                read.Variable ??= text[tokens[at].Start..token.End];
                continue;
            }

            if (token.Kind == SqlTokenKind.Word && hasNext && SqlTokenText.IsSymbol(text, next, '('))
            {
                if (afterDot)
                {
                    read.StoredFunction ??= $"{SqlTokenText.Raw(text, tokens[i - 2])}.{raw}()";
                    continue;
                }

                if (raw.Equals("SELECT", StringComparison.OrdinalIgnoreCase)) read.Subquery = true;
                else if (context.Session.StoredFunctions.Contains(raw)) read.StoredFunction ??= raw + "()";
                else read.Calls.Add(raw.ToLowerInvariant() + "()");
                if (SequenceFunctions.Contains(raw)) i = SqlTokenText.ClosingParenthesis(text, tokens, i + 1, tokens.Count); // Its argument names a sequence.
                continue;
            }

            if (afterDot || (hasNext && SqlTokenText.IsSymbol(text, next, '.')))
            {
                undecided = true; // A qualified name: not read.
                continue;
            }

            if (token.Kind == SqlTokenKind.Word)
            {
                if (hasNext && next.Kind == SqlTokenKind.String) continue; // An introducer or a typed literal.
                if (raw.Equals("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    read.Subquery = true;
                    undecided = true;
                    continue;
                }

                if (OperatorWords.Contains(raw)) continue;
                if (BareCalls.Contains(raw))
                {
                    read.Calls.Add(raw.ToLowerInvariant() + "()");
                    continue;
                }

                if (GrammarWords.Contains(raw) || raw.StartsWith("SQL_TSI_", StringComparison.OrdinalIgnoreCase))
                {
                    undecided = true;
                    continue;
                }
            }

            // A name right after a name, a literal or a ')' is no expression the engine reads (the
            // server's own syntax error, or a keyword it does not know).
            if (i > 0 && (lastName == i - 1 || tokens[i - 1].Kind is SqlTokenKind.String or SqlTokenKind.Number || SqlTokenText.IsSymbol(text, tokens[i - 1], ')'))) undecided = true;
            lastName = i;
            var name = context.Rules.Name(text, token);
            if (table.FindColumn(name, SqlDialect.MariaDb) is { } column)
            {
                if (!read.Columns.Contains(column.Name, StringComparer.Ordinal)) read.Columns.Add(column.Name);
            }
            else
            {
                unknown ??= name;
            }
        }

        read.Unknown = undecided ? null : unknown;
        return read;
    }
}
