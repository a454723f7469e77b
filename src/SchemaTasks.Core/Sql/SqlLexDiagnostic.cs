namespace SchemaTasks.Sql;

/// <summary>A problem found while lexing, located in the migration file.</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Message">What is wrong and the fix; empty when <paramref name="Kind"/> leaves the wording to the engine.</param>
/// <param name="Line">The file line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Kind">Whether its severity and message depend on the folder's migration tool (the engine words those).</param>
internal readonly record struct SqlLexDiagnostic(string Code, string Message, int Line, int Column, SqlLexDiagnosticKind Kind = SqlLexDiagnosticKind.Error);

/// <summary>How the engine reports a <see cref="SqlLexDiagnostic"/>.</summary>
internal enum SqlLexDiagnosticKind : byte
{
    /// <summary>An error, with the lexer's message.</summary>
    Error,

    /// <summary>
    /// MySQL: a line starting with <c>--</c> and no space, between statements. The mysql client and
    /// goose drop it, a tool that sends the file as written has the server refuse the statement after it.
    /// </summary>
    DashLineBetweenStatements,

    /// <summary>
    /// MySQL: a <c>--</c> and no space inside a statement, which the server reads as two minus
    /// signs: an error in a statement the engine reads or one that starts with it, nothing in
    /// another (<c>SELECT 1--1</c> is 2 to the server, and changes no tracked object).
    /// </summary>
    DashesInStatement,

    /// <summary>
    /// PostgreSQL: a backtick outside strings and quoted names, which the server refuses unless an
    /// operator of that name exists: the engine passes it over in a statement about operators.
    /// </summary>
    PostgresBacktick,

    /// <summary>
    /// MySQL: an executable comment whose version gate depends on the server: a warning in a
    /// statement the engine reads, nothing in another (a dump's <c>/*!100616 SET ... */</c>).
    /// </summary>
    UndecidedVersionComment,

    /// <summary>
    /// PostgreSQL: the first psql command of a file (a line or line end starting with a backslash).
    /// psql runs it; a tool that sends the file to the server has it refused (SQLSTATE 42601).
    /// </summary>
    PsqlCommand,
}
