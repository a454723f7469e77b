using MySqlConnector;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.Schema;

namespace SchemaTasks.MySql.Migrator;

/// <summary>Repair's part of the MySQL target: reading the live schema and running a plan.</summary>
internal sealed partial class MySqlMigrationTarget
{
    /// <summary>The rules the repair builds its schemas by, so the live read compares with them; the server's own when unset.</summary>
    public SqlDialect? SchemaRules { get; init; }

    public Task<Catalog> ReadSchemaAsync(CancellationToken cancellationToken) =>
        MySqlSchemaReader.ReadAsync(connection, SchemaRules ?? MySqlServerFlavour.Of(connection), cancellationToken);

    // DDL commits as it runs, so there is no transaction; a forward statement is counted in
    // statements_applied as soon as it ran, so a repair that stops half-way is planned exactly next time.
    public async Task RunRepairAsync(RepairRun run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < run.Statements.Count; i++)
        {
            var statement = run.Statements[i];
            await using (var command = new MySqlCommand(statement.Sql, connection) { CommandTimeout = 0 })
            {
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (MySqlException error)
                {
                    throw RepairFailure.Exception(run, i, error.Message, rolledBack: false, error);
                }
            }

            if (statement.MigrationStatement is { } n)
            {
                await UpdateRowAsync("statements_applied = @n", "@n", n, run.MigrationId, CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (run.MarkApplied is { } migration)
        {
            await using var update = new MySqlCommand($"UPDATE {_table} SET success = TRUE, finished_at = @at, error = NULL, checksum = @checksum, statements_applied = @n WHERE migration_id = @id", connection);
            update.Parameters.AddWithValue("@at", DateTime.UtcNow);
            update.Parameters.AddWithValue("@checksum", migration.Sha256);
            update.Parameters.AddWithValue("@n", run.StatementCount);
            update.Parameters.AddWithValue("@id", run.MigrationId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DeleteRowAsync(run.MigrationId, cancellationToken).ConfigureAwait(false);
        }
    }
}
