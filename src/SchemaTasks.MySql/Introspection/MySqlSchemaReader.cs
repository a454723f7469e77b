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
    /// <remarks>
    /// One round trip: the queries go to the server as one batch. Nothing is written. Types are
    /// normalised by the connected server's rules (MariaDB's <c>int(11)</c>, MySQL 8's <c>int</c>).
    /// </remarks>
    public static Task<Catalog> ReadAsync(MySqlConnection connection, CancellationToken cancellationToken = default)
        => ReadAsync(connection, null, null, cancellationToken);

    /// <summary>As <see cref="ReadAsync(MySqlConnection, CancellationToken)"/>, normalising by <paramref name="dialect"/>'s rules (a build's), whichever server of the family answers.</summary>
    /// <param name="connection">An open connection with a current database; reading information_schema is enough.</param>
    /// <param name="dialect"><see cref="SqlDialect.MySql"/> or <see cref="SqlDialect.MariaDb"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live schema.</returns>
    public static Task<Catalog> ReadAsync(MySqlConnection connection, SqlDialect dialect, CancellationToken cancellationToken = default)
        => ReadAsync(connection, dialect, null, cancellationToken);

    /// <summary>As the public overloads; <paramref name="onRoundTrip"/> is called for each round trip, so tests can count them.</summary>
    internal static Task<Catalog> ReadAsync(MySqlConnection connection, Action? onRoundTrip, CancellationToken cancellationToken)
        => ReadAsync(connection, null, onRoundTrip, cancellationToken);

    private static async Task<Catalog> ReadAsync(MySqlConnection connection, SqlDialect? dialect, Action? onRoundTrip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (dialect is { } given && !given.IsMySqlFamily()) throw new ArgumentOutOfRangeException(nameof(dialect), given, "MySQL or MariaDB rules only.");

        var isMariaDb = MySqlServerFlavour.Of(connection) == SqlDialect.MariaDb;
        var builder = new CatalogBuilder(MySqlServerFlavour.ReadingRules(dialect, connection));
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
            var defaultText = MySqlDefaults.Normalise(reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? string.Empty : reader.GetString(5), isMariaDb, reader.GetString(2));
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
