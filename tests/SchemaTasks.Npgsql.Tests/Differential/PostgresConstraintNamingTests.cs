using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// The names PostgreSQL gives unnamed constraints, the key specs it merges, and the foreign keys a
/// dropped key takes with it: each script runs on the real server, is read back, and is compared
/// with the engine's catalog of the same SQL (names included, so a later DROP CONSTRAINT of a
/// generated name drops what the server drops).
/// </summary>
public sealed class PostgresConstraintNamingTests
{
    [PostgresTheory]
    [InlineData("a column CHECK using another column is named after the table", """
        CREATE TABLE t (s text CHECK (s IN ('a', 'b') OR f), f boolean, CHECK (s IN ('a', 'b', 'c')));
        ALTER TABLE t DROP CONSTRAINT t_s_check;
        """)]
    [InlineData("two multi-column CHECKs number in written order", """
        CREATE TABLE ck (a int, m text CHECK (m IN ('x', 'y') OR n > 0), n int, CHECK (a > n));
        ALTER TABLE ck DROP CONSTRAINT ck_check;
        """)]
    [InlineData("table and column CHECKs interleave in written order", """
        CREATE TABLE t2 (a int, CHECK (a > 0 AND b > 0), b int CHECK (b > a), c int CHECK (true), d int CHECK (d > 0 AND d < 9));
        ALTER TABLE t2 DROP CONSTRAINT t2_check;
        """)]
    [InlineData("ALTER TABLE names added columns' CHECKs before ADD CHECK", """
        CREATE TABLE t5 (a int, b int);
        ALTER TABLE t5 ADD CHECK (a > b), ADD COLUMN c int CHECK (c > a), ADD CHECK (a > 0), ADD COLUMN d int CHECK (true);
        ALTER TABLE t5 ADD CHECK (a > y), ADD COLUMN y int CHECK (y > 0), ADD COLUMN z int CHECK (z > a);
        ALTER TABLE t5 DROP CONSTRAINT t5_check2, DROP CONSTRAINT t5_check3;
        """)]
    [InlineData("ALTER TABLE adds the key after the column it names", """
        CREATE TABLE j (a int);
        ALTER TABLE j ADD PRIMARY KEY (x), ADD COLUMN x int;
        """)]
    [InlineData("a domain's CHECKs are named after the domain", """
        CREATE DOMAIN dm AS int CHECK (VALUE > 0) CHECK (VALUE < 10);
        CREATE TABLE td (v dm CHECK (v > 1));
        """)]
    [InlineData("PRIMARY KEY UNIQUE is one index", """
        CREATE TABLE a (k int PRIMARY KEY UNIQUE);
        ALTER TABLE a ADD CONSTRAINT a_k_key UNIQUE (k);
        """)]
    [InlineData("a column UNIQUE under a table PRIMARY KEY is merged", """
        CREATE TABLE b (k int UNIQUE, PRIMARY KEY (k));
        """)]
    [InlineData("repeated UNIQUE specs are one index", """
        CREATE TABLE c (k int UNIQUE UNIQUE);
        CREATE TABLE d (k int, UNIQUE (k), UNIQUE (k), UNIQUE (j), j int);
        """)]
    [InlineData("the kept key takes a dropped duplicate's name", """
        CREATE TABLE e (k int UNIQUE, CONSTRAINT named_u UNIQUE (k));
        CREATE TABLE f (k int PRIMARY KEY, CONSTRAINT f_named UNIQUE (k));
        """)]
    [InlineData("keys that differ in options are not merged", """
        CREATE TABLE g (k int, j int, UNIQUE (k), UNIQUE (k) DEFERRABLE, UNIQUE NULLS NOT DISTINCT (k), UNIQUE (k) INCLUDE (j),
          UNIQUE (j, k), UNIQUE (k, j), m int PRIMARY KEY UNIQUE DEFERRABLE);
        """)]
    [InlineData("separate ADD CONSTRAINTs are not merged, one added column's specs are", """
        CREATE TABLE h (k int);
        ALTER TABLE h ADD UNIQUE (k), ADD UNIQUE (k);
        ALTER TABLE h ADD COLUMN m int UNIQUE UNIQUE;
        """)]
    [InlineData("DROP CONSTRAINT pkey CASCADE drops the foreign keys that use it", """
        CREATE TABLE p (k int PRIMARY KEY, code int CONSTRAINT p_code_key UNIQUE);
        CREATE TABLE c (k int REFERENCES p, k2 int REFERENCES p (k), code int REFERENCES p (code));
        ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE;
        ALTER TABLE p ADD PRIMARY KEY (k);
        ALTER TABLE c ADD CONSTRAINT c_k_fkey FOREIGN KEY (k) REFERENCES p (k);
        """)]
    [InlineData("a self-reference and a reversed column order follow the key", """
        CREATE TABLE s (id int PRIMARY KEY, code int, parent int, CONSTRAINT s_code_key UNIQUE (code),
          CONSTRAINT s_parent FOREIGN KEY (parent) REFERENCES s (code));
        CREATE TABLE m (a int, b int, PRIMARY KEY (a, b));
        CREATE TABLE n (a int, b int, FOREIGN KEY (b, a) REFERENCES m (b, a), FOREIGN KEY (a, b) REFERENCES m);
        ALTER TABLE s DROP CONSTRAINT s_code_key CASCADE;
        ALTER TABLE m DROP CONSTRAINT m_pkey CASCADE;
        """)]
    [InlineData("renamed tables and columns keep their foreign keys' dependency", """
        CREATE TABLE p (k int PRIMARY KEY, u int UNIQUE);
        CREATE TABLE c (k int REFERENCES p, u int REFERENCES p (u));
        ALTER TABLE p RENAME TO p2;
        ALTER TABLE p2 RENAME COLUMN u TO u2;
        ALTER TABLE p2 DROP CONSTRAINT p_u_key CASCADE;
        ALTER TABLE c RENAME TO c2;
        ALTER TABLE p2 DROP CONSTRAINT p_pkey CASCADE;
        """)]
    [InlineData("DROP INDEX CASCADE of a unique index drops the foreign keys that use it", """
        CREATE TABLE u (k int);
        CREATE UNIQUE INDEX u_k ON u (k);
        CREATE TABLE v (k int REFERENCES u (k));
        DROP INDEX u_k CASCADE;
        ALTER TABLE v ADD CONSTRAINT v_k_fkey CHECK (k > 0);
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
