using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// After <c>SET NAMES latin1</c> (or another charset than UTF-8) the server reads the statements'
/// bytes in that charset: the UTF-8 <c>'é'</c> of a migration becomes <c>'Ã©'</c> in an ENUM, a
/// default or a name (checked on MariaDB 10.11). What it stores then depends on the file's bytes
/// and the charset's table, which SchemaTasks does not model, so a statement that writes a
/// non-ASCII name or value is reported and applied as written. Setting <c>collation_database</c>
/// or <c>character_set_database</c> changes nothing SchemaTasks tracks: new tables take the
/// database's own defaults (also checked on 10.11).
/// </summary>
internal static class MySqlClientCharset
{
    /// <summary>Reports the statement's first non-ASCII name or string, if the session reads it in another charset.</summary>
    public static void Check(string sql, List<SqlToken> tokens, ApplyContext context)
    {
        if (context.Session.ClientCharset is not { } charset) return;
        foreach (var token in tokens)
        {
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String) || IsAscii(sql.AsSpan(token.Start, token.Length))) continue;
            context.Warning(
                DiagnosticCodes.ClientCharsetText,
                $"This statement writes non-ASCII text ({SqlTokenText.ForMessage(sql, token)}) after SET NAMES {charset} (or character_set_client): the server reads the migration's bytes as {charset}, so the names and values it stores may differ from the text as written (UTF-8 'é' read as latin1 is 'Ã©'), and the snapshot keeps them as written. Remove the SET NAMES, or set a UTF-8 charset (SET NAMES utf8mb4) before this statement.",
                token);
            return;
        }
    }

    /// <summary>Whether every character of <paramref name="text"/> is ASCII.</summary>
    internal static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F') return false;
        }

        return true;
    }
}
