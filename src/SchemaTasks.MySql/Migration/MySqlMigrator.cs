using MySqlConnector;
using SchemaTasks.Migrating;

namespace SchemaTasks.MySql.Migration;

/// <summary>
/// Applies embedded migrations to a MySQL or MariaDB database and records them in
/// <c>schematasks_history</c>, under a named lock so that instances starting together apply
/// each migration once. See <c>docs/migrator.md</c>.
/// </summary>
public static class MySqlMigrator
{
    /// <summary>
    /// Applies the migrations the history does not record, in order, statement by statement:
    /// MySQL commits each DDL statement as it runs, so the history's <c>statements_applied</c>
    /// is updated after every statement and a failure records exactly how far it got.
    /// </summary>
    /// <param name="migrations">The migrations, already verified against the manifest by <see cref="EmbeddedMigrations.Load(System.Reflection.Assembly)"/>.</param>
    /// <param name="connectionString">A MySqlConnector connection string naming the database; the migrations run as its user.</param>
    /// <param name="options">The lock wait and the <c>applied_by</c> text; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; a migration stopped half-way stays recorded as failed.</param>
    /// <returns>The migrations applied, in order.</returns>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5010</c>: the connection string is invalid or names no database; <c>ST7001</c>: the lock
    /// was not taken in time; <c>ST6002</c>: the history records a failed migration, so nothing is
    /// applied; <c>ST6003</c>: an applied migration was edited; <c>ST7002</c>: a migration failed (recorded).
    /// </exception>
    public static async Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, string connectionString, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        // Migrations may use @user variables; without allowing them MySqlConnector reads them as missing parameters.
        await using var connection = await MySqlConnections.OpenAsync(connectionString, allowUserVariables: true, cancellationToken).ConfigureAwait(false);
        var target = new MySqlMigrationTarget(connection, connection.Database);
        return await MigrationRunner.RunAsync(migrations, target, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reports each migration the history records as failed and the way out of it; with
    /// <paramref name="apply"/>, deletes the failed row of each one whose first statement failed
    /// (nothing of it ran), so the next <see cref="MigrateAsync"/> applies it again. Migrations
    /// that ran partly are only reported, naming the statements that ran.
    /// </summary>
    /// <param name="migrations">The migrations of the build that will run next.</param>
    /// <param name="connectionString">A MySqlConnector connection string naming the database.</param>
    /// <param name="apply"><see langword="false"/> (the default) to only report.</param>
    /// <param name="options">The lock wait; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the repair.</param>
    /// <exception cref="SchemaTasksException"><c>ST5010</c>: invalid connection string; <c>ST7001</c>: the lock was not taken in time.</exception>
    public static async Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, string connectionString, bool apply = false, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await MySqlConnections.OpenAsync(connectionString, allowUserVariables: true, cancellationToken).ConfigureAwait(false);
        var target = new MySqlMigrationTarget(connection, connection.Database);
        return await MigrationRepair.RunAsync(migrations, target, SqlDialect.MySql, apply, options, cancellationToken).ConfigureAwait(false);
    }
}
