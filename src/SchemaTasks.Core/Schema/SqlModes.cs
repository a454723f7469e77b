namespace SchemaTasks.Schema;

/// <summary>
/// What a MySQL sql_mode says of how <c>||</c> and <c>NOT</c> read (<see cref="MySqlOperatorMode"/>).
/// The modes that include PIPES_AS_CONCAT are MariaDB's documented combinations (checked on
/// MariaDB 10.11: under ANSI, <c>1 || 0</c> is '10'); MySQL 8 keeps only ANSI of them.
/// </summary>
internal static class SqlModes
{
    private static readonly string[] ConcatenatingModes = ["PIPES_AS_CONCAT", "ANSI"];

    private static readonly string[] MariaDbConcatenatingModes = ["DB2", "MAXDB", "MSSQL", "POSTGRESQL"];

    // ORACLE's || passes over NULL ('a' || NULL is 'a' on MariaDB 10.11), and HIGH_NOT_PRECEDENCE moves NOT: neither is followed.
    private static readonly string[] UnfollowedModes = ["ORACLE", "HIGH_NOT_PRECEDENCE"];

    /// <summary>The reading under <c>SET sql_mode = 'mode'</c>; <paramref name="mode"/> null for a value that is no string literal.</summary>
    public static MySqlOperatorMode OperatorMode(string? mode, bool isDefault, SqlDialect dialect)
    {
        if (mode is null) return isDefault ? MySqlOperatorMode.Default : MySqlOperatorMode.Unknown;
        var concatenates = false;
        foreach (var part in mode.Split(','))
        {
            var name = part.Trim();
            if (Names(UnfollowedModes, name)) return MySqlOperatorMode.Unknown;
            concatenates |= Names(ConcatenatingModes, name) || (dialect == SqlDialect.MariaDb && Names(MariaDbConcatenatingModes, name));
        }

        return concatenates ? MySqlOperatorMode.PipesAsConcat : MySqlOperatorMode.Default;
    }

    private static bool Names(string[] modes, string name) => Array.Exists(modes, m => m.Equals(name, StringComparison.OrdinalIgnoreCase));
}
