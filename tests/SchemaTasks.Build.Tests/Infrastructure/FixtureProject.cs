using System.Text;

namespace SchemaTasks.Build.Tests.Infrastructure;

/// <summary>
/// A copy of a fixture project in its own temporary folder, outside the repository, with a
/// NuGet.config that points at the freshly packed packages — a user's project in miniature.
/// </summary>
internal sealed class FixtureProject : IDisposable
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);

    private FixtureProject(string root, string projectDirectory)
    {
        Root = root;
        ProjectDirectory = projectDirectory;
    }

    /// <summary>The temporary folder that plays the repository.</summary>
    public string Root { get; }

    /// <summary>The folder of the project that is built.</summary>
    public string ProjectDirectory { get; }

    /// <summary>Copies fixture <paramref name="project"/> to a new folder, as <c>&lt;root&gt;/&lt;projectFolder&gt;</c>.</summary>
    public static FixtureProject Create(string project, string projectFolder = "app")
    {
        var root = Path.Combine(Path.GetTempPath(), "schematasks-tests", Guid.NewGuid().ToString("N")[..12]);
        var projectDirectory = Path.Combine(root, projectFolder);
        CopyDirectory(Path.Combine(RepositoryLayout.FixturesDirectory, project), projectDirectory);
        var fixture = new FixtureProject(root, projectDirectory);
        fixture.WriteRepositoryFiles();
        return fixture;
    }

    /// <summary>Copies the migrations fixture <paramref name="migrations"/> to <paramref name="relativeTarget"/> (relative to the project).</summary>
    public string AddMigrations(string migrations, string relativeTarget = "Migrations")
    {
        var target = Path.GetFullPath(Path.Combine(ProjectDirectory, relativeTarget));
        CopyDirectory(Path.Combine(RepositoryLayout.FixturesDirectory, "Migrations", migrations), target);
        return target;
    }

    /// <summary>Copies the code file <paramref name="name"/> from Fixtures/Code into the project.</summary>
    public FixtureProject WithCode(string name)
    {
        File.Copy(Path.Combine(RepositoryLayout.FixturesDirectory, "Code", name), Path.Combine(ProjectDirectory, name));
        return this;
    }

    /// <summary>Sets an MSBuild property for every build of this fixture, as a user's project file would.</summary>
    public FixtureProject WithProperty(string name, string value)
    {
        _properties[name] = value;
        WriteRepositoryFiles();
        return this;
    }

    /// <summary>Adds MSBuild items or targets for every build, as a user's Directory.Build.targets would.</summary>
    public FixtureProject WithTargets(string projectContent)
    {
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), $"<Project>\n{projectContent}\n</Project>\n");
        return this;
    }

    public string PathOf(string relative) => Path.Combine(ProjectDirectory, relative);

    /// <summary>The manifest the build wrote under obj/.</summary>
    public string ReadGeneratedManifest()
        => File.ReadAllText(Directory.GetFiles(Path.Combine(ProjectDirectory, "obj"), "manifest.json", SearchOption.AllDirectories).Single());

    public Task<DotnetResult> BuildAsync(params string[] arguments)
        => DotnetAsync(["build", "-nologo", "-nodeReuse:false", .. arguments]);

    public Task<DotnetResult> DotnetAsync(params string[] arguments)
        => DotnetCommand.RunAsync(ProjectDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageCache.Location }, arguments);

    /// <summary>Runs the built application (Debug configuration unless <paramref name="configuration"/> says otherwise).</summary>
    public Task<DotnetResult> RunBuiltAppAsync(string configuration = "Debug")
    {
        var assembly = Directory.GetFiles(Path.Combine(ProjectDirectory, "bin", configuration), "App.dll", SearchOption.AllDirectories).Single();
        return DotnetCommand.RunAsync(ProjectDirectory, new Dictionary<string, string>(), assembly);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; never fail a test over cleanup.
        }
    }

    private void WriteRepositoryFiles()
    {
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="schematasks" value="{RepositoryLayout.PackagesDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <!-- SchemaTasks only from the packages just packed, never from a feed. -->
              <packageSourceMapping>
                <packageSource key="schematasks">
                  <package pattern="SchemaTasks" />
                  <package pattern="SchemaTasks.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        var properties = new StringBuilder();
        properties.AppendLine($"    <SchemaTasksVersion>{RepositoryLayout.PackageVersion}</SchemaTasksVersion>");
        foreach (var (name, value) in _properties)
        {
            properties.AppendLine($"    <{name}>{value}</{name}>");
        }

        // Stops MSBuild from looking further up the temp folder for build settings.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
            {properties}  </PropertyGroup>
            </Project>
            """);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
