using Npgsql;
using SchemaTasks.Migrator;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>
/// Applies embedded migrations to a PostgreSQL database and records them in
/// <c>schematasks_history</c>, under an advisory lock so that instances starting together
/// apply each migration once. See <c>docs/migrator.md</c>.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>
    /// Applies the migrations the history does not record, in order: each in one transaction
    /// together with its history row, or statement by statement when it holds a command
    /// PostgreSQL cannot run in a transaction.
    /// </summary>
    /// <param name="migrations">The migrations, already verified against the manifest by <see cref="EmbeddedMigrations.Load(System.Reflection.Assembly)"/>.</param>
    /// <param name="connectionString">An Npgsql connection string; the migrations run as its user.</param>
    /// <param name="options">The lock wait and the <c>applied_by</c> text; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; a migration in a transaction is rolled back.</param>
    /// <returns>The migrations applied, in order.</returns>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5010</c>: the connection string is invalid; <c>ST5011</c>/<c>ST5012</c>: the server cannot be reached or refuses the login; <c>ST7001</c>: the lock was not taken in time;
    /// <c>ST6002</c>: the history records a failed migration, so nothing is applied;
    /// <c>ST6003</c>: an applied migration was edited; <c>ST7002</c>: a migration failed (recorded).
    /// </exception>
    public static Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, string connectionString, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return MigrateAsync(migrations, PostgresConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>
    /// As <see cref="MigrateAsync(EmbeddedMigrations, string, MigrateOptions?, CancellationToken)"/>, over one
    /// connection taken from the application's data source for the whole run (the advisory lock
    /// belongs to its session) and given back at the end.
    /// </summary>
    /// <param name="migrations">The migrations, already verified against the manifest by <see cref="EmbeddedMigrations.Load(System.Reflection.Assembly)"/>.</param>
    /// <param name="dataSource">The application's data source, such as the one <c>AddNpgsqlDataSource</c> registers; the migrations run as its user. It is not disposed.</param>
    /// <param name="options">The lock wait and the <c>applied_by</c> text; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; a migration in a transaction is rolled back.</param>
    /// <returns>The migrations applied, in order.</returns>
    /// <exception cref="SchemaTasksException">
    /// As the connection string overload; <c>ST5010</c> also when the data source has <c>Multiplexing=true</c>,
    /// under which no connection is one server session.
    /// </exception>
    public static Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, NpgsqlDataSource dataSource, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return MigrateAsync(migrations, PostgresConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    internal static async Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, PostgresConnections connections, MigrateOptions? options, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        IMigrationTarget target = (options?.History ?? MigrationHistoryKind.SchemaTasks) == MigrationHistoryKind.SchemaTasks
            ? await PostgresMigrationTarget.CreateAsync(connection, cancellationToken).ConfigureAwait(false)
            : await PostgresToolHistoryTarget.CreateAsync(connection, migrations, options!.History, cancellationToken).ConfigureAwait(false);
        return await MigrationRunner.RunAsync(migrations, target, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For each migration the history records as failed, plans the way back to the schema before
    /// it (undoing what the database holds of it, then deleting its row so the next run applies it
    /// again) and the way forward to the schema after it (running its statements that did not run,
    /// then marking it applied). A dry run unless <see cref="RepairOptions.Apply"/>; a plan that
    /// drops data runs only with <see cref="RepairOptions.AllowDataLoss"/>. See <c>docs/migrator.md</c>.
    /// </summary>
    /// <param name="migrations">The migrations of the build: the schemas before and after the failed one are built from them.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">Direction, apply, data loss and lock wait; a dry run back when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the repair.</param>
    /// <returns>Each failed migration with both plans and what was done.</returns>
    /// <exception cref="SchemaTasksException">
    /// <c>ST5010</c>: invalid connection string; <c>ST5011</c>/<c>ST5012</c>: the server cannot be reached or refuses the login; <c>ST7001</c>: the lock was not taken in time;
    /// <c>ST7003</c>: a statement of the plan failed (the message says what ran).
    /// </exception>
    public static Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, string connectionString, RepairOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return RepairAsync(migrations, PostgresConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>
    /// As <see cref="RepairAsync(EmbeddedMigrations, string, RepairOptions?, CancellationToken)"/>, over one
    /// connection taken from the application's data source for the whole repair and given back at the end.
    /// </summary>
    /// <param name="migrations">The migrations of the build: the schemas before and after the failed one are built from them.</param>
    /// <param name="dataSource">The application's data source; it is not disposed.</param>
    /// <param name="options">Direction, apply, data loss and lock wait; a dry run back when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the repair.</param>
    /// <returns>Each failed migration with both plans and what was done.</returns>
    /// <exception cref="SchemaTasksException">
    /// As the connection string overload; <c>ST5010</c> also when the data source has <c>Multiplexing=true</c>.
    /// </exception>
    public static Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, NpgsqlDataSource dataSource, RepairOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return RepairAsync(migrations, PostgresConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    private static async Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, PostgresConnections connections, RepairOptions? options, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var target = await PostgresMigrationTarget.CreateAsync(connection, cancellationToken).ConfigureAwait(false);
        return await MigrationRepair.RunAsync(migrations, target, SqlDialect.Postgres, options, cancellationToken).ConfigureAwait(false);
    }
}
