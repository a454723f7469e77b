using System.CommandLine;
using SchemaTasks.Manifest;

namespace SchemaTasks.Tool.Commands;

/// <summary><c>schematasks manifest</c>: the manifest of a folder, or the verified one inside an assembly.</summary>
internal static class ManifestCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("migrations-dir")
        {
            Description = "The migrations folder.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = r => OptionParsing.ExistingFolder(r, "migrations folder"),
        };
        var assembly = ToolOptions.Assembly();
        var layout = ToolOptions.Layout();
        var dialect = ToolOptions.Dialect();
        var command = new Command("manifest", "Print the manifest a build would embed for a migrations folder, or the one embedded in an assembly after verifying every migration's checksum.")
        {
            folder, assembly, layout, dialect,
        };
        CommandFailures.SetAction(command, (parse, output, error, _) => Task.FromResult(Run(parse.GetValue(folder), parse.GetValue(assembly), parse.GetValue(layout), parse.GetValue(dialect), output, error)));
        return command;
    }

    private static int Run(string? folder, string? assemblyPath, Migrations.MigrationLayout? layout, SqlDialect? dialect, TextWriter output, TextWriter error)
    {
        if ((folder is null) == (assemblyPath is null))
        {
            throw new UsageException("give one migrations folder, or --assembly <dll>.");
        }

        if (assemblyPath is not null)
        {
            var migrations = EmbeddedMigrations.LoadFile(assemblyPath);
            output.Write(ManifestJson.Write(migrations.Manifest));
            return ExitCodes.Success;
        }

        var reading = CommandLineMigrationFolder.Read(folder!, OptionParsing.Settings(layout, dialect, requireDialect: false), error);
        if (reading?.Set is not { } set)
        {
            return ExitCodes.ProblemsFound;
        }

        output.Write(ManifestJson.Write(MigrationManifest.From(set, reading.Dialect)));
        return ExitCodes.Success;
    }
}
