using SchemaTasks.Diagnostics;
using SchemaTasks.Tool.Commands;

namespace SchemaTasks.Tool;

/// <summary>Dispatches <c>schematasks &lt;command&gt;</c> and turns every failure into a message and an exit code.</summary>
internal static class CommandLine
{
    private const string Usage = """
        Usage: schematasks <command> [options]

        Commands:
          manifest <migrations-dir> [--layout <layout>] [--dialect postgres|mysql|mariadb]
                                      Print the manifest a build would embed for the folder.
          manifest --assembly <dll>   Print the manifest embedded in an assembly, after
                                      verifying every migration's checksum.
          snapshot <migrations-dir> [--dialect postgres|mysql|mariadb] [--layout <layout>] [--out <file>]
                                      Write the schema snapshot the migrations produce
                                      (standard output unless --out is given).
          verify (--migrations <dir> | --assembly <dll>) --connection <connection string>
                 [--dialect postgres|mysql|mariadb] [--layout <layout>] [--history <kind>]
                 [--history-schema <schema>] [--history-table <table>] [--format text|json]
                                      Check a live database against the migrations: pending,
                                      failed, edited and unknown migrations, and live enum /
                                      CHECK values. The connection string may come from the
                                      SCHEMATASKS_CONNECTION environment variable instead.
          migrate (--migrations <dir> | --assembly <dll>) [--connection <cs>] [--dialect ...] [--lock-timeout <s>]
                                      Apply the pending migrations, recorded in schematasks_history.
          status (--migrations <dir> | --assembly <dll>) [--connection <cs>] [--dialect ...]
                                      List applied, pending and failed migrations.
          repair (--migrations <dir> | --assembly <dll>) [--connection <cs>] [--to before|after]
                 [--apply yes] [--allow-data-loss yes]
                                      Show the statements that take a failed migration back to
                                      the schema before it (default) or forward to after it;
                                      run them with --apply yes (dropping data needs
                                      --allow-data-loss yes).
                                      The connection defaults to SCHEMATASKS_CONNECTION.

        Exit codes: 0 success, 1 problems found, 2 usage error, 3 cannot connect to or read the database.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        try
        {
            var arguments = new Arguments(args.Skip(1));
            return args[0] switch
            {
                "manifest" => ManifestCommand.Run(arguments, output, error),
                "snapshot" => SnapshotCommand.Run(arguments, output, error),
                "verify" => await VerifyCommand.RunAsync(arguments, output, error, CancellationToken.None),
                "migrate" => await MigrateCommand.RunAsync(arguments, output, error),
                "status" => await StatusCommand.RunAsync(arguments, output, error),
                "repair" => await RepairCommand.RunAsync(arguments, output, error),
                _ => throw new UsageException($"unknown command '{args[0]}'."),
            };
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"schematasks: {ex.Message}");
            await error.WriteLineAsync("Run 'schematasks --help' for usage.");
            return ExitCodes.UsageError;
        }
        catch (SchemaTasksException ex)
        {
            await error.WriteLineAsync($"schematasks: error {ex.Code}: {ex.Message}");
            return ExitCode(ex.Code);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            await error.WriteLineAsync($"schematasks: {ex.Message}");
            return ExitCodes.ProblemsFound;
        }
#pragma warning disable CA1031 // The last line of defence: a person gets a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"schematasks: internal error ({ex.GetType().Name}): {ex.Message}. Please report this with the command you ran.");
            return ExitCodes.InternalError;
        }
    }

    // Deploy pipelines branch on these: "fix the input", "fix the database" and "cannot reach it" differ.
    private static int ExitCode(string code) => code switch
    {
        DiagnosticCodes.InvalidConnectionString or DiagnosticCodes.DialectMismatch or DiagnosticCodes.DialectRequired => ExitCodes.UsageError,
        DiagnosticCodes.CannotConnect or DiagnosticCodes.LoginRejected or DiagnosticCodes.ReadDenied => ExitCodes.CannotConnect,
        _ => ExitCodes.ProblemsFound,
    };
}
