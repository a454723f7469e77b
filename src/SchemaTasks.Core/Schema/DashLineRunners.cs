using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: how the folder's migration tool runs a line that starts with <c>--</c> and no space,
/// between statements (<c>--#2274</c> in icinga2's schema). The server reads it as two minus
/// signs before the next statement and refuses that statement (error 1064); the mysql client and
/// goose drop the line before the server sees it. The engine reads it as they do (a comment), so
/// the outcome depends only on the tool.
/// </summary>
internal static class DashLineRunners
{
    /// <summary>The finding for such a line, for a folder of <paramref name="layout"/> (null: SQL that is no folder's migration).</summary>
    public static SchemaDiagnostic Report(SqlLexDiagnostic lex, MigrationLayout? layout, string? file)
        => DropsLine(layout)
            ? SchemaDiagnostic.Warning(lex.Code, WarningMessage, file, lex.Line, lex.Column)
            : SchemaDiagnostic.Error(lex.Code, ErrorMessage, file, lex.Line, lex.Column);

    // Plain folders are run with the mysql client, which drops a line starting with '--' while no
    // statement is open (client/mysql.cc, add_line). goose's parser drops a line whose trimmed
    // text starts with '--' before a statement (internal/sqlparser/parser.go). The others send the
    // file, or each statement with the comments before it, as written: golang-migrate and dbmate
    // send the whole file in one call; Flyway is counted among them (not verified).
    private static bool DropsLine(MigrationLayout? layout) => layout is MigrationLayout.Plain or MigrationLayout.Goose;

    private const string Fix = "Write '-- ' with a space after the dashes, which every tool and the server read as a comment.";

    private const string ErrorMessage =
        "This line starts with '--' and no space. MySQL reads '--' as a comment only when a space, a tab or a line break follows it, and this folder's migration tool sends the file to the server as written: the server reads two minus signs (and a '#' after them as a comment) before the next statement, refuses that statement (error 1064) and the migration stops there, keeping the DDL before it. "
        + Fix;

    private const string WarningMessage =
        "This line starts with '--' and no space. The mysql client (plain folders) and goose drop such a line before a statement, and SchemaTasks reads it so; but MySQL reads '--' as a comment only when a space, a tab or a line break follows it, so a tool that sends the file as written has the server read two minus signs before the next statement and refuse it (error 1064). "
        + Fix;
}
