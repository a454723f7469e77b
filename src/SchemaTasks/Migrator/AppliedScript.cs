using SchemaTasks.Migrations;

namespace SchemaTasks.Migrator;

/// <summary>The part of an embedded migration file that is applied, and where it starts.</summary>
/// <param name="Text">The SQL to run.</param>
/// <param name="FirstLine">The file line <paramref name="Text"/> starts on, so errors point into the file.</param>
/// <param name="NoTransaction">Whether the file itself asks to run without a transaction (dbmate's <c>transaction:false</c>, goose's <c>NO TRANSACTION</c>, sqlx's <c>-- no-transaction</c>).</param>
internal sealed record AppliedScript(string Text, int FirstLine, bool NoTransaction)
{
    /// <summary>The layout whose tool's rules split <see cref="Text"/> (Flyway reads MySQL's <c>DELIMITER</c> its own way).</summary>
    public MigrationLayout Layout { get; init; } = MigrationLayout.Plain;

    /// <summary>The statements, split as the build splits them for this layout, so what runs is what the snapshot was built from.</summary>
    public IReadOnlyList<Sql.SqlScriptStatement> Split(SqlDialect dialect) => Sql.SqlScript.SplitMigration(Text, dialect, Layout, FirstLine);

    /// <summary>
    /// The part of the file its tool runs, as the build reads it: dbmate's and goose's Up
    /// sections, the whole file for the others (<see cref="MigrationScripts"/> in Core).
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST7002</c>: a goose Go-function migration, which only goose can run; a Flyway placeholder or a pop template action, which only the tool renders.</exception>
    public static AppliedScript Of(MigrationLayout layout, EmbeddedMigration migration)
    {
        var script = MigrationScripts.Of(layout, migration.RelativePath, migration.Text, migration.Id);
        if (script.IsCode)
        {
            throw new SchemaTasksException(
                Diagnostics.DiagnosticCodes.MigrationFailed,
                $"Migration {migration.Id} ('{migration.RelativePath}') is a goose Go function: only goose can run it. Nothing was applied. Run `goose up` for this folder, or keep Go migrations out of the folders SchemaTasks migrates.");
        }

        // Flyway replaces ${name} placeholders before it runs a migration; this migrator sends the
        // file as written, which would run other SQL than the snapshot was built from.
        if (layout == MigrationLayout.Flyway && FlywayPlaceholders.First(script.Sql) is { } placeholder)
        {
            throw new SchemaTasksException(
                Diagnostics.DiagnosticCodes.MigrationFailed,
                $"Migration {migration.Id} ('{migration.RelativePath}', line {placeholder.Line}) holds the Flyway placeholder '{placeholder.Text}', which Flyway replaces before running it; the SchemaTasks migrator runs files as written and does not replace placeholders. Nothing was applied. Run `flyway migrate` for this folder, or write the value into the migration.");
        }

        // pop renders its connection options into a migration before running it, as the build
        // does with SchemaPopOptions; this migrator sends the file as written.
        if (layout == MigrationLayout.Pop && PopTemplateOptions.First(script.Sql) is { } action)
        {
            throw new SchemaTasksException(
                Diagnostics.DiagnosticCodes.MigrationFailed,
                $"Migration {migration.Id} ('{migration.RelativePath}', line {action.Line}) holds pop's template action '{action.Text}', which pop renders with its connection's options before running it; the SchemaTasks migrator runs files as written and does not render templates. Nothing was applied. Run the migrations with pop (or the program that runs pop for this folder), or write the value into the migration.");
        }

        return new AppliedScript(script.Sql, script.FirstLine, script.NoTransaction) { Layout = layout };
    }
}
