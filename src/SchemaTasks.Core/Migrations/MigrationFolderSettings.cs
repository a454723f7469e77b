using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>How to read a migrations folder: the settings every front door (build, tool, runtime) takes.</summary>
public sealed record MigrationFolderSettings
{
    /// <summary>The layout to read, or <see langword="null"/> to detect it from the file names.</summary>
    public MigrationLayout? Layout { get; init; }

    /// <summary>The dialect the migrations are written in, or <see langword="null"/> for the one the layout declares (Prisma's lock file).</summary>
    public SqlDialect? Dialect { get; init; }

    /// <summary>
    /// When true (the default), migrations whose dialect is neither set nor declared are an
    /// error (<c>ST1008</c>): the schema cannot be built without it. The manifest alone does not need it.
    /// </summary>
    public bool RequireDialect { get; init; } = true;

    /// <summary>
    /// The table the folder's migration tool keeps its history in, when it is configured to use
    /// another than its default (Flyway's <c>table</c> setting, DataEase's <c>de_standalone_version</c>);
    /// <see langword="null"/> or empty for the default. The tool creates it before the first
    /// migration, so a migration may change it, as it may the default one (docs/migrator.md).
    /// </summary>
    public string? HistoryTable { get; init; }

    /// <summary>The placeholder values Flyway is given, and whether it replaces placeholders (read only in the Flyway layout).</summary>
    public FlywayPlaceholderSettings FlywayPlaceholders { get; init; } = FlywayPlaceholderSettings.Default;

    /// <summary>
    /// The connection options pop is given (its <c>options</c>), by exact name: pop renders
    /// <c>{{ index .Options "name" }}</c> and <c>{{ .Options.name }}</c> in a migration from them
    /// before running it (read only in the pop layout).
    /// </summary>
    public IReadOnlyDictionary<string, string> PopOptions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads pop's connection options from <c>name=value</c> pairs; <see langword="null"/> with <paramref name="error"/> for one without '=' or a name.</summary>
    /// <param name="pairs">The pairs, as the user wrote them.</param>
    /// <param name="setting">The setting's name, for the message.</param>
    /// <param name="error">What is wrong (<c>ST1006</c>).</param>
    public static IReadOnlyDictionary<string, string>? ParsePopOptions(IEnumerable<string> pairs, string setting, out SchemaDiagnostic? error)
        => NameValuePairs.Parse(pairs, setting, "write each pop connection option as name=value (the name as the migrations write it after .Options)", out error);

    /// <summary>How the settings are named in messages.</summary>
    public MigrationSettingNames Names { get; init; } = MigrationSettingNames.MsBuild;

    /// <summary>
    /// Reads the layout and dialect as the user wrote them (empty means not set).
    /// </summary>
    /// <param name="layoutText">The layout name, such as <c>prisma</c>.</param>
    /// <param name="dialectText">The dialect name, such as <c>postgres</c>.</param>
    /// <param name="names">How the settings are named, for the message.</param>
    /// <param name="error">An unknown name (<c>ST1006</c>), listing the accepted ones.</param>
    /// <returns>The settings, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static MigrationFolderSettings? Parse(string? layoutText, string? dialectText, MigrationSettingNames names, out SchemaDiagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(names);
        error = null;
        MigrationLayout? layout = null;
        if (!string.IsNullOrWhiteSpace(layoutText))
        {
            if (!MigrationLayoutNames.TryParse(layoutText, out var parsed))
            {
                error = SchemaDiagnostic.Error(
                    DiagnosticCodes.UnknownSetting,
                    $"{names.Layout} is '{layoutText}'; use one of prisma, golang-migrate, flyway, dbmate, goose, sqlx, drizzle, atlas, liquibase, diesel, pop, sql-migrate, plain, or leave it out to detect the layout.");
                return null;
            }

            layout = parsed;
        }

        SqlDialect? dialect = null;
        if (!string.IsNullOrWhiteSpace(dialectText))
        {
            if (!SqlDialectNames.TryParse(dialectText, out var parsed))
            {
                error = SchemaDiagnostic.Error(
                    DiagnosticCodes.UnknownSetting,
                    $"{names.Dialect} is '{dialectText}'; use postgres, mysql (MySQL 8) or mariadb.");
                return null;
            }

            dialect = parsed;
        }

        return new MigrationFolderSettings { Layout = layout, Dialect = dialect, Names = names };
    }
}
