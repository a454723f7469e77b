using System.Net.Sockets;
using MySqlConnector;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.MySql.Verification;

/// <summary>
/// Turns MySqlConnector's connection and permission errors into messages a person can act on.
/// They name the server as <see cref="MySqlConnectionInfo.Describe(string)"/> shows it, never the password.
/// </summary>
internal static class MySqlConnectionErrors
{
    public static SchemaTasksException Open(MySqlException error, string target) => error.ErrorCode switch
    {
        MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied => new(
            DiagnosticCodes.LoginRejected,
            $"MySQL or MariaDB at {target} refused the login: {error.Message.TrimEnd('.')}. Check the user name and password in the connection string, and that the user may connect from this host.",
            error),
        MySqlErrorCode.UnknownDatabase => new(
            DiagnosticCodes.LoginRejected,
            $"MySQL or MariaDB at {target} has no such database: {error.Message.TrimEnd('.')}. Check Database= in the connection string.",
            error),
        _ => new(
            DiagnosticCodes.CannotConnect,
            $"Cannot connect to MySQL or MariaDB at {target}: {Reason(error)}. Check that the server is running and reachable from here, and the Server and Port in the connection string.",
            error),
    };

    /// <summary>The error for a failed read, or <see langword="null"/> when it is not about access.</summary>
    public static SchemaTasksException? Read(MySqlException error, string target) => error.ErrorCode switch
    {
        MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied or MySqlErrorCode.DatabaseAccessDenied => new(
            DiagnosticCodes.ReadDenied,
            $"MySQL or MariaDB at {target} denied a read the check needs: {error.Message.TrimEnd('.')}. Grant the user SELECT on the migration history table.",
            error),
        MySqlErrorCode.UnableToConnectToHost => new(
            DiagnosticCodes.CannotConnect,
            $"The connection to MySQL or MariaDB at {target} broke during the check: {Reason(error)}.",
            error),
        _ => null,
    };

    // MySqlConnector's own message is "Unable to connect to any of the specified MySQL hosts"; the socket's says why.
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
