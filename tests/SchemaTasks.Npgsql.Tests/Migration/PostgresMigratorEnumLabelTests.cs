using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>
/// SchemaTasks' migrator decides whether a file that adds an enum label can run in one transaction
/// from the statements' constants, as the build reads them (LabelConstants), not from the text.
/// </summary>
public sealed class PostgresMigratorEnumLabelTests
{
    private const string Schema = "CREATE TYPE status AS ENUM ('queued');\nCREATE TABLE job (id int, status status, tags status[]);\nINSERT INTO job VALUES (1, 'queued', '{queued}');";

    [PostgresFact]
    public async Task A_label_used_in_an_array_literal_runs_outside_a_transaction_and_succeeds()
    {
        // In one transaction the server refuses the UPDATE (55P04); a search for the quoted label missed it.
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", Schema)
            .Add("2", "ALTER TYPE status ADD VALUE 'done';\nUPDATE job SET tags = '{queued,done}';")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.Equal("{queued,done}", await db.ScalarAsync<string>("SELECT tags::text FROM job"));
    }

    [PostgresFact]
    public async Task A_label_only_in_a_comment_keeps_the_transaction()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", Schema)
            .Add("2", "ALTER TYPE status ADD VALUE 'done';\nCREATE TABLE report (\n  id int -- becomes 'done' later\n);")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, true], result.Applied.Select(a => a.InTransaction));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_enum WHERE enumtypid = 'status'::regtype"));
    }
}
