namespace SchemaTasks;

/// <summary>
/// A problem a person has to fix — a tampered migration, a database in the wrong state —
/// as opposed to a bug. The message names the object and the fix; <see cref="Code"/> is the
/// stable diagnostic code documented in <c>docs/diagnostics.md</c>.
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
}
