using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL: a backtick outside strings, comments and quoted names, as a MySQL script quotes
/// names (apache/shenyu's released PostgreSQL scripts had one in an INSERT). The server reads it
/// as an operator character: a statement with one is refused (checked on PostgreSQL 15: 42601
/// where a name is expected, 42883 between values) unless an operator of that name exists. The
/// lexer reports it; this passes over the finding in a statement about operators, and once the
/// migrations created an operator, which may be the one used.
/// </summary>
internal static class PostgresBackticks
{
    // CREATE [OR REPLACE] OPERATOR, ALTER OPERATOR, DROP OPERATOR [IF EXISTS], COMMENT ON OPERATOR: the word comes within as many tokens.
    private const int OperatorWordWithin = 4;

    /// <summary>Removes, from the findings added since <paramref name="from"/>, the backtick ones inside the reader's current statement when the server may accept it.</summary>
    public static void PassOverOperators(List<SqlLexDiagnostic> diagnostics, int from, ISqlStatementSource reader, string sql, bool madeOperators)
    {
        if (!madeOperators && !NamesOperator(sql, reader)) return;
        StatementLexFindings.Remove(diagnostics, from, SqlLexDiagnosticKind.PostgresBacktick, (reader.First.Line, reader.First.Column), reader.Last);
    }

    private static bool NamesOperator(string sql, ISqlStatementSource reader)
    {
        var tokens = reader.Tokens;
        for (var i = 1; i < tokens.Count && i <= OperatorWordWithin; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "OPERATOR")) return true;
        }

        return false;
    }
}
