using Npgsql;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Introspection;

/// <summary>
/// Catalog shapes that differ between the PostgreSQL versions the project supports (12 to 18),
/// each read back on every configured server, by the full read and the start-up check's, and
/// compared with the engine's catalog of the same SQL.
/// </summary>
public sealed class PostgresVersionDifferenceTests
{
    [PostgresTheory, EveryPostgresServer]
    public async Task NotNull_in_every_form_is_a_column_property_not_a_constraint(string server)
    {
        // PostgreSQL 18 records NOT NULL of a column as a constraint (contype 'n', named
        // <table>_<column>_not_null), and 17 that of a domain; both stay column and domain facts.
        var live = await BuildAndReadAsync(server, """
            CREATE DOMAIN rating AS integer NOT NULL CHECK (VALUE IN (1, 2, 3));
            CREATE TABLE review (
              id integer PRIMARY KEY,
              body text CONSTRAINT body_required NOT NULL,
              state text NOT NULL CHECK (state IN ('draft', 'published')),
              stars rating,
              note text
            );
            ALTER TABLE review ALTER COLUMN note SET NOT NULL;
            ALTER TABLE review ALTER COLUMN body DROP NOT NULL;
            """);

        var review = live.Tables[new QualifiedName("public", "review")];
        Assert.Equal(["review_state_check"], review.Checks.Select(c => c.Name));
        Assert.Equal(["review_pkey"], review.OtherConstraints);
        Assert.Equal([false, true, false, true, false], review.Columns.Select(c => c.IsNullable));
        Assert.True(live.Domains[new QualifiedName("public", "rating")].IsNotNull);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task A_range_type_is_one_type_with_or_without_its_multirange(string server)
    {
        // From PostgreSQL 14 on a range type brings a multirange type along (typtype 'm'); the
        // migrations name only the range.
        var live = await BuildAndReadAsync(server, """
            CREATE TYPE seat_span AS RANGE (subtype = integer);
            CREATE TABLE booking (seats seat_span NOT NULL);
            """);

        Assert.Equal([new QualifiedName("public", "seat_span")], live.OtherTypes);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Generated_and_identity_columns_have_no_default(string server)
    {
        var live = await BuildAndReadAsync(server, """
            CREATE TABLE line (
              id integer GENERATED ALWAYS AS IDENTITY,
              quantity integer NOT NULL,
              price numeric(10,2) NOT NULL,
              total numeric GENERATED ALWAYS AS (quantity * price) STORED
            );
            """);

        Assert.All(live.Tables[new QualifiedName("public", "line")].Columns, c => Assert.Null(c.Default));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task A_NOT_NULL_constraint_added_by_name_reads_as_a_NOT_NULL_column(string server)
    {
        // PostgreSQL 18 takes NOT NULL as a table constraint with a name of its own; older
        // versions only as a column property. Either way the read sees a NOT NULL column.
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        var notNull = connection.PostgreSqlVersion.Major >= 18
            ? "ALTER TABLE shipment ADD CONSTRAINT shipment_state_required NOT NULL state"
            : "ALTER TABLE shipment ALTER COLUMN state SET NOT NULL";
        await using (var command = new NpgsqlCommand($"CREATE TABLE shipment (state text CHECK (state IN ('new', 'sent'))); {notNull}", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        foreach (var catalog in new[] { await PostgresSchemaReader.ReadAsync(connection), await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None) })
        {
            var shipment = catalog.Tables[new QualifiedName("public", "shipment")];
            Assert.Equal(["shipment_state_check"], shipment.Checks.Select(c => c.Name));
            Assert.Empty(shipment.OtherConstraints);
        }

        var column = (await PostgresSchemaReader.ReadAsync(connection)).Tables[new QualifiedName("public", "shipment")].FindColumn("state", SqlDialect.Postgres);
        Assert.False(column?.IsNullable);
    }

    // Runs the SQL as one migration on a new database of the server, and asserts that both reads
    // equal the engine's catalog of it.
    private static async Task<Catalog> BuildAndReadAsync(string server, string sql)
    {
        var set = new MigrationSet(MigrationLayout.Plain, null, [new SchemaTasks.Migrations.Migration("001", "001", "versions", "001_versions.sql", string.Empty, sql)]);
        var built = SchemaEngine.Build(set, SqlDialect.Postgres);
        Assert.False(built.HasErrors, string.Join("\n", built.Diagnostics));

        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var live = await PostgresSchemaReader.ReadAsync(connection);
        var drift = await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None);
        var version = $"PostgreSQL {connection.PostgreSqlVersion}";
        CatalogComparer.AssertEqual(built.Final, live, version);
        CatalogComparer.AssertEqual(built.Final, drift, $"{version}, the check's read", new CatalogComparison(DriftRead: true));
        return live;
    }
}
