using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>The servers' own limits where a migration meets them: name lengths and columns per table.</summary>
internal static class ServerLimits
{
    /// <summary>PostgreSQL's MaxHeapAttributeNumber (error 54011).</summary>
    public const int PostgresMaxColumns = 1600;

    /// <summary>MySQL's and MariaDB's hard limit for any engine (InnoDB stops at 1,017, but the engine is the server's choice).</summary>
    public const int MySqlMaxColumns = 4096;

    public static int MaxColumns(IdentifierRules rules) => rules.Dialect == SqlDialect.Postgres ? PostgresMaxColumns : MySqlMaxColumns;

    /// <summary>Warns where PostgreSQL shortens a written name, as its NOTICE does.</summary>
    public static void ReportTruncated(SqlStatement statement, ApplyContext context)
    {
        foreach (var name in statement.TruncatedNames)
        {
            context.Warning(
                DiagnosticCodes.IdentifierTruncated,
                $"The name {context.Show(name.Written)} is longer than PostgreSQL's 63 bytes; the server truncates it to {context.Show(name.Kept)}, so that is the object's name (and any other name with the same first 63 bytes is the same object). Shorten the name to {context.Show(name.Kept)} or less.",
                name.At);
        }
    }

    /// <summary>Reports and returns false when a table would get more columns than the server allows.</summary>
    public static bool CheckColumnCount(QualifiedName table, int count, ApplyContext context, SqlToken at)
    {
        var max = MaxColumns(context.Rules);
        if (count <= max) return true;
        var server = context.IsPostgres ? "PostgreSQL refuses it (error 54011: tables can have at most 1600 columns)" : "MySQL and MariaDB refuse it (error 1117: too many columns)";
        context.Error(DiagnosticCodes.TooManyColumns, $"Table {context.Show(table)} would have {count} columns, more than {max}; {server}. Split the table.", at);
        return false;
    }
}
