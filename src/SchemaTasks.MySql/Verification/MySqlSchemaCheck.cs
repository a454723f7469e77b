using System.Reflection;
using MySqlConnector;
using SchemaTasks.Verification;
using SchemaTasks.MySql.History;
using SchemaTasks.MySql.Introspection;

namespace SchemaTasks.MySql.Verification;

/// <summary>
/// Checks a MySQL or MariaDB database against a build in one call: one connection, and at most
/// three queries (detect the history table, read it, read information_schema) however many
/// migrations there are.
/// </summary>
public static class MySqlSchemaCheck
{
    /// <summary>Checks the database against the migrations and snapshot embedded in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="connectionString">A MySqlConnector connection string naming the database.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">
    /// The embedded migrations fail their checksums (<c>ST5001</c>–<c>ST5005</c>), the connection string is
    /// invalid or names no database (<c>ST5010</c>), the server cannot be reached (<c>ST5011</c>), refuses the
    /// login (<c>ST5012</c>) or the reads (<c>ST5013</c>), or the history table is unreadable or ambiguous
    /// (<c>ST6008</c>, <c>ST6009</c>).
    /// </exception>
    public static Task<VerificationReport> VerifyAsync(Assembly assembly, string connectionString, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return VerifyAsync(ExpectedSchema.FromAssembly(assembly), connectionString, options, cancellationToken);
    }

    /// <summary>Checks the database <paramref name="dataSource"/> connects to against the migrations and snapshot embedded in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="dataSource">The application's data source (such as the one <c>AddMySqlDataSource</c> registers), whose connection string names the database; the check takes one connection from it and gives it back. It is not disposed.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(Assembly, string, SchemaCheckOptions?, CancellationToken)"/>; messages name the server as <see cref="MySqlConnectionInfo.Describe(MySqlDataSource)"/> does.</exception>
    public static Task<VerificationReport> VerifyAsync(Assembly assembly, MySqlDataSource dataSource, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return VerifyAsync(ExpectedSchema.FromAssembly(assembly), dataSource, options, cancellationToken);
    }

    /// <summary>Checks the database against <paramref name="expected"/>.</summary>
    /// <param name="expected">The migrations and the schema they produce.</param>
    /// <param name="connectionString">A MySqlConnector connection string naming the database.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(Assembly, string, SchemaCheckOptions?, CancellationToken)"/>, and <c>ST5014</c> for PostgreSQL migrations.</exception>
    public static Task<VerificationReport> VerifyAsync(ExpectedSchema expected, string connectionString, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(connectionString);
        return VerifyAsync(expected, MySqlConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>Checks the database <paramref name="dataSource"/> connects to against <paramref name="expected"/>.</summary>
    /// <param name="expected">The migrations and the schema they produce.</param>
    /// <param name="dataSource">The application's data source, whose connection string names the database; the check takes one connection from it and gives it back. It is not disposed.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(ExpectedSchema, string, SchemaCheckOptions?, CancellationToken)"/>.</exception>
    public static Task<VerificationReport> VerifyAsync(ExpectedSchema expected, MySqlDataSource dataSource, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(dataSource);
        return VerifyAsync(expected, MySqlConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    internal static async Task<VerificationReport> VerifyAsync(ExpectedSchema expected, MySqlConnections connections, SchemaCheckOptions? options, CancellationToken cancellationToken)
    {
        options ??= new SchemaCheckOptions();
        expected.RequireDialect(SqlDialect.MySql, "MySQL or MariaDB");

        await using var connection = await connections.OpenAsync(allowUserVariables: false, cancellationToken).ConfigureAwait(false);
        var target = connections.Target;

        try
        {
            var kind = options.HistoryKind
                ?? expected.ChooseHistory(options, await MySqlMigrationHistoryReader.DetectAsync(connection, options.HistorySchema, cancellationToken).ConfigureAwait(false));
            var history = await new MySqlMigrationHistoryReader(connection, kind, options.HistorySchema, options.HistoryTable)
                .ReadAsync(cancellationToken).ConfigureAwait(false);
            var live = options.CompareSchema
                ? await MySqlSchemaReader.ReadAsync(connection, expected.Dialect, cancellationToken).ConfigureAwait(false)
                : null;
            var report = expected.Verify(history, live);
            return MySqlServerFlavour.Mismatch(expected.Dialect, connection) is { } mismatch
                ? new VerificationReport(report.Status, [mismatch, .. report.Findings], report.SchemaCompared)
                : report;
        }
        catch (MySqlException error) when (!cancellationToken.IsCancellationRequested && MySqlConnectionErrors.Read(error, target) is { } mapped)
        {
            throw mapped;
        }
    }
}
