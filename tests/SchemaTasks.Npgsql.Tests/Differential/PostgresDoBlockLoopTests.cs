using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks that loop over values written in the block (windmill's FOREACH over a constant
/// array, integer ranges, unnest of an ARRAY literal): the engine runs the body once per value,
/// and its catalog must be the server's.
/// </summary>
public sealed class PostgresDoBlockLoopTests
{
    private const string Tables = "CREATE TABLE script (path varchar(255) PRIMARY KEY, CONSTRAINT proper_id CHECK (path ~ '^[ug](\\/[\\w-]+){2,}$'));\n"
                                  + "CREATE TABLE flow (path varchar(255) PRIMARY KEY, CONSTRAINT proper_id CHECK (path ~ '^[ug](\\/[\\w-]+){2,}$'));\n";

    public static TheoryData<string, string> Histories() => new()
    {
        {
            "FOREACH over a constant array variable, EXECUTE format with %1$I (windmill 20220123221903_first, 20221219051235_folders_2)",
            Tables + "DO\n$do$\n  DECLARE\n    i text;\n    arr text[] := array['script', 'flow'];\n  BEGIN\n  FOREACH i IN ARRAY arr\n  LOOP\n    EXECUTE FORMAT(\n      $$\n"
            + "        ALTER TABLE %1$I ADD COLUMN extra_perms JSONB NOT NULL DEFAULT '{}';\n        ALTER TABLE %1$I DROP CONSTRAINT proper_id;\n"
            + "        ALTER TABLE %1$I ADD CONSTRAINT proper_id CHECK (path ~ '^[ufg](\\/[\\w-]+){2,}$');\n      $$,\n      i\n    );\n  END LOOP;\n  END\n$do$;"
        },
        {
            "integer ranges, REVERSE, BY, an empty range, and nested loops",
            Tables + "CREATE TABLE t (id int);\n"
            + "DO $$ BEGIN FOR i IN REVERSE 3 .. 1 LOOP EXECUTE format('ALTER TABLE t ADD COLUMN c%s int', i); END LOOP; END $$;\n"
            + "DO $$ BEGIN FOR i IN 1..5 BY 2 LOOP EXECUTE format('ALTER TABLE t ADD COLUMN b%s int', i); END LOOP; END $$;\n"
            + "DO $$ BEGIN FOR i IN 2..1 LOOP EXECUTE format('ALTER TABLE t ADD COLUMN z%s int', i); END LOOP; END $$;\n"
            + "DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow'] LOOP FOR n IN 1..2 LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN %I int', t, t || n); END LOOP; END LOOP; END $$;"
        },
        {
            "an array literal in braces, unnest of an ARRAY, and concatenation with quote_ident",
            Tables
            + "DO $$ DECLARE t text; names text[] := '{script,flow}'; BEGIN FOREACH t IN ARRAY names LOOP EXECUTE format('ALTER TABLE %s ADD COLUMN z int', t); END LOOP; END $$;\n"
            + "DO $$ DECLARE t text; BEGIN FOR t IN SELECT unnest(ARRAY['script', 'flow']) AS name LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN y int', t); END LOOP; END $$;\n"
            + "DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['script', 'flow']::text[] LOOP EXECUTE 'ALTER TABLE ' || quote_ident(t) || ' ADD COLUMN x int'; END LOOP; END $$;"
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_runs_the_loop_as_the_server_does(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
