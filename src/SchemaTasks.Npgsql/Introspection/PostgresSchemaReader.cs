using Npgsql;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Introspection;

/// <summary>Reads the live schema of a PostgreSQL database into a <see cref="Catalog"/>.</summary>
public static class PostgresSchemaReader
{
    /// <summary>
    /// Reads every non-system schema: enum types with their labels in sort order, domains with
    /// their CHECKs, other user types by name, tables with their columns (type, nullability,
    /// default) and constraints. The result compares equal to the catalog
    /// <see cref="SchemaEngine"/> builds from the migrations that created the same objects.
    /// </summary>
    /// <param name="connection">An open connection; the role needs only to read the system catalog.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live schema.</returns>
    /// <remarks>
    /// One round trip: all catalog queries go to the server as one batch. Nothing is written and
    /// the session's settings are left as they were.
    /// </remarks>
    public static Task<Catalog> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
        => ReadAsync(connection, null, cancellationToken);

    /// <summary>As the public overload; <paramref name="onRoundTrip"/> is called for each round trip, so tests can count them.</summary>
    internal static Task<Catalog> ReadAsync(NpgsqlConnection connection, Action? onRoundTrip, CancellationToken cancellationToken)
        => ReadAsync(connection, Everything, null, onRoundTrip, cancellationToken);

    /// <summary>
    /// Reads what <see cref="Verification.SchemaDrift"/> and <see cref="Verification.FailedMigrationAnalysis"/>
    /// compare, and nothing else: as <see cref="ReadAsync(NpgsqlConnection, CancellationToken)"/>, but without
    /// column defaults, primary, unique, foreign key and exclusion constraints and types other than enum
    /// types and domains; CHECKs in no particular order. About half the server's work on a large schema
    /// (docs/benchmarks.md, "Start-up self-check").
    /// </summary>
    internal static Task<Catalog> ReadForDriftAsync(NpgsqlConnection connection, Action? onRoundTrip, CancellationToken cancellationToken)
        => ReadAsync(connection, DriftOnly, null, onRoundTrip, cancellationToken);

    /// <summary>
    /// As <see cref="ReadForDriftAsync(NpgsqlConnection, Action?, CancellationToken)"/>, with the
    /// migration history read first in the same batch: one round trip for both, and the client
    /// reads the history while the server reads the catalog.
    /// </summary>
    internal static async Task<(Catalog Live, MigrationHistory History)> ReadForDriftWithHistoryAsync(NpgsqlConnection connection, PostgresMigrationHistoryReader history, CancellationToken cancellationToken)
    {
        MigrationHistory? read = null;
        var leading = new LeadingQuery(history.Sql, async (reader, token) => read = await history.ReadRowsAsync(reader, token).ConfigureAwait(false));
        try
        {
            var live = await ReadAsync(connection, DriftOnly, leading, null, cancellationToken).ConfigureAwait(false);
            return (live, read ?? throw new InvalidOperationException("The catalog batch did not read the history."));
        }
        catch (PostgresException error) when (string.Equals(error.BatchCommand?.CommandText, leading.Sql, StringComparison.Ordinal))
        {
            // The history query failed, so the server skipped the rest of the batch. A missing
            // table is an empty history (a database never migrated): read the catalog alone.
            var missing = history.Interpret(error);
            if (missing is null) throw;
            return (await ReadAsync(connection, DriftOnly, null, null, cancellationToken).ConfigureAwait(false), missing);
        }
    }

    private static readonly QuerySet Everything = new(PostgresCatalogQueries.Types, PostgresCatalogQueries.Columns, PostgresCatalogQueries.Constraints);

    private static readonly QuerySet DriftOnly = new(PostgresCatalogQueries.DriftDomains, PostgresCatalogQueries.DriftColumns, PostgresCatalogQueries.DriftChecks);

