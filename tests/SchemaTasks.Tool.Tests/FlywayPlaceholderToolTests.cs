namespace SchemaTasks.Tool.Tests;

/// <summary>The tool on a Flyway folder whose migrations hold placeholders: <c>--placeholder name=value</c>.</summary>
public sealed class FlywayPlaceholderToolTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-flyway-" + Guid.NewGuid().ToString("N")[..8]);

    public FlywayPlaceholderToolTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "V1__init.sql"), "CREATE SCHEMA ${schema};\nCREATE TABLE ${schema}.t (id int);\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Snapshot_WithoutTheValue_IsOneST1030_NamingTheOption_AndWithItBuildsTheSchema()
    {
        var missing = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres");
        var given = await ToolRun.RunAsync("snapshot", _folder, "--dialect", "postgres", "--placeholder", "schema=app");

        Assert.Equal(ExitCodes.ProblemsFound, missing.Exit);
        Assert.Contains("V1__init.sql(1,15): error ST1030: Flyway placeholder '${schema}' has no value", missing.Error, StringComparison.Ordinal);
        Assert.Contains("add --placeholder schema=<value>", missing.Error, StringComparison.Ordinal);
        Assert.Single(missing.Error.Split('\n'), l => l.Contains("error ST", StringComparison.Ordinal));
        Assert.True(given.Exit == ExitCodes.Success, given.Error);
        Assert.Contains("\"schema\": \"app\"", given.Output, StringComparison.Ordinal);
    }
}
