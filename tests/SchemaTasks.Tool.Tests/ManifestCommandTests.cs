namespace SchemaTasks.Tool.Tests;

public sealed class ManifestCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-tool-" + Guid.NewGuid().ToString("N")[..8]);

    public ManifestCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FolderManifest_ListsMigrationsInOrderWithChecksums()
    {
        Write("10_c.sql", "SELECT 3;\n");
        Write("2_b.sql", "SELECT 2;\n");

        var (exit, output, error) = await ToolRun.RunAsync("manifest", _folder);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(output.IndexOf("\"2_b\"", StringComparison.Ordinal) < output.IndexOf("\"10_c\"", StringComparison.Ordinal), output);
        Assert.Contains($"\"sha256\": \"{Migrations.MigrationChecksum.Compute("SELECT 2;\n")}\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MixedLayouts_ExitWithProblemsFoundAndTheCode()
    {
        Write("V1__flyway.sql", "SELECT 1;\n");
        Write("2_golang.up.sql", "SELECT 1;\n");

        var (exit, output, error) = await ToolRun.RunAsync("manifest", _folder);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Equal("", output);
        Assert.Contains("error ST1003", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFolder_IsAUsageErrorNamingIt()
    {
        var missing = Path.Combine(_folder, "nope");

        var (exit, _, error) = await ToolRun.RunAsync("manifest", missing);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains($"'{missing}' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderNamedWithAnAtSign_IsAFolder_NotAResponseFile()
    {
        // Relative, so the argument itself starts with '@', as a response file's name would.
        var relative = "@schematasks-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(relative);
        try
        {
            File.WriteAllText(Path.Combine(relative, "1_a.sql"), "SELECT 1;\n");

            var (exit, output, error) = await ToolRun.RunAsync("manifest", relative);

            Assert.True(exit == ExitCodes.Success, error);
            Assert.Contains("1_a.sql", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(relative, recursive: true);
        }
    }

    [Fact]
    public async Task MisspelledOption_IsRejectedNotIgnored()
    {
        Write("1_a.sql", "SELECT 1;\n");

        var (exit, _, error) = await ToolRun.RunAsync("manifest", _folder, "--dialekt", "postgres");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("Unrecognized command or argument '--dialekt'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssemblyWithoutManifest_ExitsWithProblemsFoundAndTheCode()
    {
        var (exit, _, error) = await ToolRun.RunAsync("manifest", "--assembly", typeof(ManifestCommandTests).Assembly.Location);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Contains("error ST5001", error, StringComparison.Ordinal);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
