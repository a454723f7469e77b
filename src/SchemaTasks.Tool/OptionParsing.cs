using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>Reads the <c>--layout</c> and <c>--dialect</c> options by the core's rules, with the option names in the message.</summary>
internal static class OptionParsing
{
    public static MigrationLayout? Layout(string? text) => Parse(text, null).Layout;

    public static SqlDialect? Dialect(string? text) => Parse(null, text).Dialect;

    /// <summary>The settings a folder is read with; <paramref name="requireDialect"/> is false where no schema is built.</summary>
    public static MigrationFolderSettings Settings(MigrationLayout? layout, SqlDialect? dialect, bool requireDialect = true) =>
        new() { Layout = layout, Dialect = dialect, RequireDialect = requireDialect, Names = MigrationSettingNames.CommandLine };

    private static MigrationFolderSettings Parse(string? layout, string? dialect) =>
        MigrationFolderSettings.Parse(layout, dialect, MigrationSettingNames.CommandLine, out var error)
            ?? throw new UsageException(error!.Message);
}
