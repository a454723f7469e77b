using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The conditions of a MySQL/MariaDB <c>DECLARE ... HANDLER FOR</c>, and whether one catches the
/// error a failed statement raised. The engine's findings that stand for a server error know its
/// number only where it is certain: written in the message (<c>error 1091</c>), or the one the
/// finding's code always is (a duplicate column is 1060, an existing table 1050). A handler for a
/// number or SQLSTATE then decides; for an error whose number is not known it does not, and the
/// call is not followed (never guessed).
/// </summary>
internal static class MySqlHandlerConditions
{
    // The SQLSTATE of each error number a handler may name by state (checked on MariaDB 10.11).
    private static readonly Dictionary<int, string> SqlStateByNumber = new()
    {
        [1050] = "42S01", // Table already exists
        [1051] = "42S02", // Unknown table (DROP TABLE)
        [1054] = "42S22", // Unknown column
        [1060] = "42S21", // Duplicate column name
        [1061] = "42000", // Duplicate key name
        [1068] = "42000", // Multiple primary key defined
        [1091] = "42000", // Can't DROP COLUMN / INDEX / FOREIGN KEY / CONSTRAINT
        [1146] = "42S02", // Table doesn't exist
        [1176] = "42000", // Key doesn't exist
    };

    // The error number a finding's code always stands for on MySQL and MariaDB.
    private static readonly Dictionary<string, int> NumberByCode = new(StringComparer.Ordinal)
    {
        [DiagnosticCodes.ColumnExists] = 1060,
        [DiagnosticCodes.TableExists] = 1050,
    };

    private static readonly Regex ErrorNumber = new(@"\berror (1\d{3}|[2-9]\d{3})\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// The one server error number the failed statement's findings stand for; <see langword="null"/>
    /// when it is not known, or they stand for more than one.
    /// </summary>
    public static int? NumberOf(IEnumerable<SchemaDiagnostic> errors)
    {
        int? number = null;
        foreach (var error in errors)
        {
            var found = new HashSet<int>();
            foreach (Match match in ErrorNumber.Matches(error.Message)) found.Add(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            if (found.Count == 0 && NumberByCode.TryGetValue(error.Code, out var byCode)) found.Add(byCode);
            if (found.Count != 1) return null;
            var one = found.First();
            if (number is { } other && other != one) return null;
            number = one;
        }

        return number;
    }

    /// <summary>
    /// Reads <c>FOR condition [, condition ...]</c> from <paramref name="at"/> up to <paramref name="end"/>:
    /// error numbers, <c>SQLSTATE [VALUE] 'xxxxx'</c>, <c>SQLEXCEPTION</c>, <c>SQLWARNING</c> and
    /// <c>NOT FOUND</c>; <see langword="null"/> for anything else (a named condition).
    /// Returns where the list ends.
    /// </summary>
    public static List<HandlerCondition>? Read(string sql, List<SqlToken> tokens, ref int at, int end)
    {
        var conditions = new List<HandlerCondition>();
        do
        {
            if (at >= end) return null;
            var token = tokens[at];
            if (token.Kind == SqlTokenKind.Number && int.TryParse(SqlTokenText.Raw(sql, token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                conditions.Add(new HandlerCondition(HandlerConditionKind.Number, number, null));
                at++;
            }
            else if (SqlTokenText.IsWord(sql, token, "SQLSTATE"))
            {
                at++;
                if (at < end && SqlTokenText.IsWord(sql, tokens[at], "VALUE")) at++;
                if (at >= end || tokens[at].Kind != SqlTokenKind.String) return null;
                conditions.Add(new HandlerCondition(HandlerConditionKind.State, 0, SqlTokenText.Unquote(sql, tokens[at++]).ToUpperInvariant()));
            }
            else if (SqlTokenText.IsWord(sql, token, "SQLEXCEPTION"))
            {
                conditions.Add(new HandlerCondition(HandlerConditionKind.AnyError, 0, null));
                at++;
            }
            else if (SqlTokenText.IsWord(sql, token, "SQLWARNING") || (SqlTokenText.IsWord(sql, token, "NOT") && at + 1 < end && SqlTokenText.IsWord(sql, tokens[at + 1], "FOUND")))
            {
                at += SqlTokenText.IsWord(sql, token, "NOT") ? 2 : 1;
                conditions.Add(new HandlerCondition(HandlerConditionKind.NotAnError, 0, null));
            }
            else
            {
                return null;
            }
        }
        while (at < end && SqlTokenText.IsSymbol(sql, tokens[at], ',') && ++at > 0);

        return conditions;
    }

    /// <summary>
    /// How closely <paramref name="condition"/> catches the error numbered <paramref name="number"/>
    /// (<see langword="null"/>: not known): 0 when it does not, 1 for <c>SQLEXCEPTION</c>, 2 for its
    /// SQLSTATE, 3 for its number; <see langword="null"/> when that cannot be told.
    /// </summary>
    public static int? Catches(HandlerCondition condition, int? number) => condition.Kind switch
    {
        HandlerConditionKind.AnyError => 1,
        HandlerConditionKind.NotAnError => 0, // Warnings and "no data" are not errors.
        HandlerConditionKind.Number => number is { } n ? (n == condition.Number ? 3 : 0) : null,
        _ => number is { } n && SqlStateByNumber.TryGetValue(n, out var state) ? (state == condition.State ? 2 : 0) : null,
    };
}

/// <summary>What a handler condition names.</summary>
internal enum HandlerConditionKind
{
    /// <summary>An error number.</summary>
    Number,

    /// <summary>A SQLSTATE.</summary>
    State,

    /// <summary><c>SQLEXCEPTION</c>: every error.</summary>
    AnyError,

    /// <summary><c>SQLWARNING</c> or <c>NOT FOUND</c>: no error.</summary>
    NotAnError,
}

/// <summary>One condition of a handler.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Number">The error number, for <see cref="HandlerConditionKind.Number"/>.</param>
/// <param name="State">The SQLSTATE in upper case, for <see cref="HandlerConditionKind.State"/>.</param>
internal sealed record HandlerCondition(HandlerConditionKind Kind, int Number, string? State);
