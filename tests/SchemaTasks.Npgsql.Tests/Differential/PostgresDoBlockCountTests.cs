using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks that count catalog rows before DDL: a count selected into an integer, FOUND after
/// PERFORM or SELECT ... INTO, and a count subquery compared with 0. Run on the real server and
/// in the engine, whose catalogs must agree; each guarded step adds a column or a type, so a
/// wrong decision shows.
/// </summary>
public sealed class PostgresDoBlockCountTests
{
    public static TheoryData<string, string> Histories() => new()
    {
        {
            "count(*) INTO an integer, = 0 and > 0, on a column missing and one present",
            """
            CREATE TABLE t (id int PRIMARY KEY);
            DO $$
            DECLARE n int;
            BEGIN
              SELECT count(*) INTO n FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c';
              IF n = 0 THEN
                ALTER TABLE t ADD COLUMN c int;
              END IF;
              SELECT count(*) INTO n FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c';
              IF n > 0 THEN ALTER TABLE t ADD COLUMN seen int; END IF;
              IF n = 0 THEN ALTER TABLE t ADD COLUMN wrong int; END IF;
            END $$;
            DO $$
            DECLARE n bigint := 0;
            BEGIN
              IF n <> 0 THEN ALTER TABLE t ADD COLUMN wrong2 int; END IF;
              SELECT count(1) INTO n FROM pg_type WHERE typname = 't';
              IF n >= 1 THEN ALTER TABLE t ADD COLUMN row_type int; END IF;
            END $$;
            """
        },
        {
            "PERFORM then IF NOT FOUND, FOUND's start value, and a loop that ran",
            """
            CREATE TABLE t (id int);
            DO $$ BEGIN PERFORM 1 FROM pg_type WHERE typname = 'x'; IF NOT FOUND THEN CREATE TYPE x AS ENUM ('a'); END IF; END $$;
            DO $$ BEGIN PERFORM 1 FROM pg_type WHERE typname = 'x'; IF NOT FOUND THEN CREATE TYPE x AS ENUM ('b'); END IF; END $$;
            DO $$ BEGIN IF FOUND THEN ALTER TABLE t ADD COLUMN wrong int; END IF; END $$;
            DO $$ DECLARE v text;
            BEGIN
              SELECT typname INTO v FROM pg_type WHERE typname = 'nope';
              IF NOT FOUND THEN ALTER TABLE t ADD COLUMN missing_type int; END IF;
              PERFORM 1 FROM pg_type WHERE typname = 'x';
              ALTER TABLE t ADD COLUMN between_ int;
              IF FOUND THEN ALTER TABLE t ADD COLUMN kept_after_ddl int; END IF;
              FOREACH v IN ARRAY ARRAY['a'] LOOP NULL; END LOOP;
              PERFORM 1 FROM pg_type WHERE typname = 'nope';
              FOREACH v IN ARRAY ARRAY['a'] LOOP NULL; END LOOP;
              IF FOUND THEN ALTER TABLE t ADD COLUMN loop_ran int; END IF;
            END $$;
            """
        },
        {
            "a count subquery compared with 0",
            """
            CREATE TYPE y0 AS ENUM ('a');
            DO $$ BEGIN IF (SELECT count(*) FROM pg_type WHERE typname = 'y') = 0 THEN CREATE TYPE y AS ENUM ('a'); END IF; END $$;
            DO $$ BEGIN IF (SELECT count(*) FROM pg_type WHERE typname = 'y') = 0 THEN CREATE TYPE y AS ENUM ('b'); END IF; END $$;
            DO $$ BEGIN IF (SELECT count(*) FROM pg_type WHERE typname = 'y0') > 0 THEN ALTER TYPE y0 ADD VALUE 'b'; END IF; END $$;
            """
        },
    };

    [PostgresTheory]
    [MemberData(nameof(Histories))]
    public Task Engine_decides_as_the_server_does(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
