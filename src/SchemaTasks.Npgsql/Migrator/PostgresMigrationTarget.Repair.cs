using Npgsql;
using NpgsqlTypes;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Schema;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>Repair's part of the PostgreSQL target: reading the live schema and running a plan.</summary>
internal sealed partial class PostgresMigrationTarget
{
    public Task<Catalog> ReadSchemaAsync(CancellationToken cancellationToken) =>
        PostgresSchemaReader.ReadAsync(_connection, cancellationToken);

    public async Task RunRepairAsync(RepairRun run, CancellationToken cancellationToken)
    {
        // PostgreSQL DDL is transactional: in one transaction, a plan and its history change land together or not at all.
        await using var transaction = run.InTransaction ? await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        for (var i = 0; i < run.Statements.Count; i++)
        {
            await using var command = new NpgsqlCommand(run.Statements[i].Sql, _connection, transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error)
            {
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw RepairFailure.Exception(run, i, error.MessageText, transaction is not null, error);
            }
        }

        var sql = run.MarkApplied is null
            ? $"DELETE FROM {_table} WHERE migration_id = @id AND NOT success"
            : $"UPDATE {_table} SET success = true, finished_at = now(), error = NULL, checksum = @checksum WHERE migration_id = @id";
        await using (var history = new NpgsqlCommand(sql, _connection, transaction))
        {
            history.Parameters.AddWithValue("id", NpgsqlDbType.Varchar, run.MigrationId);
            if (run.MarkApplied is { } migration) history.Parameters.AddWithValue("checksum", NpgsqlDbType.Char, migration.Sha256);
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
