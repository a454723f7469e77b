using System.CommandLine;
using System.CommandLine.Invocation;
using SchemaTasks.Tool.Commands;

namespace SchemaTasks.Tool;

/// <summary>
/// The <c>schematasks</c> command line, on System.CommandLine: per-command help, flags, parse-time
/// validation and Ctrl+C cancellation. A parse error is one line and exit code 2.
/// </summary>
internal static class CommandLine
{
    /// <summary>How long a cancelled command has to roll back and print its message before the process ends anyway.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    // No response files: a value starting with '@' (a folder, a password in a connection string)
    // is that value, never the name of a file whose words replace it.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Every command and option the tool has; the tests enumerate it.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Keeps SQL migrations, C# enums and the live database in agreement. Exit codes: 0 success, 1 problems found, 2 usage error, 3 cannot connect to or read the database, 130 cancelled.")
        {
            ManifestCommand.Create(),
            SnapshotCommand.Create(),
            VerifyCommand.Create(),
            MigrateCommand.Create(),
            StatusCommand.Create(),
            RepairCommand.Create(),
        };
        return root;
    }

    /// <summary>
    /// Runs the command line. <paramref name="handleTermination"/> turns Ctrl+C and SIGTERM into
    /// cancellation of the running command; the process's own entry point sets it, tests in
    /// process leave it off.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool handleTermination = false)
    {
        var root = Create();
        if (args.Length == 0)
        {
            // No command: the overview, and a usage error for a script that forgot one.
            await root.Parse(["--help"]).InvokeAsync(Configuration(output, error, handleTermination));
            return ExitCodes.UsageError;
        }

        var parse = root.Parse(args, Parsing);
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command is RootCommand ? "schematasks" : $"schematasks {parse.CommandResult.Command.Name}";
            var message = FlagWithValue(parse, args) ?? ShownValue.OneLine(Sentence(FirstError(parse)), args);
            await error.WriteLineAsync($"schematasks: {message} Run '{command} --help' for usage.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(Configuration(output, error, handleTermination));
    }

    private static InvocationConfiguration Configuration(TextWriter output, TextWriter error, bool handleTermination) => new()
    {
        Output = output,
        Error = error,
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = handleTermination ? CancelGrace : null,
    };

    // Flags took 'yes' before System.CommandLine (--apply yes); say so rather than "unrecognized 'yes'".
    private static string? FlagWithValue(ParseResult parse, string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "yes" or "no"
                && parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == args[i - 1]) is { ValueType: var type, Name: var name }
                && type == typeof(bool))
            {
                var fix = args[i] == "yes" ? $"write {name} alone" : "leave it out to keep it off";
                return $"{name} is a flag and takes no value; {fix} (the '{name} {args[i]}' form is gone).";
            }
        }

        return null;
    }

    // A mistyped command or option says more than "required command was not provided", which
    // System.CommandLine lists first for an unknown command.
    private static string FirstError(ParseResult parse) =>
        (parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parse.Errors[0]).Message;

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";
}
