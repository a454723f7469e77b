using Npgsql;
using SchemaTasks.Schema;

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
    /// <exception cref="SchemaTasksException"><c>ST5019</c>: the server is older than PostgreSQL 12.</exception>
    /// <remarks>
    /// One round trip: all catalog queries go to the server as one batch. Nothing is written and
    /// the session's settings are left as they were.
    /// </remarks>
    public static Task<Catalog> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
        => ReadAsync(connection, CatalogQuerySet.Full, cancellationToken);

    /// <summary>
    /// Reads what <see cref="SchemaTasks.Verification.SchemaDrift"/> compares, and nothing else
    /// (<see cref="CatalogQuerySet.Drift"/>). About a third of the server's work of a full read on a
    /// large schema (docs/benchmarks.md, "Start-up self-check").
    /// </summary>
    internal static Task<Catalog> ReadForDriftAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        => ReadAsync(connection, CatalogQuerySet.Drift, cancellationToken);

    private static async Task<Catalog> ReadAsync(NpgsqlConnection connection, CatalogQuerySet queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        PostgresServerVersion.RequireSupported(connection.PostgreSqlVersion, PostgresConnectionInfo.Describe(connection.ConnectionString));
        await using var batch = new NpgsqlBatch(connection);
        AddCommands(batch, queries);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadResultsAsync(reader, queries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends the catalog queries to <paramref name="batch"/>, so a caller can send other queries
    /// before them in the same round trip. Queries before them see the session's search path.
    /// </summary>
    internal static void AddCommands(NpgsqlBatch batch, CatalogQuerySet queries)
    {
        // The constraints before the enum labels: the client parses CHECK texts, the costliest
        // rows to read, while the server still reads the labels, the cheapest.
        foreach (var sql in (string?[])[
            PostgresCatalogQueries.SearchPath,
            PostgresCatalogQueries.Schemas,
            queries.Types,
            queries.Tables,
            queries.Columns,
            queries.Constraints,
            PostgresCatalogQueries.EnumLabels,
            PostgresCatalogQueries.RestoreSearchPath])
        {
            if (sql is not null) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }
    }

    /// <summary>Reads the results of the queries <see cref="AddCommands"/> added; <paramref name="reader"/> is on the first of them.</summary>
    internal static async Task<Catalog> ReadResultsAsync(NpgsqlDataReader reader, CatalogQuerySet queries, CancellationToken cancellationToken)
    {
        var builder = new CatalogBuilder(SqlDialect.Postgres);
        await NextAsync(reader, cancellationToken); // Past the search path result.

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) builder.AddSchema(reader.GetString(0));
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
            if (queries.Columns is not null) continue;
            foreach (var column in reader.GetFieldValue<string[]>(3)) builder.AddColumnByName(name, column);
        }

        await NextAsync(reader, cancellationToken);
        if (queries.Columns is not null) await ReadColumnsAsync(reader, builder, tables, cancellationToken).ConfigureAwait(false);

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // No definition: a CHECK the drift read did not deparse, since it cannot be a value set.
            if (reader.IsDBNull(4)) continue;
            var (tableOid, domainOid) = (reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1));
            var (name, kind, definition) = (reader.GetString(2), reader.GetChar(3), reader.GetString(4));
            if (tableOid == 0)
            {
                if (kind == 'c' && domains.TryGetValue(domainOid, out var domain)) builder.AddDomainCheck(domain, name, definition);
            }
            else if (!tables.TryGetValue(tableOid, out var table))
            {
                continue;
            }
            else if (kind == 'c')
            {
                builder.AddCheck(table, name, definition);
            }
            else
            {
                builder.AddOtherConstraint(table, name);
            }
        }

        await NextAsync(reader, cancellationToken);
        await ReadEnumTypesAsync(reader, builder, cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }

    // Columns name their table by oid. Each query of the batch sees its own snapshot: a table
    // created between two of them is left out, not half read.
    private static async Task ReadColumnsAsync(NpgsqlDataReader reader, CatalogBuilder builder, Dictionary<uint, QualifiedName> tables, CancellationToken cancellationToken)
    {
        var columns = new List<ColumnRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var defaultText = reader.IsDBNull(6) ? null : reader.GetString(6);
            columns.Add(new ColumnRow(reader.GetFieldValue<uint>(0), reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), defaultText));
        }

        // The builder takes a table's columns in order.
        columns.Sort(static (a, b) => a.TableOid != b.TableOid ? a.TableOid.CompareTo(b.TableOid) : a.Number.CompareTo(b.Number));
        foreach (var column in columns)
        {
            if (!tables.TryGetValue(column.TableOid, out var table)) continue;
            builder.AddColumn(table, column.Name, column.Type, column.IsNullable, PostgresDefaults.Normalise(column.Default, column.FormattedType));
        }

        await NextAsync(reader, cancellationToken);
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

    private sealed record ColumnRow(uint TableOid, short Number, string Name, string Type, string FormattedType, bool IsNullable, string? Default);
}
