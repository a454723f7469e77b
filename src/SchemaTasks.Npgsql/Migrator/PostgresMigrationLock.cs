using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>The session-level advisory lock that lets one migrator at a time work on a database.</summary>
internal static class PostgresMigrationLock
{
    /// <summary>The lock key: fixed, derived from the history table's name so any SchemaTasks version agrees.</summary>
    public static readonly long Key = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("schematasks_history")));

    // Instances that waited take the lock one after another, each up to one poll late: a short
    // cap keeps 16 instances starting together within seconds of each other. A poll is one
    // trivial query.
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(100);

    // Polls pg_try_advisory_lock instead of waiting in pg_advisory_lock: a session blocked in
    // that call holds a snapshot, and CREATE INDEX CONCURRENTLY run by the lock holder waits
    // for every older snapshot to go, so waiting instances would stall the one migrating.
    public static async Task AcquireAsync(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancellationToken, long? key = null)
    {
        var lockKey = key ?? Key;
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", lockKey);
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true) return;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new SchemaTasksException(
                    DiagnosticCodes.MigrationLockTimeout,
                    $"Another session holds the migration lock of database '{connection.Database}' (advisory lock {lockKey.ToString(CultureInfo.InvariantCulture)}) and did not release it within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, so no migration was applied. "
                    + "Another instance is probably migrating: let it finish, or raise MigrateOptions.LockTimeout. To see who holds it: "
                    + "SELECT a.pid, a.usename, a.client_addr, a.query_start FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted;");
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxPoll ? delay * 2 : MaxPoll;
        }
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken, long? key = null)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", key ?? Key);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
