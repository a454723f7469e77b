using System.CommandLine;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Tool;

/// <summary>
/// Runs a command's action and turns every failure into a one-line message and an exit code:
/// a person gets a message, never a stack trace; Ctrl+C gets its own exit code.
/// </summary>
internal static class CommandFailures
{
    /// <summary>What a command does with its parsed options, its writers and the token Ctrl+C cancels.</summary>
    public delegate Task<int> Run(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    public static void SetAction(Command command, Run run) =>
        command.SetAction((parse, cancellationToken) => RunAsync(command, parse, run, cancellationToken));

    private static async Task<int> RunAsync(Command command, ParseResult parse, Run run, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var arguments = parse.Tokens.Select(t => t.Value).ToList();
        try
        {
            return await run(parse, output, error, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever the driver threw once the token fired (OperationCanceledException, or an error
            // of the connection it closed) is the cancellation, not a problem to report.
            await error.WriteLineAsync($"schematasks: {command.Name} cancelled; {Cancelled(command.Name)}");
            return ExitCodes.Cancelled;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync(ShownValue.OneLine($"schematasks: {ex.Message} Run 'schematasks {command.Name} --help' for usage.", arguments));
            return ExitCodes.UsageError;
        }
        catch (SchemaTasksException ex)
        {
            await error.WriteLineAsync(ShownValue.OneLine($"schematasks: error {ex.Code}: {ex.Message}", arguments));
            return ExitCode(ex.Code);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            await error.WriteLineAsync(ShownValue.OneLine($"schematasks: {ex.Message}", arguments));
            return ExitCodes.ProblemsFound;
        }
#pragma warning disable CA1031 // The last line of defence: a person gets a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync(ShownValue.OneLine($"schematasks: internal error ({ex.GetType().Name}): {ex.Message}. Please report this with the command you ran.", arguments));
            return ExitCodes.InternalError;
        }
    }

    // What the database holds after a cancelled command, so the next step is clear.
    private static string Cancelled(string command) => command switch
    {
        "migrate" => "a migration that ran in a transaction was rolled back and stays pending; run 'schematasks status' to see where it stopped.",
        "repair" => "a plan that ran in a transaction was rolled back; run 'schematasks repair' again to see the plan.",
        _ => "nothing was changed.",
    };

    // Deploy pipelines branch on these: "fix the input", "fix the database" and "cannot reach it" differ.
    private static int ExitCode(string code) => code switch
    {
        DiagnosticCodes.InvalidConnectionString or DiagnosticCodes.DialectMismatch or DiagnosticCodes.DialectRequired => ExitCodes.UsageError,
        DiagnosticCodes.CannotConnect or DiagnosticCodes.LoginRejected or DiagnosticCodes.ReadDenied => ExitCodes.CannotConnect,
        _ => ExitCodes.ProblemsFound,
    };
}
