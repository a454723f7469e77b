using MySqlConnector;

namespace SchemaTasks.MySql;

/// <summary>Which server of the MySQL family a connection reached, and whether the build followed its rules.</summary>
internal static class MySqlServerFlavour
{
    /// <summary>
    /// MariaDB or MySQL, from the version the server sent in the handshake (the text
    /// <c>SELECT VERSION()</c> returns; MariaDB's contains <c>MariaDB</c>), so no query is spent on it.
    /// </summary>
    public static SqlDialect Of(MySqlConnection connection)
        => connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? SqlDialect.MariaDb : SqlDialect.MySql;

    /// <summary>
    /// The server's version as <c>SELECT VERSION()</c> shows it: MariaDB's handshake puts
    /// <c>5.5.5-</c> in front for old replication clients, which is left out.
    /// </summary>
    public static string Version(MySqlConnection connection)
    {
        const string ReplicationPrefix = "5.5.5-";
        var version = connection.ServerVersion;
        return version.StartsWith(ReplicationPrefix, StringComparison.Ordinal) && version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
            ? version[ReplicationPrefix.Length..]
            : version;
    }

    /// <summary>
    /// The rules to read the live schema by: the build's when it followed a server of the family
    /// (so a snapshot written for the other server compares as it was built), else the server's own.
    /// </summary>
    public static SqlDialect ReadingRules(SqlDialect? build, MySqlConnection connection)
        => build is { } dialect && dialect.IsMySqlFamily() ? dialect : Of(connection);

    /// <summary>
    /// A warning when the build followed the other server's rules than the one connected: its
    /// snapshot may hold CHECKs the server dropped (or never made), names it gave differently, and
    /// types it shows differently, so findings about them may be the build's, not the database's.
    /// </summary>
    public static SchemaTasks.Verification.VerificationFinding? Mismatch(SqlDialect build, MySqlConnection connection)
    {
        var server = Of(connection);
        if (!build.IsMySqlFamily() || build == server) return null;
        return new SchemaTasks.Verification.VerificationFinding(
            Diagnostics.DiagnosticSeverity.Warning,
            Diagnostics.DiagnosticCodes.ServerFlavourMismatch,
            connection.Database,
            $"The build followed {build.ServerName()}'s rules (dialect {build.ToName()}), but the server is {server.ServerName()} (version {Version(connection)}). The two treat CHECK constraints, JSON and integer display widths differently, so the snapshot may describe a schema this server does not make. Set SchemaDialect to {server.ToName()} (or --dialect {server.ToName()}) and rebuild.");
    }
}
