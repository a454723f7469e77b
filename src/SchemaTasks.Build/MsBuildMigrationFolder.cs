using SchemaTasks.Migrations;

namespace SchemaTasks.Build;

/// <summary>The migrations folder as both tasks read it: through the core's one reader, its findings sent to MSBuild.</summary>
internal static class MsBuildMigrationFolder
{
    /// <summary>
    /// The folder read in the layout and dialect the properties ask for, or <see langword="null"/>
    /// after reporting why it cannot be read. Files no layout rule read are listed at normal verbosity.
    /// </summary>
    /// <param name="directory">The migrations folder.</param>
    /// <param name="layout">SchemaMigrationsLayout.</param>
    /// <param name="dialect">SchemaDialect.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="historyTable">SchemaMigrationsHistoryTable: the tool's history table when not its default.</param>
    public static MigrationFolderReading? Read(string directory, string? layout, string? dialect, DiagnosticLogger diagnostics, string? historyTable = null)
    {
        var settings = MigrationFolderSettings.Parse(layout, dialect, MigrationSettingNames.MsBuild, out var error);
        if (settings is null)
        {
            diagnostics.Report(error!);
            return null;
        }

        var reading = MigrationFolderReader.Read(directory, settings with { HistoryTable = historyTable });
        diagnostics.Report(reading.Diagnostics);
        return reading.Set is null ? null : reading;
    }
}