    private static async Task<Catalog> ReadAsync(NpgsqlConnection connection, QuerySet queries, LeadingQuery? leading, Action? onRoundTrip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var builder = new CatalogBuilder(SqlDialect.Postgres);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(PostgresCatalogQueries.SearchPath),
                new NpgsqlBatchCommand(PostgresCatalogQueries.Schemas),
                new NpgsqlBatchCommand(PostgresCatalogQueries.EnumLabels),
                new NpgsqlBatchCommand(queries.Types),
                new NpgsqlBatchCommand(PostgresCatalogQueries.Tables),
                new NpgsqlBatchCommand(queries.Columns),
                new NpgsqlBatchCommand(queries.Constraints),
                new NpgsqlBatchCommand(PostgresCatalogQueries.RestoreSearchPath),
            },
        };

        // Before the search path is set: the leading query sees the session's own.
        if (leading is not null) batch.BatchCommands.Insert(0, new NpgsqlBatchCommand(leading.Sql));

        onRoundTrip?.Invoke();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (leading is not null)
        {
            await leading.ReadResultAsync(reader, cancellationToken).ConfigureAwait(false);
            await NextAsync(reader, cancellationToken);
        }

        await NextAsync(reader, cancellationToken); // The search path result.

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) builder.AddSchema(reader.GetString(0));
        await NextAsync(reader, cancellationToken);

        await ReadEnumTypesAsync(reader, builder, cancellationToken).ConfigureAwait(false);
        await NextAsync(reader, cancellationToken);

        // Columns and constraints name their table or domain by oid; these map the oids back.
        var domains = new Dictionary<uint, QualifiedName>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(reader.GetString(1), reader.GetString(2));
            if (reader.GetString(3) == "d")
            {
                var defaultText = PostgresDefaults.Normalise(reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(5));
                builder.AddDomain(name, reader.GetString(4), reader.GetBoolean(6), defaultText);
                domains.Add(reader.GetFieldValue<uint>(0), name);
            }
            else
            {
                builder.AddOtherType(name);
            }
        }

        await NextAsync(reader, cancellationToken);
        var tables = new Dictionary<uint, QualifiedName>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(reader.GetString(1), reader.GetString(2));
            builder.AddTable(name);
            tables.Add(reader.GetFieldValue<uint>(0), name);
        }

        await NextAsync(reader, cancellationToken);
        var columns = new List<ColumnRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var defaultText = reader.IsDBNull(6) ? null : reader.GetString(6);
            columns.Add(new ColumnRow(reader.GetFieldValue<uint>(0), reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), defaultText));
        }

        // The builder takes a table's columns in order. Each query of the batch sees its own
        // snapshot: a table created between two of them is left out, not half read.
        columns.Sort(static (a, b) => a.TableOid != b.TableOid ? a.TableOid.CompareTo(b.TableOid) : a.Number.CompareTo(b.Number));
        foreach (var column in columns)
        {
            if (!tables.TryGetValue(column.TableOid, out var table)) continue;
            builder.AddColumn(table, column.Name, column.Type, column.IsNullable, PostgresDefaults.Normalise(column.Default, column.FormattedType));
        }

        await NextAsync(reader, cancellationToken);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (tableOid, domainOid) = (reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1));
            var (name, kind, definition) = (reader.GetString(2), reader.GetString(3), reader.GetString(4));
            if (tableOid == 0)
            {
                if (kind == "c" && domains.TryGetValue(domainOid, out var domain)) builder.AddDomainCheck(domain, name, definition);
            }
            else if (!tables.TryGetValue(tableOid, out var table))
            {
                continue;
            }
            else if (kind == "c")
            {
                builder.AddCheck(table, name, definition);
            }
            else
            {
                builder.AddOtherConstraint(table, name);
            }
        }

        var catalog = builder.Build();
        return catalog;
    }

    private static async Task ReadEnumTypesAsync(NpgsqlDataReader reader, CatalogBuilder builder, CancellationToken cancellationToken)
    {
        var types = new Dictionary<QualifiedName, List<(float Order, string Label)>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = new QualifiedName(reader.GetString(0), reader.GetString(1));
            if (!types.TryGetValue(name, out var labels)) types.Add(name, labels = []);
            labels.Add((reader.GetFloat(3), reader.GetString(2)));
        }

        foreach (var (name, labels) in types)
        {
            labels.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            builder.AddEnumType(name, labels.Select(l => l.Label));
        }
    }

    private static async Task NextAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The catalog batch returned fewer result sets than it has queries.");
        }
    }

    // The queries that differ between a full read and the drift check's; each returns the same
    // columns in both sets, so one reader serves both.
    private sealed record QuerySet(string Types, string Columns, string Constraints);

    // A query sent first in the catalog batch, and what reads its result.
    private sealed record LeadingQuery(string Sql, Func<NpgsqlDataReader, CancellationToken, Task> ReadResultAsync);

    private sealed record ColumnRow(uint TableOid, short Number, string Name, string Type, string FormattedType, bool IsNullable, string? Default);
}
