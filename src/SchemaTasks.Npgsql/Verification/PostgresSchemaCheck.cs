using System.Reflection;
using Npgsql;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Verification;

/// <summary>
/// Checks a PostgreSQL database against a build in one call: one connection, and one round trip
/// (the history table's detection, the history and the catalog in one batch) however many
/// migrations there are. A database never migrated, one whose history table belongs to another
/// tool than the migrations' layout, and one with a failed migration pay one more.
/// </summary>
public static class PostgresSchemaCheck
{
    /// <summary>Checks the database against the migrations and snapshot embedded in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="connectionString">An Npgsql connection string; the role needs only to read the history table.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">
    /// The embedded migrations fail their checksums (<c>ST5001</c>–<c>ST5005</c>), the connection string is
    /// invalid (<c>ST5010</c>), the server cannot be reached (<c>ST5011</c>), refuses the login (<c>ST5012</c>) or
    /// the reads (<c>ST5013</c>), is older than PostgreSQL 12 (<c>ST5019</c>), or the history table is unreadable or ambiguous (<c>ST6008</c>, <c>ST6009</c>).
    /// </exception>
    public static Task<VerificationReport> VerifyAsync(Assembly assembly, string connectionString, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return VerifyAsync(ExpectedSchema.FromAssembly(assembly), connectionString, options, cancellationToken);
    }

    /// <summary>Checks the database <paramref name="dataSource"/> connects to against the migrations and snapshot embedded in <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The assembly the SchemaTasks.Build package embedded the migrations into.</param>
    /// <param name="dataSource">The application's data source (such as the one <c>AddNpgsqlDataSource</c> registers); the check takes one connection from it and gives it back. It is not disposed.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(Assembly, string, SchemaCheckOptions?, CancellationToken)"/>; messages name the server as <see cref="PostgresConnectionInfo.Describe(NpgsqlDataSource)"/> does.</exception>
    public static Task<VerificationReport> VerifyAsync(Assembly assembly, NpgsqlDataSource dataSource, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return VerifyAsync(ExpectedSchema.FromAssembly(assembly), dataSource, options, cancellationToken);
    }

    /// <summary>Checks the database against <paramref name="expected"/>.</summary>
    /// <param name="expected">The migrations and the schema they produce.</param>
    /// <param name="connectionString">An Npgsql connection string; the role needs only to read the history table.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(Assembly, string, SchemaCheckOptions?, CancellationToken)"/>, and <c>ST5014</c> for MySQL migrations.</exception>
    public static Task<VerificationReport> VerifyAsync(ExpectedSchema expected, string connectionString, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(connectionString);
        return VerifyAsync(expected, PostgresConnections.FromConnectionString(connectionString), options, cancellationToken);
    }

    /// <summary>Checks the database <paramref name="dataSource"/> connects to against <paramref name="expected"/>.</summary>
    /// <param name="expected">The migrations and the schema they produce.</param>
    /// <param name="dataSource">The application's data source; the check takes one connection from it and gives it back. It is not disposed.</param>
    /// <param name="options">Which history table to read; <see langword="null"/> detects it.</param>
    /// <param name="cancellationToken">Cancels the connection and the queries.</param>
    /// <returns>The report; <see cref="VerificationReport.IsHealthy"/> says whether the service may start.</returns>
    /// <exception cref="SchemaTasksException">As <see cref="VerifyAsync(ExpectedSchema, string, SchemaCheckOptions?, CancellationToken)"/>.</exception>
    public static Task<VerificationReport> VerifyAsync(ExpectedSchema expected, NpgsqlDataSource dataSource, SchemaCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(dataSource);
        return VerifyAsync(expected, PostgresConnections.FromDataSource(dataSource), options, cancellationToken);
    }

    internal static async Task<VerificationReport> VerifyAsync(ExpectedSchema expected, PostgresConnections connections, SchemaCheckOptions? options, CancellationToken cancellationToken)
    {
        options ??= new SchemaCheckOptions();
        expected.RequireDialect(SqlDialect.Postgres, "PostgreSQL");

        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        var target = connections.Target;

        try
        {
            var (history, live) = await PostgresCheckReads.ReadAsync(connection, expected, options, cancellationToken).ConfigureAwait(false);
            return expected.Verify(history, live);
        }
        catch (NpgsqlException error) when (!cancellationToken.IsCancellationRequested && PostgresConnectionErrors.Read(error, target) is { } mapped)
        {
            throw mapped;
        }
    }
}
