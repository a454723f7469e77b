using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Built-in functions and variables a generated column's expression may not use, because their
/// value is not the row's alone. MariaDB (checked on 10.11, error 1901): the time, random, session
/// and user functions and <c>@variables</c> are refused in a STORED (PERSISTENT) column and let
/// through in a VIRTUAL one; the functions that act on the session (<c>sleep</c>, <c>get_lock</c>,
/// <c>last_insert_id</c>, <c>nextval</c>, ...) are refused in both. MySQL 8's manual permits only
/// deterministic built-in functions and no variables, VIRTUAL or STORED (error 3763, 3765 for a
/// variable); there only what is plainly not deterministic is reported. A VIRTUAL column an index
/// covers is refused by MariaDB too, which is not judged here.
/// </summary>
internal static class MySqlGeneratedColumnFunctions
{
    // Accepted by MariaDB in a VIRTUAL column, refused in a STORED one; refused by MySQL 8 in any.
    private static readonly HashSet<string> NotOfTheRow = new(StringComparer.OrdinalIgnoreCase)
    {
        "rand", "uuid", "uuid_short", "sys_guid", "now", "current_timestamp", "localtime", "localtimestamp", "sysdate",
        "curdate", "current_date", "curtime", "current_time", "utc_timestamp", "utc_date", "utc_time",
        "connection_id", "user", "current_user", "session_user", "system_user", "current_role", "database", "schema",
    };

    // Refused by MariaDB and MySQL 8 in any generated column.
    private static readonly HashSet<string> OfTheSession = new(StringComparer.OrdinalIgnoreCase)
    {
        "last_insert_id", "found_rows", "row_count", "sleep", "benchmark", "get_lock", "release_lock", "is_free_lock",
        "nextval", "lastval",
    };

    // Written without parentheses, these are calls too.
    private static readonly HashSet<string> BareCalls = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_timestamp", "localtime", "localtimestamp", "current_date", "current_time", "utc_timestamp", "utc_date", "utc_time", "current_user", "current_role",
    };

    /// <summary>Reports the first function or variable of <paramref name="column"/>'s generation the server refuses; <see langword="true"/> then.</summary>
    public static bool Refuses(QualifiedName table, ColumnSpec column, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        if (!dialect.IsMySqlFamily() || column.GeneratedExpression is not { } expression) return false;
        var (tokens, lexed) = SqlLexer.Lex(expression, dialect);
        if (lexed.Count > 0) return false;
        var strict = column.GeneratedStored || dialect == SqlDialect.MySql; // Whether what is not of the row is refused too.
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (strict && SqlTokenText.IsSymbol(expression, token, '@'))
            {
                Report(table, column, "a variable (@...)", dialect == SqlDialect.MariaDb ? "1901" : "3765", context);
                return true;
            }

            if (token.Kind != SqlTokenKind.Word || (i > 0 && SqlTokenText.IsSymbol(expression, tokens[i - 1], '.'))) continue;
            var name = SqlTokenText.Raw(expression, token);
            var called = i + 1 < tokens.Count && SqlTokenText.IsSymbol(expression, tokens[i + 1], '(');
            if (!called && !BareCalls.Contains(name)) continue;
            if (OfTheSession.Contains(name) || (strict && NotOfTheRow.Contains(name) && !(dialect == SqlDialect.MySql && IsDeterministicInMySql(name))))
            {
                Report(table, column, name.ToLowerInvariant() + "()", dialect == SqlDialect.MariaDb ? "1901" : "3763", context);
                return true;
            }
        }

        return false;
    }

    // Names MariaDB refuses in a STORED column whose determinism under MySQL 8's manual is not plain.
    private static bool IsDeterministicInMySql(string name)
        => name.Equals("database", StringComparison.OrdinalIgnoreCase) || name.Equals("schema", StringComparison.OrdinalIgnoreCase);

    private static void Report(QualifiedName table, ColumnSpec column, string what, string error, ApplyContext context)
    {
        var (server, fix) = context.Rules.Dialect == SqlDialect.MariaDb
            ? ($"MariaDB error {error}, Function or expression cannot be used in the GENERATED ALWAYS AS clause", column.GeneratedStored ? "Make the column VIRTUAL (and leave it out of every index), or set the value with a DEFAULT or from the application" : "Set the value from the application instead")
            : ($"MySQL 8 error {error}: a generated column may use only deterministic built-in functions and no variables", "Set the value with a DEFAULT or from the application instead");
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"The server refuses generated column {context.Show(column.Name)} of {context.Show(table)}: its expression uses {what}, whose value is not the row's alone ({server}). {fix}.",
            column.At);
    }
}
