using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Defaults (and CHECKs) that depend on a type or a sequence, and what the server does to them
/// when the column's type changes, or the type or sequence is renamed or dropped: run on the real
/// server, read back, and compared with the engine's catalog of the same SQL.
/// </summary>
public sealed class PostgresDefaultDependencyTests
{
    [PostgresTheory]
    [InlineData("a type change keeps the old type's cast on the default", """
        CREATE TYPE cur AS ENUM ('USD');
        CREATE TABLE t (a cur DEFAULT 'USD', b varchar(5) DEFAULT 'x', c text DEFAULT 'x', d character(3) DEFAULT 'ab',
          e character(3) DEFAULT 'ab', f jsonb DEFAULT '{}', g timestamp DEFAULT '2020-01-01', h varchar(5) DEFAULT 'x',
          i text[] DEFAULT '{x}', j cur[] DEFAULT '{USD}', k int DEFAULT -1, l boolean DEFAULT true, m serial);
        ALTER TABLE t ALTER a TYPE text, ALTER b TYPE text, ALTER c TYPE varchar(3), ALTER d TYPE text, ALTER e TYPE character(5),
          ALTER f TYPE text, ALTER g TYPE timestamptz, ALTER h TYPE varchar(10), ALTER i TYPE varchar[], ALTER j TYPE text[],
          ALTER k TYPE bigint, ALTER l TYPE text, ALTER m TYPE bigint;
        """)]
    [InlineData("drop type cascade drops a default converted by a type change (ghostfolio)", """
        CREATE TYPE cur AS ENUM ('USD');
        CREATE TABLE acct (currency cur NOT NULL DEFAULT 'USD', codes cur[] DEFAULT '{USD}');
        ALTER TABLE acct ALTER COLUMN currency TYPE text, ALTER COLUMN codes TYPE text[];
        DROP TYPE cur CASCADE;
        """)]
    [InlineData("drop type cascade drops defaults and checks that cast to it", """
        CREATE SCHEMA money;
        CREATE TYPE money.cur AS ENUM ('USD', 'EUR');
        CREATE TABLE acct (a text DEFAULT 'USD'::money.cur, b text DEFAULT CAST('EUR' AS money.cur), c text DEFAULT 'x',
          CONSTRAINT acct_a_check CHECK (a <> 'EUR'::money.cur::text), CONSTRAINT acct_c_check CHECK (c <> ''));
        CREATE DOMAIN code AS text DEFAULT 'USD'::money.cur CHECK (VALUE <> 'EUR'::money.cur::text);
        CREATE TABLE uses_code (c code);
        DROP TYPE money.cur CASCADE;
        """)]
    [InlineData("drop type cascade drops defaults that cast to a domain over it", """
        CREATE TYPE cur AS ENUM ('USD');
        CREATE DOMAIN cur_code AS cur;
        CREATE TABLE acct (a text DEFAULT 'USD'::cur_code, b cur_code, c int DEFAULT 1);
        DROP TYPE cur CASCADE;
        """)]
    [InlineData("alter sequence rename is shown by the nextval default (fider)", """
        CREATE TABLE a (id serial PRIMARY KEY, n int);
        ALTER TABLE a RENAME TO b;
        ALTER SEQUENCE a_id_seq RENAME TO b_id_seq;
        """)]
    [InlineData("alter table renames a sequence too", """
        CREATE TABLE a (id serial PRIMARY KEY);
        ALTER TABLE a_id_seq RENAME TO b_seq;
        ALTER TABLE IF EXISTS b_seq OWNER TO CURRENT_USER;
        """)]
    [InlineData("a renamed sequence stays in its schema", """
        CREATE SCHEMA s;
        CREATE TABLE s.a (id serial, m bigserial);
        ALTER SEQUENCE s.a_id_seq RENAME TO "Renamed";
        ALTER SEQUENCE IF EXISTS s.a_m_seq RENAME TO m_seq;
        ALTER TABLE s.m_seq RENAME TO "M seq";
        """)]
    [InlineData("a sequence the migration creates and names in a default", """
        CREATE SEQUENCE counter;
        CREATE TABLE a (n bigint DEFAULT nextval('counter'::regclass), m bigint DEFAULT nextval('public.Counter'));
        ALTER SEQUENCE counter RENAME TO ticket;
        ALTER SEQUENCE ticket RESTART WITH 10;
        """)]
    [InlineData("drop sequence cascade drops the defaults", """
        CREATE TABLE a (id serial PRIMARY KEY, n int);
        CREATE SEQUENCE unused;
        DROP SEQUENCE a_id_seq, unused CASCADE;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("a default converted by a type change", """
        CREATE TYPE cur AS ENUM ('USD');
        CREATE TABLE acct (currency cur NOT NULL DEFAULT 'USD');
        ALTER TABLE acct ALTER COLUMN currency TYPE text;
        """, "DROP TYPE cur;", DiagnosticCodes.TypeInUse)]
    [InlineData("a check that casts to it", """
        CREATE TYPE cur AS ENUM ('USD');
        CREATE TABLE acct (currency text CHECK (currency <> 'USD'::cur::text));
        """, "DROP TYPE cur;", DiagnosticCodes.TypeInUse)]
    [InlineData("a serial column's sequence", """
        CREATE TABLE a (id serial PRIMARY KEY);
        """, "DROP SEQUENCE a_id_seq;", DiagnosticCodes.SequenceInUse)]
    public async Task A_drop_the_server_refuses_is_an_error(string behaviour, string setup, string drop, string code)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + drop, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(setup, connection)) await command.ExecuteNonQueryAsync();
        await using var refused = new NpgsqlCommand(drop, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused.ExecuteNonQueryAsync());
        Assert.Equal("2BP01", error.SqlState);
    }
}
