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
    /// <param name="flywayPlaceholders">SchemaFlywayPlaceholders: Flyway's placeholder values, <c>name=value</c> pairs separated by ';'.</param>
    /// <param name="flywayPlaceholderReplacement">SchemaFlywayPlaceholderReplacement: <c>false</c> when Flyway is configured not to replace placeholders.</param>
    /// <param name="popOptions">SchemaPopOptions: the connection options pop renders into its migrations, <c>name=value</c> pairs separated by ';'.</param>
    public static MigrationFolderReading? Read(string directory, string? layout, string? dialect, DiagnosticLogger diagnostics, string? historyTable = null, string? flywayPlaceholders = null, string? flywayPlaceholderReplacement = null, string? popOptions = null)
    {
        var settings = MigrationFolderSettings.Parse(layout, dialect, MigrationSettingNames.MsBuild, out var error);
        var values = FlywayPlaceholderSettings.ParseValues((flywayPlaceholders ?? string.Empty).Split(';'), "SchemaFlywayPlaceholders", out var placeholderError);
        var options = MigrationFolderSettings.ParsePopOptions((popOptions ?? string.Empty).Split(';'), "SchemaPopOptions", out var optionError);
        if (settings is null || values is null || options is null)
        {
            diagnostics.Report(error ?? placeholderError ?? optionError!);
            return null;
        }

        var placeholders = new FlywayPlaceholderSettings
        {
            Values = values,
            Replace = !string.Equals(flywayPlaceholderReplacement?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        };
        var reading = MigrationFolderReader.Read(directory, settings with { HistoryTable = historyTable, FlywayPlaceholders = placeholders, PopOptions = options });
        diagnostics.Report(reading.Diagnostics);
        return reading.Set is null ? null : reading;
    }
}
