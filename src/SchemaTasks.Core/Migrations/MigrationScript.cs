using SchemaTasks.Sql;

namespace SchemaTasks.Migrations;

/// <summary>The part of a migration file its tool runs, where it starts, and how it runs.</summary>
/// <param name="Sql">The SQL that runs: for dbmate, goose and sql-migrate the Up sections only, else the whole file.</param>
/// <param name="FirstLine">The file line <paramref name="Sql"/> starts on, so errors point into the file.</param>
/// <param name="NoTransaction">
/// Whether the file asks to run outside a transaction: dbmate's <c>transaction:false</c>, goose's
/// <c>-- +goose NO TRANSACTION</c>, sql-migrate's <c>-- +migrate Up notransaction</c>, sqlx's <c>-- no-transaction</c> first line, Atlas's <c>-- atlas:txmode none</c>, Evolve's <c>evolve-tx-off</c> on a Flyway file's first line, popx's <c>.autocommit</c> in the file name.
/// </param>
/// <param name="IsCode">
/// Whether the migration is code (a goose Go function) that only its tool can run;
/// <paramref name="Sql"/> is then empty.
/// </param>
public sealed record MigrationScript(string Sql, int FirstLine, bool NoTransaction, bool IsCode = false);

/// <summary>Reads the <see cref="MigrationScript"/> of a migration file as its layout's tool does.</summary>
public static class MigrationScripts
{
    /// <summary>The script of the file at <paramref name="relativePath"/>, whose text is <paramref name="text"/>.</summary>
    /// <param name="layout">The layout the file was read in.</param>
    /// <param name="relativePath">The file, relative to the migrations folder.</param>
    /// <param name="text">The whole text of the file.</param>
    public static MigrationScript Of(MigrationLayout layout, string relativePath, string text) => Of(layout, relativePath, text, null);

    /// <summary>The script of migration <paramref name="migrationId"/> in the file at <paramref name="relativePath"/>.</summary>
    /// <param name="layout">The layout the file was read in.</param>
    /// <param name="relativePath">The file, relative to the migrations folder.</param>
    /// <param name="text">The whole text of the file.</param>
    /// <param name="migrationId">
    /// The migration's id, for layouts that keep several migrations in one file (a Liquibase
    /// changeset, <c>file::id::author</c>); <see langword="null"/> for the others.
    /// </param>
    public static MigrationScript Of(MigrationLayout layout, string relativePath, string text, string? migrationId)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        switch (layout)
        {
            case MigrationLayout.Dbmate when DbmateSections.Read(text) is { Refusal: not DbmateRefusal.MissingUp } sections:
            {
                var body = text.Substring(sections.BodyStart, sections.BodyEnd - sections.BodyStart);
                return new MigrationScript(body, TextPosition.LineOf(text, sections.BodyStart), sections.Options.Contains("transaction:false", StringComparison.Ordinal));
            }

            case MigrationLayout.Goose when relativePath.EndsWith(".go", StringComparison.Ordinal):
                return new MigrationScript(string.Empty, 1, false, IsCode: true);

            case MigrationLayout.Goose:
            {
                var script = GooseScript.Read(text, relativePath);
                return new MigrationScript(script.Up(text), script.UpStartLine, script.NoTransaction);
            }

            case MigrationLayout.SqlMigrate:
            {
                var script = SqlMigrateScript.Read(text, relativePath);
                return new MigrationScript(script.Up, script.UpStartLine, script.NoTransaction);
            }

            case MigrationLayout.Sqlx:
                return new MigrationScript(text, 1, text.StartsWith("-- no-transaction", StringComparison.Ordinal));

            // Evolve, which runs Flyway-named files, leaves a file out of a transaction when its
            // first line holds "evolve-tx-off" (in any case); Flyway reads no such comment.
            case MigrationLayout.Flyway:
                return new MigrationScript(text, 1, FirstLine(text).IndexOf("evolve-tx-off", StringComparison.OrdinalIgnoreCase) >= 0);

            case MigrationLayout.Liquibase when migrationId is not null && LiquibaseChangelog.Find(relativePath, text, migrationId) is { } changeset:
                return new MigrationScript(changeset.Sql, changeset.SqlStartLine, !changeset.RunInTransaction);

            case MigrationLayout.Atlas:
                return new MigrationScript(text, 1, AtlasDirectory.NoTransaction(new MigrationSourceFile(relativePath, text), null));

            // drizzle's migrator splits the file at its breakpoints, which MySQL would not read as comments.
            case MigrationLayout.Drizzle:
                return new MigrationScript(DrizzleBreakpoints.Sql(text), 1, false);

            // popx runs a file named '.autocommit.' outside a transaction.
            case MigrationLayout.Pop:
                return new MigrationScript(text, 1, PopMigrationFile.IsAutocommit(relativePath));

            default:
                return new MigrationScript(text, 1, false);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text.Substring(0, end);
    }
}
