namespace SchemaTasks.Tool.Tests;

/// <summary>The tool on a pop folder whose migrations render a connection option: <c>--pop-option name=value</c>.</summary>
public sealed class PopOptionToolTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-pop-" + Guid.NewGuid().ToString("N")[..8]);

    public PopOptionToolTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "1_init.up.sql"), "CREATE SCHEMA {{ index .Options \"Namespace\" }};\nCREATE TABLE {{ index .Options \"Namespace\" }}.t (id int);\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_WithoutTheValue_IsOneST1036_NamingTheOption_AndWithItBuildsTheSchema()
    {
        var missing = await ToolRun.RunAsync("snapshot", _folder, "--layout", "pop", "--dialect", "postgres");
        var given = await ToolRun.RunAsync("snapshot", _folder, "--layout", "pop", "--dialect", "postgres", "--pop-option", "Namespace=auth");
        var malformed = await ToolRun.RunAsync("snapshot", _folder, "--layout", "pop", "--dialect", "postgres", "--pop-option", "Namespace");

        Assert.Equal(ExitCodes.ProblemsFound, missing.Exit);
        Assert.Contains("1_init.up.sql(1,15): error ST1036: {{ index .Options \"Namespace\" }} is pop's connection option 'Namespace'", missing.Error, StringComparison.Ordinal);
        Assert.Contains("add --pop-option Namespace=<value>", missing.Error, StringComparison.Ordinal);
        Assert.Single(missing.Error.Split('\n'), l => l.Contains("error ST", StringComparison.Ordinal));
        Assert.True(given.Exit == ExitCodes.Success, given.Error);
        Assert.Contains("\"schema\": \"auth\"", given.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, malformed.Exit);
        Assert.Contains("--pop-option has 'Namespace', which is not name=value", malformed.Error, StringComparison.Ordinal);
    }
}
