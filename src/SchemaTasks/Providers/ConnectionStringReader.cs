using System.Data.Common;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Providers;

/// <summary>
/// Reads a connection string into a driver's builder for SchemaTasks providers, turning the
/// driver's errors into <c>ST5010</c> messages that name the offending key but never a value:
/// values include passwords, and a value that fails to parse may be a password that leaked
/// into the next entry.
/// </summary>
public static class ConnectionStringReader
{
    /// <summary>Copies every entry of <paramref name="connectionString"/> into <paramref name="builder"/>.</summary>
    /// <param name="connectionString">The user's connection string.</param>
    /// <param name="builder">The driver's builder, such as <c>NpgsqlConnectionStringBuilder</c>.</param>
    /// <param name="database">The database product, for messages (<c>PostgreSQL</c>).</param>
    /// <param name="driver">The driver, for messages (<c>Npgsql</c>).</param>
    /// <returns><paramref name="builder"/>, filled.</returns>
    /// <exception cref="SchemaTasksException"><c>ST5010</c>: the string is malformed, or the driver rejects a key or value.</exception>
    public static TBuilder Read<TBuilder>(string connectionString, TBuilder builder, string database, string driver)
        where TBuilder : DbConnectionStringBuilder
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(builder);

        DbConnectionStringBuilder entries;
        try
        {
            entries = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            // The framework's message is safe, but its index points into the secret-bearing text.
            throw Invalid(
                $"The {database} connection string is not a list of key=value entries separated by ';'. "
                + "Quote a value that contains ';' or '=' (for example Password=\"a;b\").");
        }

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
                // No inner exception: the driver's message quotes the rejected value.
                throw Invalid(IsPasswordKey(previousKey)
                    ? $"The {database} connection string has an entry after the password that {driver} does not accept. "
                      + "If the password contains ';', quote it (for example Password=\"a;b\")."
                    : $"The {database} connection string key '{AsWritten(connectionString, key)}' is not supported by {driver}, or its value is invalid. "
                      + $"Check the key's spelling and value against the {driver} connection string documentation.");
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
