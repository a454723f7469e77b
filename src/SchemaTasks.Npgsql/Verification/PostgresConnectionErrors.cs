using System.Net.Sockets;
using Npgsql;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Npgsql.Verification;

/// <summary>
/// Turns Npgsql's connection and permission errors into messages a person can act on. They name
/// the server as <see cref="PostgresConnectionInfo.Describe(string)"/> shows it, never the password.
/// </summary>
internal static class PostgresConnectionErrors
{
    public static SchemaTasksException Open(NpgsqlException error, string target)
    {
        if (error is PostgresException server)
        {
            return server.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new(
                    DiagnosticCodes.LoginRejected,
                    $"PostgreSQL at {target} refused the login: {server.MessageText}. Check the user name and password in the connection string, and that pg_hba.conf allows this client.",
                    error),
                PostgresErrorCodes.InvalidCatalogName => new(
                    DiagnosticCodes.LoginRejected,
                    $"PostgreSQL at {target} has no such database: {server.MessageText}. Check Database= in the connection string.",
                    error),
                _ => new(
                    DiagnosticCodes.CannotConnect,
                    $"PostgreSQL at {target} refused the connection: {server.MessageText} ({server.SqlState}).",
                    error),
            };
        }

        return new SchemaTasksException(
            DiagnosticCodes.CannotConnect,
            $"Cannot connect to PostgreSQL at {target}: {Reason(error)}. Check that the server is running and reachable from here, and the Host and Port in the connection string.",
            error);
    }

    /// <summary>The error for a failed read, or <see langword="null"/> when it is not about access.</summary>
    public static SchemaTasksException? Read(NpgsqlException error, string target) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied => new(
            DiagnosticCodes.ReadDenied,
            $"PostgreSQL at {target} denied a read the check needs: {denied.MessageText}. Grant the role SELECT on the migration history table.",
            error),
        PostgresException => null,
        _ => new(DiagnosticCodes.CannotConnect, $"The connection to PostgreSQL at {target} broke during the check: {Reason(error)}.", error),
    };

    // Npgsql's own message is "Failed to connect to 127.0.0.1:5432"; the socket's says why.
    private static string Reason(Exception error)
    {
        var reason = error.Message.TrimEnd('.');
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or TimeoutException or IOException)
            {
                return $"{reason} ({inner.Message.TrimEnd('.')})";
            }
        }

        return reason;
    }
}
