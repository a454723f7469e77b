using Npgsql;

namespace SchemaTasks.Npgsql.Introspection;

/// <summary>
/// The catalog queries that differ between a full read and the start-up check's. Each returns
/// the same columns in both sets, so one reader serves both, except that the check's tables
/// carry their column names and no columns query follows.
/// </summary>
/// <param name="Types">Domains and other types.</param>
/// <param name="Tables">Tables, with their column names when <paramref name="Columns"/> is null.</param>
/// <param name="Columns">Columns with their types, or null.</param>
/// <param name="Constraints">Constraints.</param>
internal sealed record CatalogQuerySet(string Types, string Tables, string? Columns, string Constraints)
{
    /// <summary>Everything <see cref="PostgresSchemaReader.ReadAsync(NpgsqlConnection, CancellationToken)"/> promises.</summary>
    public static readonly CatalogQuerySet Full = new(PostgresCatalogQueries.Types, PostgresCatalogQueries.Tables, PostgresCatalogQueries.Columns, PostgresCatalogQueries.Constraints);

    /// <summary>
    /// What the drift compare uses: enum types, domains, tables, their columns by name, and the
    /// CHECKs that can be value sets. No column types, nullability or defaults, no domain
    /// defaults, no key, foreign key or exclusion constraints, no other types, and no text for
    /// a CHECK that cannot restrict a column to a list (the reader leaves those out).
    /// </summary>
    public static readonly CatalogQuerySet Drift = new(PostgresCatalogQueries.DriftDomains, PostgresCatalogQueries.DriftTables, null, PostgresCatalogQueries.DriftChecks);
}
