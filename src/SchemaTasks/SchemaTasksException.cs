using System.Globalization;

namespace SchemaTasks;

/// <summary>
/// A problem a person has to fix — a tampered migration, a database in the wrong state —
/// as opposed to a bug. The message names the object and the fix; <see cref="Code"/> is the
/// stable diagnostic code documented in <c>docs/diagnostics.md</c>, and <see cref="Kind"/> what it means.
/// </summary>
public class SchemaTasksException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaTasksException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The stable diagnostic code, such as <c>ST5003</c>.</summary>
    public string Code { get; }

    /// <summary>What the error means — a connection problem, a schema mismatch, changed embedded migrations, a migrator failure — from the range of <see cref="Code"/>.</summary>
    public SchemaTasksErrorKind Kind => KindOf(Code);

    private static SchemaTasksErrorKind KindOf(string code) =>
        code.Length == 6 && code.StartsWith("ST", StringComparison.Ordinal)
        && int.TryParse(code.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number switch
            {
                >= 5001 and <= 5009 => SchemaTasksErrorKind.EmbeddedMigrations,
                >= 5010 and <= 5099 => SchemaTasksErrorKind.Connection,
                >= 6000 and <= 6999 => SchemaTasksErrorKind.SchemaMismatch,
                >= 7000 and <= 7999 => SchemaTasksErrorKind.Migration,
                _ => SchemaTasksErrorKind.Other,
            }
            : SchemaTasksErrorKind.Other;
}
