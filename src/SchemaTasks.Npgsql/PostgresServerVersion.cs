using Npgsql;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Npgsql;

/// <summary>
/// The PostgreSQL versions SchemaTasks reads: 12 and later, the oldest and newest of which the
/// tests run on. Older servers lack catalog columns the reads use (<c>pg_attribute.attgenerated</c>),
/// so they are refused by name before any query rather than with the server's error about a column.
/// </summary>
internal static class PostgresServerVersion
{
    /// <summary>The oldest major version SchemaTasks supports.</summary>
    public const int OldestSupported = 12;

    /// <summary>Throws <c>ST5019</c> when <paramref name="version"/>, from the connection's handshake, is older than <see cref="OldestSupported"/>.</summary>
    /// <param name="version">The server version, as <see cref="NpgsqlConnection.PostgreSqlVersion"/> gives it.</param>
    /// <param name="target">The server as the messages name it.</param>
    /// <exception cref="SchemaTasksException"><c>ST5019</c>.</exception>
    public static void RequireSupported(Version version, string target)
    {
        if (version.Major >= OldestSupported) return;
        throw new SchemaTasksException(
            DiagnosticCodes.UnsupportedServerVersion,
            $"PostgreSQL at {target} is version {version}; SchemaTasks reads PostgreSQL {OldestSupported} and later. Upgrade the server.");
    }
}
