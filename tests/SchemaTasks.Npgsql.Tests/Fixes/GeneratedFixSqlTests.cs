using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Fixes;

/// <summary>The fix SQL the build offers runs on a real PostgreSQL and yields the intended value set.</summary>
public sealed class GeneratedFixSqlTests
{
    [PostgresFact]
    public async Task EnumTypeFix_AddsTheLabelsInOrder()
    {
        const string schema = """CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');""";
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "enum", "JobStatus", "", "CANCELLED", "PAUSED");

        var labels = await ApplyAndQueryAsync(schema, fix, """
            SELECT enumlabel FROM pg_enum WHERE enumtypid = '"JobStatus"'::regtype ORDER BY enumsortorder
            """);

        Assert.Equal(["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED", "PAUSED"], labels);
    }

    [PostgresFact]
    public async Task CheckConstraintFix_AllowsTheNewValueAndStillRejectsOthers()
    {
        const string schema = """
            CREATE TABLE bots (id serial PRIMARY KEY, health_status text NOT NULL DEFAULT 'normal'
                CHECK (health_status IN ('normal','potentially_stuck')));
            """;
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "column", "bots", "health_status", "unhealthy");

        var definitions = await ApplyAndQueryAsync(schema, fix + "INSERT INTO bots (health_status) VALUES ('unhealthy');", """
            SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'bots_health_status_check'
            """);

        Assert.Equal(["CHECK ((health_status = ANY (ARRAY['normal'::text, 'potentially_stuck'::text, 'unhealthy'::text])))"], definitions);
        await Assert.ThrowsAsync<PostgresException>(() => ApplyAndQueryAsync(schema, fix + "INSERT INTO bots (health_status) VALUES ('bogus');", "SELECT 1::text"));
    }

    [PostgresFact]
    public async Task DomainFix_ReplacesTheDomainCheck()
    {
        const string schema = """
            CREATE DOMAIN priority AS text CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high'));
            CREATE TABLE tasks (p priority);
            """;
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "column", "tasks", "p", "urgent");

        var inserted = await ApplyAndQueryAsync(schema, fix + "INSERT INTO tasks VALUES ('urgent');", "SELECT p::text FROM tasks");

        Assert.Equal(["urgent"], inserted);
    }

    [PostgresFact]
    public async Task DomainInASchemaNamedWithADot_FixReplacesItsCheckOnTheServer()
    {
        const string schema = """
            CREATE SCHEMA "a.b";
            CREATE DOMAIN "a.b".priority AS text CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high'));
            CREATE TABLE tasks (p "a.b".priority);
            """;
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "column", "tasks", "p", "urgent");

        var inserted = await ApplyAndQueryAsync(schema, fix + "INSERT INTO tasks VALUES ('urgent');", "SELECT p::text FROM tasks");

        Assert.Equal(["urgent"], inserted);
    }

    [PostgresFact]
    public async Task EnumTypeNamedWithADot_FixAddsTheLabelOnTheServer()
    {
        const string schema = """CREATE TYPE "my.status" AS ENUM ('on');""";
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "enum", "my.status", "", "off");

        var labels = await ApplyAndQueryAsync(schema, fix, """
            SELECT enumlabel FROM pg_enum WHERE enumtypid = '"my.status"'::regtype ORDER BY enumsortorder
            """);

        Assert.Equal(["on", "off"], labels);
    }

    [PostgresFact]
    public async Task ColumnOfADomainOverAnEnumType_FixAddsTheLabelToTheEnumType()
    {
        const string schema = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE DOMAIN feeling AS mood;
            CREATE TABLE people (f feeling);
            """;
        var fix = GeneratedFix.For(SqlDialect.Postgres, schema, "column", "people", "f", "calm");

        // A label added in a transaction cannot be used in it, so the test reads the type's labels.
        var labels = await ApplyAndQueryAsync(schema, fix, "SELECT enumlabel FROM pg_enum WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder");

        Assert.Equal(["happy", "sad", "calm"], labels);
    }

    private static async Task<List<string>> ApplyAndQueryAsync(string schema, string fix, string query)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var apply = new NpgsqlCommand(schema + "\n" + fix, connection))
        {
            await apply.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(query, connection);
        await using var reader = await read.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
