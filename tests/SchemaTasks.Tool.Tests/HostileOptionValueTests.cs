using System.CommandLine.Help;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// Every option and argument of every command, read from the command line's own definition (a new
/// option is covered without touching this file), given hostile values: quotes, a backquote, NUL,
/// 10,000 characters, a path that does not exist, a word where a number or a choice is due, and
/// an '@' that System.CommandLine would otherwise take for a response file.
/// Each must be a usage error (exit 2) with one line on standard error and no stack trace. The
/// rest of each command line is valid up to the database, which is unreachable: a value that
/// slipped through shows as exit 3, not 2.
/// </summary>
public sealed class HostileOptionValueTests : IDisposable
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=1";
    private const string MySql = "Server=127.0.0.1;Port=1;User ID=u;Password=p;Database=d;Connection Timeout=1";

    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["quotes"] = "it's \"quoted\"",
        ["backquote"] = "a`b",
        ["nul"] = "a\0b",
        ["long"] = new string('x', 10_000),
        ["missing-path"] = Path.Combine(Path.GetTempPath(), "schematasks-does-not-exist", "nothing.dll"),
        ["word"] = "abc",
        ["at-sign"] = "@" + Path.Combine(Path.GetTempPath(), "schematasks-does-not-exist", "arguments.rsp"),
    };

    // Values that are legal for an option: a file may be named with a quote or a backquote.
    private static readonly HashSet<(string Option, string Value)> Legal = [("--out", "quotes"), ("--out", "backquote")];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-hostile-" + Guid.NewGuid().ToString("N")[..8]);

    public HostileOptionValueTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "1_jobs.up.sql"), "CREATE TABLE job (id int PRIMARY KEY);\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var command in CommandLine.Create().Subcommands)
        {
            var symbols = command.Options.Where(o => o is not HelpOption).Select(o => (o.Name, Typed: o.ValueType != typeof(string)))
                .Concat(command.Arguments.Select(a => ($"<{a.Name}>", Typed: a.ValueType != typeof(string))));
            foreach (var (name, typed) in symbols)
            {
                foreach (var value in Values.Keys.Where(v => (typed || v != "word") && !Legal.Contains((name, v))))
                {
                    cases.Add(command.Name, name, value);
                }
            }
        }

        return cases;
    }

    public static TheoryData<string> Commands() => new(CommandLine.Create().Subcommands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task BaseCommandLine_IsValidUpToTheDatabase(string command)
    {
        var (exit, output, error) = await ToolRun.RunAsync([command, .. Base(command)]);

        // The database commands get as far as connecting (status reports that as a problem, 1; the others as 3).
        Assert.True(command is "manifest" or "snapshot" ? exit == ExitCodes.Success : exit is ExitCodes.CannotConnect or ExitCodes.ProblemsFound, $"exit {exit}\n{output}{error}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileValue_IsAOneLineUsageError(string command, string symbol, string value)
    {
        var args = With(command, symbol, Values[value]);

        var (exit, output, error) = await ToolRun.RunAsync([command, .. args]);

        Assert.True(exit == ExitCodes.UsageError, $"exit {exit}\n{output}{error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, error);
        Assert.StartsWith("schematasks: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Replace(" at most ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error);
        Assert.True(lines[0].Length < 1_000, $"{lines[0].Length} characters: {lines[0][..Math.Min(200, lines[0].Length)]}");
    }

    // Against a real server: before the check, the server refused the SQL and the tool printed
    // "internal error (MySqlException): Incorrect table name".
    [MySqlFact]
    public async Task Verify_HistoryTableWithABackquote_OnMySql_NamesTheCharactersAllowed()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();

        var (exit, _, error) = await ToolRun.RunAsync("verify", "--migrations", _folder, "--dialect", "mysql", "--connection", db.ConnectionString, "--history-table", "schema_`migrations");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--history-table is 'schema_`migrations'; a table name here is letters, digits, _ and $", error, StringComparison.Ordinal);
    }

    private string[] Base(string command) => command switch
    {
        "manifest" => [_folder],
        "snapshot" => [_folder, "--dialect", "postgres"],
        "verify" => ["--migrations", _folder, "--dialect", "mysql", "--connection", MySql],
        "migrate" or "status" or "repair" => ["--migrations", _folder, "--dialect", "postgres", "--connection", Postgres],
        _ => throw new InvalidOperationException($"Command '{command}' is new: give it a command line here that is valid up to the database."),
    };

    // The base command line with the one value replaced or added; the option's alternative
    // (--migrations for --assembly, the folder for manifest's --assembly) is taken out.
    private string[] With(string command, string symbol, string value)
    {
        var args = Base(command).ToList();
        if (symbol.StartsWith('<'))
        {
            args[args.IndexOf(_folder)] = value;
            return [.. args];
        }

        if (symbol == "--assembly")
        {
            var at = args.IndexOf("--migrations");
            if (at >= 0) args.RemoveRange(at, 2);
            else args.Remove(_folder);
        }

        var index = args.IndexOf(symbol);
        if (index >= 0) args[index + 1] = value;
        else args.AddRange([symbol, value]);
        return [.. args];
    }
}
