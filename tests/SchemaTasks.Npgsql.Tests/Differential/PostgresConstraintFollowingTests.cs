using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Statements whose effect on other objects the engine must reproduce (DROP COLUMN taking the
/// constraints that use the column, casts to multi-word types, temporary tables): run on the real
/// server, read back, and compared with the engine's catalog of the same SQL.
/// </summary>
public sealed class PostgresConstraintFollowingTests
{
    [PostgresTheory]
    [InlineData("drop column keeps no constraint that used it", """
        CREATE TABLE parent (id int PRIMARY KEY);
        CREATE TABLE child (id int PRIMARY KEY, a int, b int, parent_id int REFERENCES parent (id),
          CONSTRAINT child_a_b_key UNIQUE (a, b), CONSTRAINT child_a_or_b CHECK (a IS NOT NULL OR b IS NOT NULL), CHECK (a > 0));
        ALTER TABLE child DROP COLUMN b, DROP COLUMN parent_id;
        """)]
    [InlineData("drop column drops a multi-column value set", """
        CREATE TABLE t (id int, status text CONSTRAINT t_status_check CHECK (status IN ('a', 'b')), kind text,
          CONSTRAINT t_kind_status CHECK (kind IN ('x', 'y') OR status = 'a'), CONSTRAINT t_kind CHECK (kind IN ('x', 'y')));
        ALTER TABLE t DROP COLUMN status;
        """)]
    [InlineData("a dropped constraint's name is free again", """
        CREATE TABLE t (a int, b int, CONSTRAINT t_uq UNIQUE (a, b));
        ALTER TABLE t RENAME COLUMN b TO c;
        ALTER TABLE t DROP COLUMN c;
        ALTER TABLE t ADD CONSTRAINT t_uq UNIQUE (a);
        """)]
    [InlineData("casts to multi-word types in defaults", """
        CREATE TABLE t (d text DEFAULT 'x'::character varying, e timestamp with time zone DEFAULT now(),
          f double precision, g varchar(5) CHECK (g <> ''::character varying));
        """)]
    [InlineData("a bare bpchar has no length, char has one", """
        CREATE TABLE t (q bpchar DEFAULT 'ab', b char, c bpchar(4) DEFAULT 'x', d character, e bpchar[]);
        """)]
    [InlineData("an interval's precision follows its fields", """
        CREATE TABLE t (b interval day to second(3), c interval(2), e interval minute to second(0), f interval second(2));
        """)]
    [InlineData("temporary tables shadow and vanish", """
        CREATE TABLE t (a int);
        CREATE TEMP TABLE scratch AS SELECT a FROM t;
        CREATE TEMP TABLE t (z int);
        ALTER TABLE t ADD COLUMN only_temp int;
        ALTER TABLE public.t ADD COLUMN b int;
        DROP TABLE scratch, t;
        """)]
    [InlineData("select into temporary tables vanish", """
        CREATE TABLE a (x int, y text);
        SELECT * INTO TEMP TABLE t FROM a;
        SELECT x INTO TEMPORARY t2 FROM a;
        WITH w AS (SELECT y FROM a) SELECT * INTO LOCAL TEMP t3 FROM w;
        SELECT * INTO pg_temp.t4 FROM a;
        ALTER TABLE t ADD COLUMN only_temp int;
        DROP TABLE t, t2, t3;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
