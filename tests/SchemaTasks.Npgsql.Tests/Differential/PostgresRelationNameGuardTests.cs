using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks guarded by existence tests on relations the engine knows by name only (sequences,
/// indexes, views), on a constraint's table and on extensions: run on the real server and in the
/// engine, whose catalogs must agree. Each guard's THEN branch adds a column, so a wrong decision
/// shows.
/// </summary>
public sealed class PostgresRelationNameGuardTests
{
    private static string Found(string condition, string column)
        => $"DO $$\nBEGIN\n  IF {condition} THEN\n    ALTER TABLE t ADD COLUMN {column} int;\n  END IF;\nEND $$;";

    private static string Relation(string name, string column, string? relkind = null)
        => Found($"EXISTS (SELECT 1 FROM pg_class WHERE relname = '{name}'{(relkind is null ? string.Empty : $" AND relkind = '{relkind}'")})", column);

    public static TheoryData<string, string> Histories() => new()
    {
        {
            "pg_class: serial sequence, constraint indexes, plain and generated indexes, sequences, views",
            "CREATE TABLE t (id serial PRIMARY KEY, x int UNIQUE, y int);\n"
            + "CREATE INDEX t_named ON t (y);\nCREATE INDEX ON t (x, y);\nCREATE INDEX ON t (y) INCLUDE (x);\nCREATE SEQUENCE counter;\n"
            + "CREATE VIEW v AS SELECT id, x FROM t;\nCREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\nCREATE UNIQUE INDEX mv_id ON mv (id);\n"
            + Relation("t_id_seq", "c_seq") + "\n" + Relation("t_pkey", "c_pkey") + "\n" + Relation("t_x_key", "c_key") + "\n"
            + Relation("t_named", "c_named") + "\n" + Relation("t_x_y_idx", "c_generated") + "\n" + Relation("t_y_x_idx", "c_include") + "\n"
            + Relation("counter", "c_counter") + "\n" + Relation("v", "c_view") + "\n" + Relation("mv", "c_matview") + "\n" + Relation("mv_id", "c_matview_index") + "\n"
            + Relation("absent", "c_absent")
        },
        {
            "pg_class by relkind",
            "CREATE TABLE t (id serial PRIMARY KEY);\nCREATE VIEW v AS SELECT id FROM t;\n"
            + Relation("t_id_seq", "seq_is_s", "S") + "\n" + Relation("t_id_seq", "seq_is_r", "r") + "\n" + Relation("t_pkey", "pkey_is_i", "i") + "\n"
            + Relation("v", "v_is_v", "v") + "\n" + Relation("v", "v_is_m", "m")
        },
        {
            "renamed and dropped relations",
            "CREATE TABLE t (id int, y int);\nCREATE INDEX i0 ON t (y);\nALTER INDEX i0 RENAME TO i1;\nCREATE INDEX j0 ON t (y);\nALTER TABLE t DROP COLUMN y;\n"
            + "CREATE SEQUENCE s0;\nALTER SEQUENCE s0 RENAME TO s1;\nCREATE VIEW v0 AS SELECT 1 AS a;\nALTER TABLE v0 RENAME TO v1;\nCREATE VIEW w AS SELECT 1 AS a;\nDROP VIEW w;\n"
            + "CREATE TABLE u (id int);\nCREATE SEQUENCE u_s OWNED BY u.id;\nDROP TABLE u;\n"
            + Relation("i0", "c_i0") + "\n" + Relation("i1", "c_i1") + "\n" + Relation("j0", "c_j0") + "\n" + Relation("s0", "c_s0") + "\n" + Relation("s1", "c_s1") + "\n"
            + Relation("v0", "c_v0") + "\n" + Relation("v1", "c_v1") + "\n" + Relation("w", "c_w") + "\n" + Relation("u_s", "c_u_s")
        },
        {
            "NOT EXISTS on a view and a sequence",
            "CREATE TABLE t (id serial);\nCREATE VIEW v AS SELECT id FROM t;\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'v')", "no_view") + "\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 't_id_seq')", "no_seq")
        },
        {
            "information_schema.tables, pg_type, pg_indexes and to_regclass on views",
            "CREATE TABLE t (id int PRIMARY KEY);\nCREATE VIEW v AS SELECT id FROM t;\nCREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\n"
            + Found("EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'v')", "it_view") + "\n"
            + Found("EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'v' AND table_type = 'BASE TABLE')", "it_view_base") + "\n"
            + Found("EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'mv')", "it_matview") + "\n"
            + Found("EXISTS (SELECT 1 FROM pg_type WHERE typname = 'v')", "type_view") + "\n"
            + Found("EXISTS (SELECT 1 FROM pg_type WHERE typname = '_mv')", "type_matview_array") + "\n"
            + Found("EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 't_pkey' AND tablename = 't')", "index_of_t") + "\n"
            + Found("to_regclass('public.v') IS NOT NULL", "regclass_view")
        },
        {
            "a generated name is numbered past a view and a sequence of that name",
            "CREATE SEQUENCE t_pkey;\nCREATE TABLE t (id int PRIMARY KEY, y int);\nCREATE VIEW t_y_idx AS SELECT 1 AS a;\nCREATE INDEX ON t (y);\n"
            + Relation("t_pkey1", "c_pkey1") + "\n" + Relation("t_y_idx1", "c_idx1")
        },
        {
            "conrelid: a foreign key added once, by its table",
            "CREATE TABLE u (id int PRIMARY KEY);\nCREATE TABLE t (x int);\n"
            + "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_x_fkey' AND conrelid = 't'::regclass) THEN ALTER TABLE t ADD CONSTRAINT t_x_fkey FOREIGN KEY (x) REFERENCES u(id); END IF; END $$;\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_x_fkey' AND conrelid = 'public.t'::regclass)", "again") + "\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_x_fkey' AND conrelid = to_regclass('u'))", "not_on_u")
        },
        {
            "an undecided step that only drops and creates indexes leaves pg_type and pg_class tests on other kinds decided (Mattermost 000075, 000090)",
            "CREATE TABLE t (id int PRIMARY KEY, y int, kind varchar(10));\nCREATE INDEX t_y_idx ON t (y);\nCREATE VIEW v AS SELECT id FROM t;\n"
            + "DO $$ BEGIN IF (SELECT count(*) FROM t) > 0 THEN DROP INDEX IF EXISTS t_y_idx; CREATE INDEX IF NOT EXISTS t_y_idx ON t (kind); CREATE INDEX ON t ((y + 1)); END IF; END $$;\n"
            + "DO $$ BEGIN IF NOT EXISTS (SELECT * FROM pg_type typ INNER JOIN pg_namespace nsp ON nsp.oid = typ.typnamespace WHERE nsp.nspname = current_schema() AND typ.typname = 'kind_t') THEN CREATE TYPE kind_t AS ENUM ('a', 'b'); END IF; END $$;\n"
            + "ALTER TABLE t ALTER COLUMN kind TYPE kind_t USING kind::kind_t;\n"
            + Found("EXISTS (SELECT 1 FROM pg_type WHERE typname = 'v')", "type_view") + "\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'absent')", "type_absent") + "\n"
            + Found("NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'absent')", "table_absent") + "\n"
            + Relation("v", "view_found", "v")
        },
        {
            "pg_extension: created once",
            "CREATE TABLE t (x int);\n"
            + "DO $$ BEGIN IF (NOT EXISTS (select extname from pg_extension where extname='btree_gin')) THEN CREATE EXTENSION btree_gin; END IF; END $$;\n"
            + Found("NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin')", "again") + "\n"
            + Found("EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'plpgsql')", "plpgsql")
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_decides_as_the_server_does(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
