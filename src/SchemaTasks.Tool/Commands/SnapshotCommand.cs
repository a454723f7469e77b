using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks snapshot &lt;migrations-dir&gt;</c>: the same snapshot the build writes, for
/// repositories whose backend is not .NET. Nothing is written when any error is found.
/// </summary>
internal static class SnapshotCommand
{
    public static int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var layout = OptionParsing.Layout(arguments.Option("layout"));
        var dialectOption = OptionParsing.Dialect(arguments.Option("dialect"));
        var outFile = arguments.Option("out");
        arguments.RejectUnknown();
        if (arguments.Positional.Count != 1)
        {
            throw new UsageException("give one migrations folder: schematasks snapshot <migrations-dir> [--dialect postgres|mysql|mariadb] [--layout <layout>] [--out <file>].");
        }

        var folder = arguments.Positional[0];
        var discovery = MigrationDiscovery.Discover(MigrationFolder.Read(folder), layout);
        DiagnosticWriter.Write(discovery.Diagnostics, folder, error);
        if (discovery.Set is not { } set)
        {
            return ExitCodes.ProblemsFound;
        }

        if ((dialectOption ?? set.Dialect) is not { } dialect)
        {
            throw new UsageException($"the {set.Layout.ToName()} layout does not say which SQL dialect '{folder}' uses; add --dialect postgres or --dialect mysql (MySQL 8), or --dialect mariadb.");
        }

        var schema = SchemaEngine.Build(set, dialect);
        DiagnosticWriter.Write(schema.Diagnostics, folder, error);
        if (schema.HasErrors)
        {
            return ExitCodes.ProblemsFound;
        }

        var json = SnapshotJson.Write(SchemaSnapshot.Create(set, schema.Final));
        if (outFile is null)
        {
            output.Write(json);
        }
        else
        {
            // Whole or nothing: a reader never sees half a snapshot.
            var temporary = outFile + ".tmp";
            File.WriteAllText(temporary, json);
            File.Move(temporary, outFile, overwrite: true);
            error.WriteLine($"schematasks: wrote {outFile} ({set.Migrations.Count} migrations, {dialect.ToName()}).");
        }

        return ExitCodes.Success;
    }
}
