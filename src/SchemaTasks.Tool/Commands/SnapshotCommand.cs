using System.CommandLine;
using SchemaTasks.Diagnostics;
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
    public static Command Create()
    {
        var folder = new Argument<string?>("migrations-dir")
        {
            Description = "The migrations folder.",
            CustomParser = r => OptionParsing.ExistingFolder(r, "migrations folder"),
        };
        var dialect = ToolOptions.Dialect();
        var layout = ToolOptions.Layout();
        var outFile = new Option<string?>("--out")
        {
            HelpName = "file",
            Description = "Where to write the snapshot; standard output when left out.",
            CustomParser = OptionParsing.NewFile,
        };
        var historyTable = ToolOptions.HistoryTable();
        var placeholders = ToolOptions.FlywayPlaceholders();
        var popOptions = ToolOptions.PopOptions();
        var command = new Command("snapshot", "Write the schema snapshot the migrations produce.") { folder, dialect, layout, historyTable, placeholders, popOptions, outFile };
        CommandFailures.SetAction(command, (parse, output, error, _) =>
        {
            var settings = ToolOptions.WithPlaceholders(OptionParsing.Settings(parse.GetValue(layout), parse.GetValue(dialect)) with { HistoryTable = parse.GetValue(historyTable) }, parse.GetValue(placeholders));
            settings = ToolOptions.WithPopOptions(settings, parse.GetValue(popOptions));
            return Task.FromResult(Run(parse.GetValue(folder)!, settings, parse.GetValue(outFile), output, error));
        });
        return command;
    }

    private static int Run(string folder, MigrationFolderSettings settings, string? outFile, TextWriter output, TextWriter error)
    {
        if (CommandLineMigrationFolder.Read(folder, settings, error) is not { Set: { } set } reading)
        {
            return ExitCodes.ProblemsFound;
        }

        // The reader requires a dialect only when there are migrations; a snapshot always records one.
        var dialect = reading.Dialect
            ?? throw new UsageException($"the {set.Layout.ToName()} layout does not say which SQL dialect '{folder}' uses; add --dialect postgres or --dialect mysql.");
        var schema = SchemaEngine.BuildFinal(set, dialect);
        DiagnosticWriter.Write(schema.Diagnostics, folder, error);
        if (SchemaDiagnostic.AnyError(schema.Diagnostics))
        {
            return ExitCodes.ProblemsFound;
        }

        var snapshot = SchemaSnapshot.Create(set, schema.Catalog);
        if (outFile is null)
        {
            output.Write(SnapshotJson.Write(snapshot));
        }
        else
        {
            // Whole or nothing: a reader never sees half a snapshot.
            OutputPath.Write(outFile, file => SnapshotJson.Write(snapshot, file));
            error.WriteLine($"schematasks: wrote {outFile} ({set.Migrations.Count} migration{(set.Migrations.Count == 1 ? "" : "s")}, {dialect.ToName()}).");
        }

        return ExitCodes.Success;
    }
}
