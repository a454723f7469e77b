using System.Text;

namespace SchemaTasks.Sql;

/// <summary>
/// psql replaces <c>:name</c>, <c>:'name'</c> and <c>:"name"</c> with the values <c>\set</c> gave
/// before it sends a statement. The engine's tokens point into the migration's text, so a migration
/// that sets variables is read once to find the uses psql replaces, and the engine then reads the
/// text with the values written in. Lines stay where they were (no value holds a line break).
/// </summary>
internal static class PsqlVariables
{
    /// <summary>The text psql sends for <paramref name="sql"/>: itself when it sets no variable, or when no use is replaced.</summary>
    /// <param name="sql">A migration.</param>
    /// <param name="dialect">Its dialect: only PostgreSQL's are read by psql.</param>
    public static string Interpolate(string sql, SqlDialect dialect)
    {
        // Most migrations hold no \set: one vectorized search, nothing lexed.
        if (dialect != SqlDialect.Postgres || sql.IndexOf("\\set", StringComparison.Ordinal) < 0) return sql;
        var found = new List<PsqlInterpolation>();
        var reader = new SqlStatementReader(sql, dialect, 1, [], psql: new PsqlScript { Interpolations = found });
        while (reader.Read())
        {
        }

        if (found.Count == 0) return sql;
        var text = new StringBuilder(sql.Length + 16);
        var at = 0;
        foreach (var use in found)
        {
            text.Append(sql, at, use.Start - at).Append(use.Value);
            at = use.Start + use.Length;
        }

        return text.Append(sql, at, sql.Length - at).ToString();
    }
}
