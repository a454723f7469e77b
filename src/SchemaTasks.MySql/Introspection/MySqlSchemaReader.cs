using MySqlConnector;
using SchemaTasks.Schema;

namespace SchemaTasks.MySql.Introspection;

/// <summary>Reads the live schema of a MySQL 8 or MariaDB database into a <see cref="Catalog"/>.</summary>
public static class MySqlSchemaReader
{
    /// <summary>
    /// Reads the tables of the connection's current database: columns (type, ENUM/SET values,
    /// nullability, default), CHECK constraints and the names of keys. Tables get the empty
    /// schema, as unqualified names in migrations do. The result compares equal to the catalog
    /// <see cref="SchemaEngine"/> builds from the migrations that created the same tables.
    /// </summary>
    /// <param name="connection">An open connection with a current database; reading information_schema is enough.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live schema.</returns>
    /// <remarks>One round trip: the queries go to the server as one batch. Nothing is written.</remarks>
    public static Task<Catalog> ReadAsync(MySqlConnection connection, CancellationToken cancellationToken = default)
        => ReadAsync(connection, null, cancellationToken);

    /// <summary>As the public overload; <paramref name="onRoundTrip"/> is called for each round trip, so tests can count them.</summary>
    internal static async Task<Catalog> ReadAsync(MySqlConnection connection, Action? onRoundTrip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Known from the connection handshake, so no query is spent on it.
        var isMariaDb = connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
        var builder = new CatalogBuilder(SqlDialect.MySql);
        await using var batch = new MySqlBatch(connection)
        {
            BatchCommands =
            {
                new MySqlBatchCommand(MySqlCatalogQueries.Tables),
                new MySqlBatchCommand(MySqlCatalogQueries.Columns),
                new MySqlBatchCommand(isMariaDb ? MySqlCatalogQueries.MariaDbChecks : MySqlCatalogQueries.MySqlChecks),
                new MySqlBatchCommand(MySqlCatalogQueries.OtherConstraints),
            },
        };

        onRoundTrip?.Invoke();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            tables.Add(name);
            builder.AddTable(Name(name));
        }

        await NextAsync(reader, cancellationToken);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = reader.GetString(0);
            if (!tables.Contains(table)) continue; // A view's columns.
            var defaultText = MySqlDefaults.Normalise(reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? string.Empty : reader.GetString(5), isMariaDb);
            builder.AddColumn(Name(table), reader.GetString(1), reader.GetString(2), reader.GetString(3) == "YES", defaultText);
        }

        await NextAsync(reader, cancellationToken);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (tables.Contains(reader.GetString(0))) builder.AddCheck(Name(reader.GetString(0)), reader.GetString(1), reader.GetString(2));
        }

        await NextAsync(reader, cancellationToken);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (tables.Contains(reader.GetString(0))) builder.AddOtherConstraint(Name(reader.GetString(0)), reader.GetString(1));
        }

        return builder.Build();
    }

    private static QualifiedName Name(string table) => new(string.Empty, table);

    private static async Task NextAsync(MySqlDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The catalog batch returned fewer result sets than it has queries.");
        }
    }
}
