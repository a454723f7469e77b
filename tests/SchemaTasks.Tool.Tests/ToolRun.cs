namespace SchemaTasks.Tool.Tests;

/// <summary>Runs the tool's command line in process, capturing what it prints.</summary>
internal static class ToolRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
