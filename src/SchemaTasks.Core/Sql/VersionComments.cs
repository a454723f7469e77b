namespace SchemaTasks.Sql;

/// <summary>Whether the server runs what a MySQL executable comment holds.</summary>
internal enum VersionCommentGate : byte
{
    /// <summary>Every release the dialect stands for runs it as SQL.</summary>
    Runs,

    /// <summary>No release the dialect stands for runs it: it is a comment.</summary>
    Skipped,

    /// <summary>Some releases the dialect stands for run it and some do not.</summary>
    Undecided,
}

/// <summary>
/// The version gates of executable comments: <c>/*!NNNNN ... */</c> runs on a server whose version
/// is at least NNNNN, and MariaDB's <c>/*M!NNNNNN ... */</c> only on MariaDB. A dialect stands for
/// a range of releases (docs/dialects.md: MySQL 8.0 and later, MariaDB 10.5 and later), so a gate
/// inside that range depends on the server that runs the migration.
/// </summary>
internal static class VersionComments
{
    // MySQL 8.0's first GA release (8.0.11): the earlier 8.0 numbers were never production servers.
    private const int MySqlLowest = 80011;

    private const int MariaDbLowest = 100500;

    // MariaDB, forked from MySQL 5.5, skips the gates of MySQL 5.7 to 9.x (50700 to 99999), whose
    // syntax it may not share; its own /*M! comments are exempt (checked on MariaDB 10.11).
    private const int MariaDbSkipsMySqlFrom = 50700;

    // mariadb-dump's sandbox line is gated at 99.99.99 so that no server runs it.
    private const int NoRelease = 999999;

    /// <summary>The gate of a comment for <paramref name="dialect"/>.</summary>
    /// <param name="dialect">A MySQL-family dialect.</param>
    /// <param name="mariaDbOnly">Whether the comment opened with <c>/*M!</c>.</param>
    /// <param name="digits">How many digits follow the <c>!</c> (0 when the comment has no version).</param>
    /// <param name="version">Their value.</param>
    public static VersionCommentGate Gate(SqlDialect dialect, bool mariaDbOnly, int digits, int version)
    {
        // MySQL reads /*M! as a plain comment, whatever follows.
        if (dialect != SqlDialect.MariaDb && mariaDbOnly) return VersionCommentGate.Skipped;

        // No version, or a length no server reads as one: run as written (the servers differ on the
        // rest, and no dump writes it).
        if (digits is not (5 or 6)) return VersionCommentGate.Runs;
        if (dialect == SqlDialect.MariaDb)
        {
            if (digits == 5) return mariaDbOnly || version < MariaDbSkipsMySqlFrom ? VersionCommentGate.Runs : VersionCommentGate.Skipped;
            if (version == NoRelease) return VersionCommentGate.Skipped;
            return version <= MariaDbLowest ? VersionCommentGate.Runs : VersionCommentGate.Undecided;
        }

        // MySQL 8.0 reads five digits as the version and the sixth as SQL; later releases may read six.
        if (digits == 6) return VersionCommentGate.Undecided;
        return version <= MySqlLowest ? VersionCommentGate.Runs : VersionCommentGate.Undecided;
    }
}
