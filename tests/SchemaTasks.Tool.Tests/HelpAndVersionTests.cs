using System.CommandLine.Help;

namespace SchemaTasks.Tool.Tests;

/// <summary><c>--help</c> on every command and <c>--version</c>, run as a process as a person types them.</summary>
public sealed class HelpAndVersionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Commands() => new(CommandLine.Create().Subcommands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_HasItsOwnHelp_ListingEachOfItsOptions(string name)
    {
        var command = CommandLine.Create().Subcommands.Single(c => c.Name == name);
        using var tool = ToolProcess.Start([name, "--help"]);

        var (exit, output, error) = await tool.WaitAsync(Patience);

        Assert.True(exit == ExitCodes.Success, output + error);
        Assert.Contains($"schematasks {name}", output, StringComparison.Ordinal);
        foreach (var option in command.Options.Where(o => o is not HelpOption))
        {
            Assert.Contains(option.Name, output, StringComparison.Ordinal);
        }

        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task RootHelp_ListsEveryCommand()
    {
        using var tool = ToolProcess.Start(["--help"]);

        var (exit, output, error) = await tool.WaitAsync(Patience);

        Assert.True(exit == ExitCodes.Success, output + error);
        foreach (var command in CommandLine.Create().Subcommands)
        {
            Assert.Contains(command.Name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_PrintsTheOverview_AndIsAUsageError()
    {
        var (exit, output, _) = await ToolRun.RunAsync();

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("verify", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheToolsVersion()
    {
        using var tool = ToolProcess.Start(["--version"]);

        var (exit, output, error) = await tool.WaitAsync(Patience);

        Assert.True(exit == ExitCodes.Success, output + error);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task OldYesForm_OfAFlag_SaysTheFlagTakesNoValue()
    {
        var (exit, _, error) = await ToolRun.RunAsync("repair", "--migrations", Path.GetTempPath(), "--apply", "yes");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--apply is a flag and takes no value; write --apply alone", error, StringComparison.Ordinal);
    }
}
