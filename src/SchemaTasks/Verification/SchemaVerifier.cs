using SchemaTasks.Schema;

namespace SchemaTasks.Verification;

/// <summary>
/// Reads what a verification needs from the database — the history table, and the live schema
/// when a reader for it is given — and verifies it: a handful of round trips, however many
/// migrations there are.
/// </summary>
public static class SchemaVerifier
{
    /// <summary>Reads the history (and the live schema) and verifies them against the build.</summary>
    /// <param name="migrations">The embedded migrations.</param>
    /// <param name="expected">The schema after the last migration (the embedded snapshot's).</param>
    /// <param name="history">The provider's reader for the history table.</param>
    /// <param name="readLiveSchema">Reads the live schema (a provider's schema reader), or <see langword="null"/> to check the history only.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<VerificationReport> VerifyAsync(
        EmbeddedMigrations migrations,
        Catalog expected,
        IMigrationHistoryReader history,
        Func<CancellationToken, Task<Catalog>>? readLiveSchema,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(history);
        var applied = await history.ReadAsync(cancellationToken).ConfigureAwait(false);
        var live = readLiveSchema is null ? null : await readLiveSchema(cancellationToken).ConfigureAwait(false);
        return SchemaVerification.Verify(migrations, expected, applied, live);
    }
}
