namespace SchemaTasks.Schema;

/// <summary>
/// How the server reads <c>||</c> and <c>NOT</c> under the session's sql_mode, which a stored
/// routine keeps from the moment it was created.
/// </summary>
internal enum MySqlOperatorMode
{
    /// <summary>The default modes of MySQL 8 and MariaDB: <c>||</c> is OR, <c>NOT</c> binds looser than a comparison.</summary>
    Default,

    /// <summary>PIPES_AS_CONCAT, alone or within ANSI (and MariaDB's DB2, MAXDB, MSSQL, POSTGRESQL): <c>||</c> joins strings.</summary>
    PipesAsConcat,

    /// <summary>A mode SchemaTasks cannot read (a saved one restored, an expression), or one with HIGH_NOT_PRECEDENCE or ORACLE (whose <c>||</c> passes over NULL).</summary>
    Unknown,
}
