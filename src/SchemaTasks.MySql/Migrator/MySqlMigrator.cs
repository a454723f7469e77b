using MySqlConnector;
using SchemaTasks.Migrator;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Migrator;

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
    /// <c>ST5010</c>: the connection string is invalid or names no database; <c>ST5011</c>/<c>ST5012</c>:
    /// the server cannot be reached or refuses the login; <c>ST7001</c>: the lock
    /// was not taken in time; <c>ST6002</c>: the history records a failed migration, so nothing is
    /// applied; <c>ST6003</c>: an applied migration was edited; <c>ST7002</c>: a migration failed (recorded).
    /// </exception>
    public static Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, string connectionString, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return MigrateAsync(migrations, MySqlConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>
    /// As <see cref="MigrateAsync(EmbeddedMigrations, string, MigrateOptions?, CancellationToken)"/>, over one
    /// connection opened with the application's data source for the whole run (the named lock
    /// belongs to its session) and closed at the end. Migrations may use <c>@user</c> variables:
    /// when the data source's connection string does not set <c>Allow User Variables=true</c>, the
    /// connection is a copy of the data source's with it set, keeping its password and callbacks.
    /// </summary>
    /// <param name="migrations">The migrations, already verified against the manifest by <see cref="EmbeddedMigrations.Load(System.Reflection.Assembly)"/>.</param>
    /// <param name="dataSource">The application's data source, such as the one <c>AddMySqlDataSource</c> registers, whose connection string names the database; the migrations run as its user. It is not disposed.</param>
    /// <param name="options">The lock wait and the <c>applied_by</c> text; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; a migration stopped half-way stays recorded as failed.</param>
    /// <returns>The migrations applied, in order.</returns>
    /// <exception cref="SchemaTasksException">As the connection string overload.</exception>
    public static Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, MySqlDataSource dataSource, MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return MigrateAsync(migrations, MySqlConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    internal static async Task<MigrateResult> MigrateAsync(EmbeddedMigrations migrations, MySqlConnections connections, MigrateOptions? options, CancellationToken cancellationToken)
    {
        // Migrations may use @user variables; without allowing them MySqlConnector reads them as missing parameters.
        await using var connection = await connections.OpenAsync(allowUserVariables: true, cancellationToken).ConfigureAwait(false);
        IMigrationTarget target = (options?.History ?? MigrationHistoryKind.SchemaTasks) == MigrationHistoryKind.SchemaTasks
            ? new MySqlMigrationTarget(connection, connection.Database)
            : new MySqlToolHistoryTarget(connection, connection.Database, migrations, options!.History);
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
    /// <param name="connectionString">A MySqlConnector connection string naming the database.</param>
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
        return RepairAsync(migrations, MySqlConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>
    /// As <see cref="RepairAsync(EmbeddedMigrations, string, RepairOptions?, CancellationToken)"/>, over one
    /// connection opened with the application's data source for the whole repair, as
    /// <see cref="MigrateAsync(EmbeddedMigrations, MySqlDataSource, MigrateOptions?, CancellationToken)"/> opens it.
    /// </summary>
    /// <param name="migrations">The migrations of the build: the schemas before and after the failed one are built from them.</param>
    /// <param name="dataSource">The application's data source, whose connection string names the database; it is not disposed.</param>
    /// <param name="options">Direction, apply, data loss and lock wait; a dry run back when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the repair.</param>
    /// <returns>Each failed migration with both plans and what was done.</returns>
    /// <exception cref="SchemaTasksException">As the connection string overload.</exception>
    public static Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, MySqlDataSource dataSource, RepairOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return RepairAsync(migrations, MySqlConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    private static async Task<RepairResult> RepairAsync(EmbeddedMigrations migrations, MySqlConnections connections, RepairOptions? options, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(allowUserVariables: true, cancellationToken).ConfigureAwait(false);
        // The build's rules when it recorded MySQL's or MariaDB's, else the server's: the schemas
        // before and after the failed migration must be built as the live read is normalised.
        var dialect = MySqlServerFlavour.ReadingRules(migrations.Manifest.Dialect, connection);
        var target = new MySqlMigrationTarget(connection, connection.Database) { SchemaRules = dialect };
        return await MigrationRepair.RunAsync(migrations, target, dialect, options, cancellationToken).ConfigureAwait(false);
    }
}
