namespace SchemaTasks.Migrations;

/// <summary>What Flyway is configured with that changes what its migrations run: its placeholders and its history table (<c>${flyway:table}</c>).</summary>
/// <param name="Placeholders">The placeholder values and whether they are replaced.</param>
/// <param name="HistoryTable">Flyway's <c>table</c> setting, or <see langword="null"/> for its default.</param>
internal sealed record FlywayReading(FlywayPlaceholderSettings Placeholders, string? HistoryTable)
{
    /// <summary>Flyway's defaults.</summary>
    public static FlywayReading Default { get; } = new(FlywayPlaceholderSettings.Default, null);
}
