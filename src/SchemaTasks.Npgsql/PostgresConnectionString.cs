using System.Data.Common;
using Npgsql;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Npgsql;

/// <summary>
/// Parses connection strings into Npgsql's builder, turning its errors into ST5010 messages
/// that name the offending key but never a value: values include passwords, and a value
/// that fails to parse may be a password that leaked into the next entry.
/// </summary>
internal static class PostgresConnectionString
{
    internal static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);

        DbConnectionStringBuilder entries;
        try
        {
            entries = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            // The framework's message is safe, but its index points into the secret-bearing text.
            throw Invalid(
                "The PostgreSQL connection string is not a list of key=value entries separated by ';'. "
                + "Quote a value that contains ';' or '=' (for example Password=\"a;b\").");
        }

        var builder = new NpgsqlConnectionStringBuilder();
        string? previousKey = null;
        foreach (string key in entries.Keys)
        {
            try
            {
                builder[key] = entries[key];
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException
                or InvalidCastException or OverflowException or NotSupportedException)
            {
                // No inner exception: Npgsql's message quotes the rejected value.
                throw Invalid(IsPasswordKey(previousKey)
                    ? "The PostgreSQL connection string has an entry after the password that Npgsql does not accept. "
                      + "If the password contains ';', quote it (for example Password=\"a;b\")."
                    : $"The PostgreSQL connection string key '{AsWritten(connectionString, key)}' is not supported by Npgsql, or its value is invalid. "
                      + "Check the key's spelling and value against the Npgsql connection string documentation.");
            }

            previousKey = key;
        }

        return builder;
    }

    // DbConnectionStringBuilder lower-cases keys; the message should show the key as typed.
    // Only text equal to the key (ignoring case) is echoed, so no value can leak through.
    private static string AsWritten(string connectionString, string key)
    {
        var index = connectionString.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? key : connectionString.Substring(index, key.Length);
    }

    private static bool IsPasswordKey(string? key) =>
        string.Equals(key, "password", StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, "pwd", StringComparison.OrdinalIgnoreCase);

    private static SchemaTasksException Invalid(string message) =>
        new(DiagnosticCodes.InvalidConnectionString, message);
}
