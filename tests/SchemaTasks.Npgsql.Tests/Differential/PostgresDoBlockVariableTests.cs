using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks that test information_schema.columns into a boolean variable and guard DDL with it
/// (Mattermost's shape), with filters on the column's type: run on the real server and in the
/// engine, whose catalogs must agree. Each THEN adds a column, so a wrong decision shows.
/// </summary>
public sealed class PostgresDoBlockVariableTests
{
    private static string CountInto(string variable, string table, string column, string filters = "")
        => $"SELECT count(*) != 0 INTO {variable} FROM information_schema.columns WHERE table_name = '{table}' AND table_schema = current_schema() AND column_name = '{column}'{filters};";

    private static string Block(string declare, string body)
        => $"DO $$\nDECLARE\n  {declare}\nBEGIN\n  {body}\nEND $$;\n";

    public static TheoryData<string, string> Histories() => new()
    {
        {
            "count(*) != 0 INTO v with NOT data_type = a spelling the server never shows: the column is retyped",
            "CREATE TABLE teams (id int, alloweddomains varchar(500));\n"
            + Block("column_exist boolean := false;", CountInto("column_exist", "teams", "alloweddomains", " AND NOT data_type = 'varchar(1000)'")
                + "\n  IF column_exist THEN ALTER TABLE teams ALTER COLUMN alloweddomains TYPE varchar(1000); ALTER TABLE teams ADD COLUMN retyped int; END IF;")
            + Block("column_exist boolean := false;", CountInto("column_exist", "teams", "missing") + "\n  IF column_exist THEN ALTER TABLE teams ADD COLUMN wrong int; END IF;")
        },
        {
            "col_exists AND NOT type_exists, by data_type and character_maximum_length",
            "CREATE TABLE preferences (value varchar(2000), other varchar(100));\n"
            + Block(
                "type_exists boolean := false;\n  col_exists boolean := false;",
                CountInto("col_exists", "preferences", "value") + "\n  " + CountInto("type_exists", "preferences", "value", " AND data_type = 'character varying' AND character_maximum_length = 2000")
                + "\n  IF col_exists AND NOT type_exists THEN ALTER TABLE preferences ADD COLUMN wrong int; END IF;")
            + Block(
                "type_exists boolean := false;\n  col_exists boolean := false;",
                CountInto("col_exists", "preferences", "other") + "\n  " + CountInto("type_exists", "preferences", "other", " AND data_type = 'character varying' AND character_maximum_length = 2000")
                + "\n  IF col_exists AND NOT type_exists THEN ALTER TABLE preferences ALTER COLUMN other TYPE varchar(2000); ALTER TABLE preferences ADD COLUMN retyped int; END IF;")
        },
        {
            "alter_a OR alter_b over != on data_type, udt_name and arrays, enums, timestamps",
            "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE posts (props text, tags int[], m mood, at timestamp(3), n numeric(10,2));\n"
            + Block(
                "alter_props boolean := false;\n  alter_tags boolean := false;",
                CountInto("alter_props", "posts", "props", " AND data_type != 'jsonb'") + "\n  " + CountInto("alter_tags", "posts", "tags", " AND udt_name <> '_int4'")
                + "\n  IF alter_tags OR alter_props THEN ALTER TABLE posts ADD COLUMN either int; END IF;\n  IF alter_tags THEN ALTER TABLE posts ADD COLUMN wrong int; END IF;")
            + Block(
                "e boolean;\n  ts boolean;\n  num boolean;",
                CountInto("e", "posts", "m", " AND data_type = 'USER-DEFINED' AND udt_name = 'mood'") + "\n  " + CountInto("ts", "posts", "at", " AND data_type = 'timestamp without time zone'")
                + "\n  " + CountInto("num", "posts", "n", " AND data_type = 'numeric' AND udt_name = 'numeric'")
                + "\n  IF e AND ts AND num THEN ALTER TABLE posts ADD COLUMN types_read int; END IF;")
        },
        {
            "count(*) = 0 and v := EXISTS (...): a missing column is added once",
            "CREATE TABLE channels (id int);\n"
            + Block("column_exist boolean := false;", "SELECT count(*) = 0 INTO column_exist FROM information_schema.columns WHERE table_name = 'channels' AND column_name = 'lastrootpostat';\n  IF column_exist THEN ALTER TABLE channels ADD COLUMN lastrootpostat bigint DEFAULT '0'::bigint; END IF;")
            + Block("present boolean;", "present := EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'channels' AND column_name = 'lastrootpostat');\n  IF NOT present THEN ALTER TABLE channels ADD COLUMN wrong int; END IF;")
        },
        {
            "a value set before an error the handler catches stays set",
            "CREATE TABLE t (id int);\n"
            + Block("v boolean := false;", "BEGIN v := true; ALTER TABLE missing ADD COLUMN x int; EXCEPTION WHEN undefined_table THEN NULL; END;\n  IF v THEN ALTER TABLE t ADD COLUMN kept int; END IF;")
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_decides_as_the_server_does(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
