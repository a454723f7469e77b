using SchemaTasks.Migrations;

namespace SchemaTasks.Sql;

/// <summary>
/// Which tool's rule reads a MySQL <c>DELIMITER</c> directive in a folder: the engine and the
/// migrators split a folder's files alike, so the snapshot is built from the statements that run.
/// </summary>
internal static class ToolDelimiters
{
    /// <summary>
    /// Whether files of <paramref name="layout"/> are split as Flyway's MySQL parser splits them,
    /// which also reads the terminator from the line after a lone <c>DELIMITER</c>; the
    /// command-line client's rule applies to every other layout.
    /// </summary>
    public static bool ReadAsFlyway(MigrationLayout layout, SqlDialect dialect) =>
        layout == MigrationLayout.Flyway && dialect.IsMySqlFamily();
}
