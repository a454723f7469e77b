using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks guarded by information_schema tests that real histories use (a column's
/// nullability, a table's primary key by type, a constraint's row in constraint_column_usage):
/// run on the real server and in the engine, whose catalogs must agree; each guard's THEN
/// branch adds a column, so a wrong decision shows.
/// </summary>
public sealed class PostgresInformationSchemaGuardTests
{
    private static string Guarded(string condition, string then)
        => $"DO $$\nBEGIN\n  IF {condition} THEN\n    {then}\n  END IF;\nEND $$;";

    public static TheoryData<string, string> Histories() => new()
    {
        {
            "is_nullable: a nullable column is made NOT NULL, a NOT NULL one is left",
            "CREATE TABLE t (a int, b int NOT NULL);\n"
            + Guarded("EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'a' AND is_nullable = 'YES')", "ALTER TABLE t ALTER COLUMN a SET NOT NULL; ALTER TABLE t ADD COLUMN a_guard int;") + "\n"
            + Guarded("EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b' AND is_nullable = 'YES')", "ALTER TABLE t ADD COLUMN b_guard int;")
        },
        {
            "constraint_type: a primary key is added only to the table without one",
            "CREATE TABLE with_key (k int PRIMARY KEY, u int UNIQUE);\nCREATE TABLE without_key (k int NOT NULL, u int UNIQUE);\n"
            + Guarded("NOT EXISTS (SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'with_key' AND constraint_type = 'PRIMARY KEY')", "ALTER TABLE with_key ADD COLUMN guard int;") + "\n"
            + Guarded("NOT EXISTS (SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'without_key' AND constraint_type = 'PRIMARY KEY')", "ALTER TABLE without_key ADD PRIMARY KEY (k);")
        },
        {
            "constraint_column_usage: a missing constraint is added, an existing one is not",
            "CREATE TABLE tokens (id int PRIMARY KEY, token text CONSTRAINT tokens_token_unique UNIQUE, parent text);\n"
            + Guarded("NOT EXISTS (SELECT * FROM information_schema.constraint_column_usage WHERE table_schema = 'public' AND table_name = 'tokens' AND constraint_name = 'tokens_token_unique')", "ALTER TABLE tokens ADD COLUMN again int;") + "\n"
            + Guarded("NOT EXISTS (SELECT * FROM information_schema.constraint_column_usage WHERE table_schema = 'public' AND table_name = 'tokens' AND constraint_name = 'tokens_parent_key')", "ALTER TABLE tokens ADD CONSTRAINT tokens_parent_key UNIQUE (parent);")
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_decides_as_the_server_does(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
