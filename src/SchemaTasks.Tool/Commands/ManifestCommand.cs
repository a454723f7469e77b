using System.Reflection;
using SchemaTasks.Manifest;

namespace SchemaTasks.Tool.Commands;

/// <summary><c>schematasks manifest</c>: the manifest of a folder, or the verified one inside an assembly.</summary>
internal static class ManifestCommand
{
    public static int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var assemblyPath = arguments.Option("assembly");
        var layoutText = arguments.Option("layout");
        var dialectText = arguments.Option("dialect");
        arguments.RejectUnknown();

        if (assemblyPath is not null)
        {
            var migrations = EmbeddedMigrations.Load(Assembly.LoadFrom(Path.GetFullPath(assemblyPath)));
            output.Write(ManifestJson.Write(migrations.Manifest));
            return ExitCodes.Success;
        }

        if (arguments.Positional.Count != 1)
        {
            throw new UsageException("give one migrations folder, or --assembly <dll>.");
        }

        var layout = OptionParsing.Layout(layoutText);
        var dialect = OptionParsing.Dialect(dialectText);
        var reading = MigrationFolder.Read(arguments.Positional[0], OptionParsing.Settings(layout, dialect, requireDialect: false), error);
        if (reading?.Set is not { } set)
        {
            return ExitCodes.ProblemsFound;
        }

        output.Write(ManifestJson.Write(MigrationManifest.From(set, reading.Dialect)));
        return ExitCodes.Success;
    }
}
