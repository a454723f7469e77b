namespace SchemaTasks.Migrations;

/// <summary>The migrations of one folder, in the order they are applied.</summary>
/// <param name="Layout">The layout the files follow.</param>
/// <param name="Dialect">The dialect the layout's own marker declares, if it has one.</param>
/// <param name="Migrations">The migrations, first to last.</param>
public sealed record MigrationSet(MigrationLayout Layout, SqlDialect? Dialect, IReadOnlyList<Migration> Migrations)
{
    /// <summary>
    /// The table the folder's tool keeps its history in when it is not the tool's default
    /// (<see cref="MigrationFolderSettings.HistoryTable"/>); <see langword="null"/> for the default.
    /// </summary>
    public string? HistoryTable { get; init; }

    /// <summary>
    /// Flyway's repeatable migrations (<c>R__</c>), in the order Flyway runs them after the
    /// versioned ones (by description); not history, and not applied to the schema (see
    /// <c>docs/msbuild.md</c>), only checked for changes to tracked objects.
    /// </summary>
    public IReadOnlyList<Migration> Repeatables { get; init; } = [];
}
