using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaTasks.Manifest;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// <c>--assembly</c> reads the manifest resources from the file with System.Reflection.Metadata:
/// the assembly is not loaded, so one rebuilt at the same path reads anew, and one compiled against
/// a runtime newer than the tool's reads all the same.
/// </summary>
public sealed class AssemblyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-assembly-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _migrations;

    public AssemblyFileTests()
    {
        _migrations = Path.Combine(_folder, "migrations");
        Directory.CreateDirectory(_migrations);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Manifest_OfAnAssembly_IsTheOneItsBuildEmbedded()
    {
        var dll = await BuildAsync("Fixture.Migrations", ("1_jobs.up.sql", "CREATE TABLE job (id int PRIMARY KEY);\n"));

        var (exit, output, error) = await ToolRun.RunAsync("manifest", "--assembly", dll);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("1_jobs.up.sql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssemblyRebuiltAtTheSamePath_IsReadAnew()
    {
        var dll = await BuildAsync("Fixture.Migrations", ("1_jobs.up.sql", "CREATE TABLE job (id int PRIMARY KEY);\n"));
        var first = await ToolRun.RunAsync("manifest", "--assembly", dll);
        await BuildAsync("Fixture.Migrations", ("2_runs.up.sql", "CREATE TABLE run (id int PRIMARY KEY);\n"));

        var second = await ToolRun.RunAsync("manifest", "--assembly", dll);

        Assert.True(second.Exit == ExitCodes.Success, second.Error);
        Assert.Contains("1_jobs.up.sql", first.Output, StringComparison.Ordinal);
        Assert.Contains("2_runs.up.sql", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssemblyForANewerRuntime_Reads()
    {
        var dll = await BuildAsync("Fixture.Migrations", ("1_jobs.up.sql", "CREATE TABLE job (id int PRIMARY KEY);\n"), runtimeVersion: new Version(99, 0, 0, 0));

        var (exit, output, error) = await ToolRun.RunAsync("manifest", "--assembly", dll);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("1_jobs.up.sql", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedMigration_InTheAssembly_IsST5003()
    {
        var dll = await BuildAsync("Fixture.Migrations", ("1_jobs.up.sql", "CREATE TABLE job (id int PRIMARY KEY);\n"), tamper: true);

        var (exit, _, error) = await ToolRun.RunAsync("manifest", "--assembly", dll);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Contains("error ST5003", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileThatIsNotAnAssembly_IsProblemsFound_InOneLine()
    {
        var file = Path.Combine(_folder, "notes.dll");
        await File.WriteAllTextAsync(file, "not an assembly");

        var (exit, _, error) = await ToolRun.RunAsync("manifest", "--assembly", file);

        Assert.Equal(ExitCodes.ProblemsFound, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task MigrateAndVerify_FromAnAssembly_AgainstARealDatabase()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var dll = await BuildAsync("Fixture.Migrations", ("1_jobs.up.sql", "CREATE TABLE job (id int PRIMARY KEY);\n"));

        var migrate = await ToolRun.RunAsync("migrate", "--assembly", dll, "--connection", db.ConnectionString);
        var verify = await ToolRun.RunAsync("verify", "--assembly", dll, "--connection", db.ConnectionString, "--history", "schematasks");

        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);
        Assert.True(verify.Exit == ExitCodes.Success, verify.Output + verify.Error);
    }

    // The resources a build embeds (manifest, snapshot, each migration), made by the tool's own
    // manifest and snapshot commands, compiled into an assembly with Roslyn.
    private async Task<string> BuildAsync(string name, (string File, string Sql) migration, Version? runtimeVersion = null, bool tamper = false)
    {
        foreach (var old in Directory.GetFiles(_migrations)) File.Delete(old);
        await File.WriteAllTextAsync(Path.Combine(_migrations, migration.File), migration.Sql);
        var manifest = await ToolRun.RunAsync("manifest", _migrations, "--dialect", "postgres");
        var snapshot = await ToolRun.RunAsync("snapshot", _migrations, "--dialect", "postgres");
        Assert.True(manifest.Exit == 0 && snapshot.Exit == 0, manifest.Error + snapshot.Error);

        var resources = new[]
        {
            Resource(EmbeddedResourceNames.Manifest, manifest.Output),
            Resource(EmbeddedResourceNames.Snapshot, snapshot.Output),
            Resource(EmbeddedResourceNames.ForMigration(migration.File), tamper ? migration.Sql + "DROP TABLE job;\n" : migration.Sql),
        };
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText("public sealed class Marker { }")],
            [runtimeVersion is null ? MetadataReference.CreateFromFile(typeof(object).Assembly.Location) : Runtime(runtimeVersion)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, name + ".dll");
        using (var file = File.Create(path))
        {
            var result = compilation.Emit(file, manifestResources: resources);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }

        return path;
    }

    private static ResourceDescription Resource(string name, string text) =>
        new(name, () => new MemoryStream(Encoding.UTF8.GetBytes(text)), isPublic: true);

    // A core library named System.Runtime with a version no runtime has yet: the fixture then
    // references it as an assembly built for that runtime does.
    private static MetadataReference Runtime(Version version)
    {
        const string Source = """
            namespace System
            {
                public class Object { }
                public abstract class ValueType { }
                public struct Void { }
                public struct Boolean { }
                public struct Int32 { }
                public sealed class String { }
                public abstract class Enum : ValueType { }
                public class Attribute { }
                public abstract class Delegate { }
                public abstract class MulticastDelegate : Delegate { }
                public sealed class Type { }
                public struct IntPtr { }
                public struct RuntimeTypeHandle { }
                public struct RuntimeMethodHandle { }
                public struct RuntimeFieldHandle { }
                public interface IDisposable { }
                public sealed class AttributeUsageAttribute : Attribute { public AttributeUsageAttribute(AttributeTargets targets) { } public bool AllowMultiple { get; set; } public bool Inherited { get; set; } }
                public enum AttributeTargets { All = 32767 }
            }
            """;
        var runtime = CSharpCompilation.Create(
            "System.Runtime",
            [CSharpSyntaxTree.ParseText(Source), CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")] namespace System.Reflection {{ public sealed class AssemblyVersionAttribute : System.Attribute {{ public AssemblyVersionAttribute(string version) {{ }} }} }}")],
            [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = runtime.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
