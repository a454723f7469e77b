using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A temporary table a DO block creates lives in the migration's session like one created at
/// the top level: dropping it inside the block or after it is accepted, and the catalog matches
/// the server's; an exception block that fails takes it back, and the server then refuses the
/// drop (42P01) where the engine reports it.
/// </summary>
public sealed class PostgresTemporaryTableInDoBlockTests
{
    [PostgresTheory]
    [InlineData("dropped inside the block", """
        CREATE TABLE t (id int, v int);
        DO $$
        BEGIN
            CREATE TEMP TABLE tmp_r (id int) ON COMMIT DROP;
            INSERT INTO tmp_r SELECT id FROM t;
            DROP TABLE tmp_r;
        END $$;
        """)]
    [InlineData("dropped after the block", """
        CREATE TABLE t (id int, v int);
        DO $$
        BEGIN
            CREATE TEMPORARY TABLE tmp_r AS SELECT id FROM t;
        END $$;
        DROP TABLE tmp_r;
        """)]
    [InlineData("shadowing a permanent table until dropped", """
        CREATE TABLE t (id int, v int);
        DO $$ BEGIN CREATE TEMP TABLE t (z int); END $$;
        DO $$ BEGIN DROP TABLE t; END $$;
        ALTER TABLE t ADD COLUMN w int;
        """)]
    public Task The_catalog_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresFact]
    public async Task A_temporary_table_of_a_failed_exception_block_is_gone()
    {
        const string sql = """
            DO $$
            BEGIN
                BEGIN
                    CREATE TEMP TABLE tmp_r (id int);
                    ALTER TABLE missing ADD COLUMN x int;
                EXCEPTION WHEN undefined_table THEN NULL;
                END;
            END $$;
            DROP TABLE tmp_r;
            """;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.TableNotFound && diagnostics[0].Line == 9, string.Join("\n", diagnostics));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42P01", refused.SqlState);
    }
}
