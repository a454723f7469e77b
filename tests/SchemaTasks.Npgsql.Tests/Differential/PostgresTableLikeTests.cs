using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL <c>CREATE TABLE t (LIKE source [INCLUDING ...])</c>, the copies of tables many
/// histories make: the engine builds what the server holds for each option, and what the server
/// refuses is reported at that statement, with the server's SQLSTATE checked.
/// </summary>
public sealed class PostgresTableLikeTests
{
    private const string Source = """
        CREATE TABLE r (id int PRIMARY KEY);
        CREATE TABLE src (id int GENERATED ALWAYS AS IDENTITY, s serial, k text NOT NULL DEFAULT 'a' CHECK (k IN ('a','b')), n int, g int GENERATED ALWAYS AS (n * 2) STORED, f int REFERENCES r, CONSTRAINT named CHECK (n > 0), CONSTRAINT ni CHECK (n < 100) NO INHERIT, PRIMARY KEY (id), UNIQUE (k, n), CONSTRAINT uq UNIQUE (n));
        """;

    [PostgresTheory]
    [InlineData("LIKE alone: columns, types and NOT NULL only", Source + "CREATE TABLE c0 (LIKE src);")]
    [InlineData("INCLUDING ALL among other columns", Source + "CREATE TABLE c1 (pre int, LIKE src INCLUDING ALL, post int NOT NULL, CHECK (post > 0));")]
    [InlineData("INCLUDING DEFAULTS and CONSTRAINTS", Source + "CREATE TABLE c2 (LIKE src INCLUDING DEFAULTS INCLUDING CONSTRAINTS);")]
    [InlineData("INCLUDING ALL EXCLUDING INDEXES", Source + "CREATE TABLE c3 (LIKE src INCLUDING ALL EXCLUDING INDEXES);")]
    [InlineData("INCLUDING INDEXES, IDENTITY and GENERATED, then a key of its own", Source + "CREATE TABLE c4 (LIKE src INCLUDING INDEXES INCLUDING IDENTITY INCLUDING GENERATED, UNIQUE (s));")]
    [InlineData("two LIKEs, and the copy changed afterwards", Source + "CREATE TABLE o (z int DEFAULT 3);\nCREATE TABLE c5 (LIKE o INCLUDING DEFAULTS, LIKE src INCLUDING COMMENTS INCLUDING STORAGE);\nALTER TABLE c5 ADD PRIMARY KEY (id), DROP COLUMN g;")]
    [InlineData("a partitioned table copied, then made a partition of it", """
        CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL CHECK (kind IN ('a','b')), at timestamptz NOT NULL) PARTITION BY RANGE (at);
        CREATE TABLE events_copy (LIKE events INCLUDING ALL);
        ALTER TABLE events ATTACH PARTITION events_copy FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        """)]
    [InlineData("LIKE with INHERITS: inherited columns first, LIKE's merged into them, checks of the same expression merged", """
        CREATE TABLE s1 (a int PRIMARY KEY, b int DEFAULT 1 CONSTRAINT bc CHECK (b > 0), UNIQUE (b));
        CREATE TABLE q1 (c int, b int NOT NULL DEFAULT 7, CONSTRAINT bc CHECK (b > 0));
        CREATE TABLE x1 (z int, LIKE s1 INCLUDING ALL, y int) INHERITS (q1);
        CREATE TABLE x2 (LIKE s1) INHERITS (q1);
        ALTER TABLE q1 DROP COLUMN b;
        """)]
    public Task The_engine_builds_the_servers_schema(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("a column that LIKE copies declared too", Source, "CREATE TABLE c (n int, LIKE src);", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("a CHECK name that LIKE copies declared too", Source, "CREATE TABLE c (LIKE src INCLUDING CONSTRAINTS, CONSTRAINT named CHECK (n > 1));", DiagnosticCodes.ConstraintExists, "42710")]
    [InlineData("LIKE with INHERITS, a copied CHECK an inherited one names otherwise", "CREATE TABLE s1 (b int CONSTRAINT bc CHECK (b > 0));\nCREATE TABLE q2 (b int, CONSTRAINT bc CHECK (b > 5));", "CREATE TABLE x (LIKE s1 INCLUDING ALL) INHERITS (q2);", DiagnosticCodes.ConstraintExists, "42710")]
    [InlineData("LIKE with INHERITS, a copied column of another type", "CREATE TABLE s1 (b int);\nCREATE TABLE q2 (b bigint);", "CREATE TABLE x (LIKE s1) INHERITS (q2);", DiagnosticCodes.InheritanceConflict, "42804")]
    [InlineData("LIKE with INHERITS, parents' defaults LIKE's default does not settle", "CREATE TABLE s1 (b int DEFAULT 3);\nCREATE TABLE q3 (b int DEFAULT 1);\nCREATE TABLE q4 (b int DEFAULT 2);", "CREATE TABLE x (LIKE s1 INCLUDING DEFAULTS) INHERITS (q3, q4);", DiagnosticCodes.InheritanceConflict, "42611")]
    [InlineData("LIKE with INHERITS, a column copied and declared", "CREATE TABLE s1 (b int);\nCREATE TABLE q2 (b int);", "CREATE TABLE x (b int, LIKE s1) INHERITS (q2);", DiagnosticCodes.ColumnExists, "42701")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var setupLines = setup.TrimEnd('\n').Split('\n').Length;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup.TrimEnd('\n') + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setupLines + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }
}
