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
/// variable); there only what is plainly not deterministic is reported. MariaDB also refuses, in
/// any generated column, a subquery and a call of a function that is not built in (a stored
/// function, qualified or created by the migrations), and an index (KEY, UNIQUE, FULLTEXT) over a
/// VIRTUAL column whose value is not the row's alone; MySQL 8's errors for those were not checked.
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

    /// <summary>Whether built-in function <paramref name="name"/> gives a value that is not the row's alone (time, random, session and user functions).</summary>
    public static bool IsNotOfTheRow(string name) => NotOfTheRow.Contains(name);

    /// <summary>Whether built-in function <paramref name="name"/> acts on the session (<c>sleep</c>, <c>get_lock</c>, <c>last_insert_id</c>, <c>nextval</c>, ...).</summary>
    public static bool IsOfTheSession(string name) => OfTheSession.Contains(name);

    /// <summary>Reports the first function or variable of <paramref name="column"/>'s generation the server refuses; <see langword="true"/> then.</summary>
    public static bool Refuses(QualifiedName table, ColumnSpec column, ApplyContext context)
    {
        var dialect = context.Rules.Dialect;
        if (!dialect.IsMySqlFamily() || column.GeneratedExpression is not { } expression) return false;
        var strict = column.GeneratedStored || dialect == SqlDialect.MySql; // Whether what is not of the row is refused too.
        if (FirstRefused(expression, dialect, strict, context.Session) is not { } refused) return false;
        Report(table, column, refused.What, refused.Error, context);
        return true;
    }

    /// <summary>
    /// MariaDB: reports an index of <paramref name="table"/> over a VIRTUAL column whose value is
    /// not the row's alone (error 1901, also for FULLTEXT); <see langword="true"/> then. A primary
    /// key over any generated column is another error (1903), left to the server.
    /// </summary>
    public static bool RefusesIndexed(CatalogTable table, SqlToken at, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || !HasVirtualColumn(table)) return false;
        foreach (var key in table.Keys.Values)
        {
            if (key.Kind is not (ConstraintKind.PlainIndex or ConstraintKind.Unique)) continue;
            foreach (var name in key.Columns)
            {
                if (table.FindColumn(name, SqlDialect.MariaDb) is not { GeneratedExpression: { } expression, GeneratedStored: false } column) continue;
                if (FirstRefused(expression, SqlDialect.MariaDb, strict: true, context.Session) is not { } refused) continue;
                context.Error(
                    DiagnosticCodes.GeneratedColumnFunctionRefused,
                    $"The server refuses an index over generated column {context.Show(column.Name)} of {context.Show(table.Name)}: the column is VIRTUAL and its expression uses {refused.What}, whose value is not the row's alone, which MariaDB takes in a VIRTUAL column only while no index covers it (MariaDB error 1901, Function or expression cannot be used in the GENERATED ALWAYS AS clause). Leave the column out of the index, or set the value from the application.",
                    at);
                return true;
            }
        }

        return false;
    }

    private static bool HasVirtualColumn(CatalogTable table)
    {
        foreach (var column in table.Columns)
        {
            if (column is { GeneratedExpression: not null, GeneratedStored: false }) return true;
        }

        return false;
    }

    // The first function, variable or subquery of the expression the server refuses, with its error.
    private static (string What, string Error)? FirstRefused(string expression, SqlDialect dialect, bool strict, MySqlSession session)
    {
        var (tokens, lexed) = SqlLexer.Lex(expression, dialect);
        if (lexed.Count > 0) return null;
        var mariaDb = dialect == SqlDialect.MariaDb;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (strict && SqlTokenText.IsSymbol(expression, token, '@')) return ("a variable (@...)", mariaDb ? "1901" : "3765");
            if (token.Kind != SqlTokenKind.Word) continue;
            var qualified = i > 0 && SqlTokenText.IsSymbol(expression, tokens[i - 1], '.');
            var called = i + 1 < tokens.Count && SqlTokenText.IsSymbol(expression, tokens[i + 1], '(');
            if (mariaDb && SqlTokenText.IsWord(expression, token, "SELECT")) return ("a subquery", "1901");
            if (qualified)
            {
                // db.f(...) names a stored function: built-in ones are never qualified.
                if (mariaDb && called && i >= 2) return ($"stored function {SqlTokenText.Raw(expression, tokens[i - 2])}.{SqlTokenText.Raw(expression, token)}()", "1901");
                continue;
            }

            var name = SqlTokenText.Raw(expression, token);
            if (mariaDb && called && session.StoredFunctions.Contains(name)) return ($"stored function {name}() (which the migrations create)", "1901");
            if (!called && !BareCalls.Contains(name)) continue;
            if (OfTheSession.Contains(name) || (strict && NotOfTheRow.Contains(name) && !(dialect == SqlDialect.MySql && IsDeterministicInMySql(name))))
            {
                return (name.ToLowerInvariant() + "()", mariaDb ? "1901" : "3763");
            }
        }

        return null;
    }

    // Names MariaDB refuses in a STORED column whose determinism under MySQL 8's manual is not plain.
    private static bool IsDeterministicInMySql(string name)
        => name.Equals("database", StringComparison.OrdinalIgnoreCase) || name.Equals("schema", StringComparison.OrdinalIgnoreCase);

    private static void Report(QualifiedName table, ColumnSpec column, string what, string error, ApplyContext context)
    {
        var (server, fix) = context.Rules.Dialect == SqlDialect.MariaDb
            ? ($"MariaDB error {error}, Function or expression cannot be used in the GENERATED ALWAYS AS clause", column.GeneratedStored && !what.StartsWith("stored", StringComparison.Ordinal) && what != "a subquery" ? "Make the column VIRTUAL (and leave it out of every index), or set the value with a DEFAULT or from the application" : "Set the value from the application instead")
            : ($"MySQL 8 error {error}: a generated column may use only deterministic built-in functions and no variables", "Set the value with a DEFAULT or from the application instead");
        context.Error(
            DiagnosticCodes.GeneratedColumnFunctionRefused,
            $"The server refuses generated column {context.Show(column.Name)} of {context.Show(table)}: its expression uses {what}, whose value is not the row's alone ({server}). {fix}.",
            column.At);
    }
}
