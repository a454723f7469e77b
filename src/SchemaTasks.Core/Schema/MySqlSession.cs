namespace SchemaTasks.Schema;

/// <summary>
/// MySQL/MariaDB session settings that change which statements the server refuses; shared by the
/// whole run, as a runner that keeps one connection carries them from one migration to the next.
/// </summary>
internal sealed class MySqlSession
{
    /// <summary>
    /// Whether <c>SET foreign_key_checks = 0</c> (or OFF) was the last word on the setting: the
    /// server then lets a statement drop the index a foreign key needs (checked on MariaDB 10.11).
    /// A value SchemaTasks cannot read, such as mysqldump's closing
    /// <c>SET FOREIGN_KEY_CHECKS = @OLD_FOREIGN_KEY_CHECKS</c>, is taken as the default, on.
    /// </summary>
    public bool ForeignKeyChecksOff { get; set; }

    /// <summary>
    /// Whether the last <c>SET sql_mode</c> gave a literal mode without STRICT_TRANS_TABLES,
    /// STRICT_ALL_TABLES or TRADITIONAL: the server then only notes some definitions it refuses in
    /// the default, strict mode (a value listed twice in an ENUM or SET). A value SchemaTasks cannot
    /// read, such as a saved mode being restored, is taken as the default, strict.
    /// </summary>
    public bool StrictModeOff { get; set; }

    /// <summary>
    /// Whether the last <c>SET sql_mode</c> gave a literal mode with ALLOW_INVALID_DATES: the server
    /// then takes a day past its month (<c>'2019-02-29'</c>) in a DATE or DATETIME.
    /// </summary>
    public bool AllowsInvalidDates { get; set; }

    /// <summary>
    /// How <c>||</c> and <c>NOT</c> read under the last <c>SET sql_mode</c>: the default until one
    /// names PIPES_AS_CONCAT, and unknown after one SchemaTasks cannot read (<see cref="MySqlOperatorMode"/>).
    /// </summary>
    public MySqlOperatorMode OperatorMode { get; set; }

    /// <summary>
    /// Whether a <c>CREATE</c> or <c>ALTER DATABASE</c> (or <c>SCHEMA</c>) of the migrations gave a
    /// default collation that may compare case (any but a known case-insensitive one) or the binary
    /// charset: tables that name no collation or charset of their own then take it.
    /// </summary>
    public bool DatabaseCollationMayCompareCase { get; set; }

    /// <summary>
    /// The stored functions the migrations created (dropped or not): MariaDB refuses a call of one,
    /// as of any function that is not built in, in a generated column (error 1901, checked on 10.11).
    /// </summary>
    public HashSet<string> StoredFunctions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The charset the last <c>SET NAMES</c>, <c>SET CHARACTER SET</c> or <c>SET character_set_client</c>
    /// named when it is not a UTF-8 one: the server then reads the statements' text in it, so the
    /// UTF-8 text of a migration's non-ASCII names and values is not what it stores
    /// (<see cref="MySqlClientCharset"/>). <see langword="null"/> for a UTF-8 charset, and for a value
    /// SchemaTasks cannot read (<c>DEFAULT</c>, a saved value being restored), taken as the runner's own.
    /// </summary>
    public string? ClientCharset { get; set; }
}
