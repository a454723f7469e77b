using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A label ALTER TYPE ... ADD VALUE added, used in the same transaction: the server refuses each
/// shape the engine reports as ST3072 (55P04) and runs each shape it accepts, in one explicit
/// transaction and as one multi-statement command (the implicit transaction of tools that send a
/// file as one query); statement by statement, every shape runs.
/// </summary>
public sealed class PostgresUncommittedEnumLabelTests
{
    private const string Setup = """
        CREATE TYPE status AS ENUM ('a', 'b');
        CREATE TYPE other AS ENUM ('c');
        CREATE TABLE t (id int, s status NOT NULL DEFAULT 'a', o other);
        """;

    private const string Add = "ALTER TYPE status ADD VALUE 'c';\n";


    [PostgresTheory]
    [InlineData("set default", "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';", true)]
    [InlineData("create table default", "CREATE TABLE t2 (s status DEFAULT 'c');", true)]
    [InlineData("enum array default", "CREATE TABLE t3 (s status[] DEFAULT '{a,c}');", true)]
    [InlineData("domain default", "CREATE DOMAIN ds AS status DEFAULT 'c';", true)]
    [InlineData("insert", "INSERT INTO t (id, s) VALUES (1, 'c');", true)]
    [InlineData("update", "UPDATE t SET s = 'c';", true)]
    [InlineData("delete", "DELETE FROM t WHERE s = 'c';", true)]
    [InlineData("cast", "SELECT 'c'::status;", true)]
    [InlineData("cast function", "SELECT CAST('c' AS status);", true)]
    [InlineData("check", "ALTER TABLE t ADD CONSTRAINT k CHECK (s <> 'c');", true)]
    [InlineData("check value list", "ALTER TABLE t ADD CONSTRAINT k CHECK (s IN ('a', 'c'));", true)]
    [InlineData("index predicate", "CREATE INDEX t_c ON t (id) WHERE s = 'c';", true)]
    [InlineData("view", "CREATE VIEW v AS SELECT * FROM t WHERE s = 'c';", true)]
    [InlineData("renamed after it was added", "ALTER TYPE status RENAME VALUE 'c' TO 'd';\nSELECT 'd'::status;", true)]
    [InlineData("added again with IF NOT EXISTS", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'c';\nSELECT 'c'::status;", true)]
    [InlineData("an older label", "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'b';", false)]
    [InlineData("another type's label of the same spelling", "INSERT INTO t (id, o) VALUES (1, 'c');\nSELECT 'c'::other;", false)]
    [InlineData("a text constant", "SELECT 'c'::text;", false)]
    [InlineData("a committed label renamed", "ALTER TYPE status RENAME VALUE 'b' TO 'z';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'z';", false)]
    [InlineData("an existing label added with IF NOT EXISTS", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'b';\nSELECT 'b'::status;", false)]
    [InlineData("a comment", "-- SET DEFAULT 'c'\nSELECT 1;", false)]
    public async Task Engine_reports_exactly_what_the_server_refuses_in_one_transaction(string shape, string use, bool refused)
    {
        var migration = Add + use;

        // The engine's build adds a control after the shape, a label added and cast, which it must report too.
        var diagnostics = Build(migration + "\nALTER TYPE status ADD VALUE 'e';\nSELECT 'e'::status;");
        var expected = refused ? 2 : 1;
        Assert.True(diagnostics.Count == expected && diagnostics.All(d => d.Code == DiagnosticCodes.UncommittedEnumLabelUsed), $"{shape}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Setup);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await AssertRunsAsync(shape, refused, () => ExecuteAsync(connection, migration, transaction));
        } // Rolled back: the next run starts from the setup again.

        // One command of several statements is one implicit transaction: the same answer.
        await AssertRunsAsync(shape, refused, () => ExecuteAsync(connection, migration));
    }

    [PostgresFact]
    public async Task Statement_by_statement_every_use_runs_and_goose_NO_TRANSACTION_is_not_reported()
    {
        const string uses = Add + "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\nSELECT 'c'::status;\n";
        Assert.Empty(SchemaEngine.BuildFinal(GooseFolder(uses, "-- +goose NO TRANSACTION\n"), SqlDialect.Postgres).Diagnostics);
        Assert.Equal(2, SchemaEngine.BuildFinal(GooseFolder(uses, string.Empty), SqlDialect.Postgres).Diagnostics.Count(d => d.Code == DiagnosticCodes.UncommittedEnumLabelUsed));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Setup);

        foreach (var statement in new[] { Add, "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';", "INSERT INTO t (id, s) VALUES (1, 'c');", "SELECT 'c'::status;" })
        {
            await ExecuteAsync(connection, statement);
        }
    }

    [PostgresFact]
    public async Task A_use_in_the_next_migration_runs_and_is_not_reported()
    {
        var set = Folder(Setup + "\n" + Add, "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\n");
        Assert.Empty(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        // The control: a label added and used in the second migration is reported there, and only it.
        var control = Folder(Setup + "\n" + Add, "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\nALTER TYPE status ADD VALUE 'd';\nSELECT 'd'::status;\n");
        Assert.Equal(4, Assert.Single(SchemaEngine.BuildFinal(control, SqlDialect.Postgres).Diagnostics).Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var migration in set.Migrations)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, migration.Sql, transaction);
            await transaction.CommitAsync();
        }
    }

    [PostgresFact]
    public async Task A_label_of_a_type_created_in_the_same_transaction_is_refused_before_17_and_warned_of()
    {
        const string migration = "CREATE TYPE fresh AS ENUM ('a');\nALTER TYPE fresh ADD VALUE 'c';\nCREATE TABLE f (s fresh DEFAULT 'c');\n";
        var warning = Assert.Single(Build(migration));
        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRefused, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await AssertRunsAsync("a type created in the same transaction", refused: connection.PostgreSqlVersion.Major < 17, () => ExecuteAsync(connection, migration, transaction));
    }

    private static IReadOnlyList<SchemaDiagnostic> Build(string migration)
        => SchemaEngine.BuildFinal(Folder(Setup, migration), SqlDialect.Postgres).Diagnostics;

    // dbmate, which runs each migration's up section in one transaction.
    private static MigrationSet Folder(string first, string second)
    {
        var discovered = MigrationDiscovery.Discover(
            [new MigrationSourceFile("20240101000000_a.sql", "-- migrate:up\n" + first + "\n-- migrate:down\n"), new MigrationSourceFile("20240102000000_b.sql", "-- migrate:up\n" + second + "\n-- migrate:down\n")],
            MigrationLayout.Dbmate);
        return discovered.Set ?? throw new InvalidOperationException(string.Join("\n", discovered.Diagnostics));
    }

    private static MigrationSet GooseFolder(string second, string marker)
    {
        var discovered = MigrationDiscovery.Discover(
            [new MigrationSourceFile("1_a.sql", "-- +goose Up\n" + Setup + "\n"), new MigrationSourceFile("2_b.sql", marker + "-- +goose Up\n" + second)],
            MigrationLayout.Goose);
        return discovered.Set ?? throw new InvalidOperationException(string.Join("\n", discovered.Diagnostics));
    }

    private static async Task AssertRunsAsync(string shape, bool refused, Func<Task> run)
    {
        if (!refused)
        {
            await run();
            return;
        }

        var error = await Assert.ThrowsAsync<PostgresException>(run);
        Assert.True(error.SqlState == "55P04", $"{shape}: {error.SqlState} {error.MessageText}");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
