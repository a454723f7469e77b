namespace SchemaTasks.Tool;

/// <summary>The exit codes of <c>schematasks</c>, documented in docs/tool.md for deploy pipelines.</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked out.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found problems (an error diagnostic, a tampered migration, ...).</summary>
    public const int ProblemsFound = 1;

    /// <summary>The command line was wrong; nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary>The database could not be checked: unreachable, login refused, or a read denied.</summary>
    public const int CannotConnect = 3;

    /// <summary>Ctrl+C (SIGINT) or SIGTERM stopped the command; as shells report a process ended by SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;

    /// <summary>A bug in SchemaTasks; please report it with the message.</summary>
    public const int InternalError = 70;
}
