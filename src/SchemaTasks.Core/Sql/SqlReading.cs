namespace SchemaTasks.Sql;

/// <summary>
/// The session settings that change how the server reads the text of the statements after them:
/// which quote makes a string and whether a backslash escapes in one. The default is what a new
/// session reads (MySQL/MariaDB's default sql_mode; PostgreSQL's standard_conforming_strings on).
/// </summary>
[System.Flags] // Spelled out: the analyzer compiles this file without implicit usings.
internal enum SqlReading : byte
{
    /// <summary>A new session's reading.</summary>
    Default = 0,

    /// <summary>MySQL's ANSI_QUOTES (alone or within ANSI and MariaDB's DB2, MAXDB, MSSQL, ORACLE, POSTGRESQL): <c>"x"</c> is a name, not a string.</summary>
    AnsiQuotes = 1,

    /// <summary>MySQL's NO_BACKSLASH_ESCAPES: a backslash in a string is itself, so <c>'a\'</c> is the two characters a and \.</summary>
    NoBackslashEscapes = 2,

    /// <summary>PostgreSQL's standard_conforming_strings off: an ordinary <c>'...'</c> string takes backslash escapes, as <c>E'...'</c> does.</summary>
    BackslashEscapes = 4,
}
