using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// PostgreSQL keeps a generated name free in the whole schema, not just in its table: a CHECK or
/// foreign key among the schema's constraints, a key's index among its relations and
/// constraints, a serial sequence among its relations, a domain's CHECK among the constraints.
/// So a table created again after the old one was renamed gets numbered names. Each script runs
/// on the real server, is read back, and is compared with the engine's catalog of the same SQL
/// (constraint names and nextval defaults included).
/// </summary>
public sealed class PostgresSchemaWideNameTests
{
    [PostgresTheory]
    [InlineData("a table created again beside its renamed predecessor", """
        CREATE TABLE t (id serial PRIMARY KEY, a int CHECK (a > 0));
        ALTER TABLE t RENAME TO t_old;
        CREATE TABLE t (id serial PRIMARY KEY, a int CHECK (a > 0));
        """)]
    [InlineData("the numbering goes on: 1, then 2", """
        CREATE TABLE q (id serial PRIMARY KEY, a int CHECK (a > 0), u int UNIQUE);
        ALTER TABLE q RENAME TO q1;
        CREATE TABLE q (id serial PRIMARY KEY, a int CHECK (a > 0), u int UNIQUE);
        ALTER TABLE q RENAME TO q2;
        CREATE TABLE q (id serial PRIMARY KEY, a int CHECK (a > 0), u int UNIQUE);
        ALTER TABLE q2 DROP CONSTRAINT q_a_check1;
        """)]
    [InlineData("a foreign key of a table created again", """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (pid int REFERENCES p);
        ALTER TABLE c RENAME TO c_old;
        CREATE TABLE c (pid int REFERENCES p);
        ALTER TABLE c DROP CONSTRAINT c_pid_fkey1;
        ALTER TABLE c ADD FOREIGN KEY (pid) REFERENCES p;
        """)]
    [InlineData("a unique constraint beside a kept unique index of the same name", """
        CREATE TABLE t (a int, b int);
        CREATE UNIQUE INDEX t_a_key ON t (a);
        ALTER TABLE t ADD UNIQUE (a);
        CREATE UNIQUE INDEX w_b_key ON t (b);
        CREATE TABLE w (b int UNIQUE);
        """)]
    [InlineData("serial sequences beside a renamed sequence, a table and an older serial", """
        CREATE TABLE z (id serial);
        ALTER SEQUENCE z_id_seq RENAME TO y_pkey;
        CREATE TABLE y (id serial PRIMARY KEY);
        CREATE TABLE v_id_seq (x int);
        CREATE TABLE v (id serial);
        CREATE TABLE s (id serial);
        ALTER TABLE s RENAME TO s_old;
        CREATE TABLE s (x int);
        ALTER TABLE s ADD COLUMN id serial;
        """)]
    [InlineData("each kind is free only where the server looks", """
        CREATE TABLE a (x int, CONSTRAINT b_pkey CHECK (x > 0));
        CREATE TABLE b (id int PRIMARY KEY);
        CREATE TABLE t_a_check (x int);
        CREATE TABLE t (a int CHECK (a > 0));
        CREATE TABLE w0 (x int CONSTRAINT w_id_seq CHECK (x > 0));
        CREATE TABLE w (id serial);
        CREATE TABLE f0 (x int CONSTRAINT f_x_fkey UNIQUE);
        CREATE TABLE f (x int REFERENCES b);
        CREATE TABLE g0 (x int CONSTRAINT g_x_check UNIQUE);
        CREATE TABLE g (x int CHECK (x > 0));
        CREATE UNIQUE INDEX h_x_check ON b (id);
        CREATE TABLE h (x int CHECK (x > 0));
        CREATE DOMAIN dm_x AS int CHECK (VALUE > 0);
        CREATE TABLE dm (x int CHECK (x > 0));
        """)]
    [InlineData("names in other schemas, moved or dropped tables do not count", """
        CREATE SCHEMA other;
        CREATE TABLE other.e (id serial PRIMARY KEY, a int CHECK (a > 0));
        CREATE TABLE e (id serial PRIMARY KEY, a int CHECK (a > 0));
        CREATE TABLE k (id serial PRIMARY KEY, a int CHECK (a > 0));
        ALTER TABLE k RENAME TO k_old;
        ALTER TABLE k_old SET SCHEMA other;
        CREATE TABLE k (id serial PRIMARY KEY, a int CHECK (a > 0));
        CREATE TABLE d (id serial PRIMARY KEY);
        ALTER TABLE d RENAME TO d_old;
        DROP TABLE d_old;
        CREATE TABLE d (id serial PRIMARY KEY);
        """)]
    [InlineData("a domain's CHECK beside a renamed domain's and a table's", """
        CREATE DOMAIN dm AS int CHECK (VALUE > 0);
        ALTER DOMAIN dm RENAME TO dm_old;
        CREATE DOMAIN dm AS int CHECK (VALUE > 0) CHECK (VALUE < 9);
        CREATE TABLE x (a int, b int, CONSTRAINT dn_check CHECK (a > b));
        CREATE DOMAIN dn AS int CHECK (VALUE > 0);
        ALTER DOMAIN dn ADD CHECK (VALUE < 9);
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
