using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// What a drop takes with it beyond its own object: CHECKs kept as value sets over a cast to a
/// dropped type, the column defaults and CHECKs that call a dropped function, and the foreign keys of other tables that reference a dropped column or a table
/// of a dropped schema. Each script runs on the real server and is compared with the engine's
/// catalog; without CASCADE the server refuses, and the engine reports the code at that line.
/// </summary>
public sealed class PostgresCascadeDependentsTests
{
    private const string CastChecks = """
        CREATE TYPE e AS ENUM ('a', 'b');
        CREATE DOMAIN dm AS text CHECK (VALUE::e IN ('a', 'b'));
        CREATE TABLE t (c text CHECK (c::e = 'a'), d text, g text CHECK (g IN ('x', 'y')), CONSTRAINT dchk CHECK (d::e IN ('a', 'b')));
        """;

    private const string RoutineUsers = """
        CREATE SCHEMA util;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION g(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
        CREATE FUNCTION util.n() RETURNS int LANGUAGE sql AS 'SELECT 2';
        CREATE DOMAIN pos AS int CONSTRAINT pos_g CHECK (g(VALUE)) CONSTRAINT pos_small CHECK (VALUE < 100);
        CREATE TABLE c (fv int DEFAULT f(), w int, u int DEFAULT util.n(), p pos, CONSTRAINT c_w_chk CHECK (g(w)), CONSTRAINT c_w_small CHECK (w < 10));
        """;

    private const string Referenced = """
        CREATE TABLE p (k int PRIMARY KEY, u int UNIQUE, v int, w int, UNIQUE (v, w));
        CREATE TABLE c (pk int REFERENCES p (k), pp int REFERENCES p, pu int REFERENCES p (u), pv int, pw int, FOREIGN KEY (pw, pv) REFERENCES p (w, v));
        CREATE TABLE s (k int PRIMARY KEY, parent int REFERENCES s (k), z int REFERENCES s);
        """;

    [PostgresTheory]
    [InlineData("drop type cascade drops value-set CHECKs that cast to it", CastChecks + "\nDROP TYPE e CASCADE;")]
    [InlineData("drop function cascade drops the defaults and CHECKs that call it", RoutineUsers + "\nDROP FUNCTION f() CASCADE;\nDROP FUNCTION IF EXISTS missing(), g(int) CASCADE;")]
    [InlineData("drop function cascade of a schema-qualified one", RoutineUsers + "\nDROP FUNCTION util.n CASCADE;")]
    [InlineData("a renamed or moved function shows its new name where it is called", RoutineUsers + """

        ALTER FUNCTION f() RENAME TO f2;
        ALTER FUNCTION g(int) SET SCHEMA util;
        ALTER FUNCTION util.n() SET SCHEMA public;
        """)]
    [InlineData("drop schema cascade drops what calls its functions", RoutineUsers + "\nDROP SCHEMA util CASCADE;")]
    [InlineData("drop function cascade drops the generated columns that call it", """
        CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
        CREATE TABLE t (a int PRIMARY KEY, b int GENERATED ALWAYS AS (twice(a)) STORED, CONSTRAINT t_b_chk CHECK (b < 100));
        ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (public.twice(a + 1)) STORED;
        DROP FUNCTION twice(int) CASCADE;
        """)]
    [InlineData("drop column cascade drops the foreign keys that reference it", Referenced + """

        ALTER TABLE p DROP COLUMN k CASCADE;
        ALTER TABLE p DROP COLUMN v CASCADE;
        ALTER TABLE s DROP COLUMN parent, DROP COLUMN k CASCADE;
        """)]
    [InlineData("drop schema cascade drops the foreign keys of tables elsewhere", """
        CREATE SCHEMA s;
        CREATE TABLE s.p (id int PRIMARY KEY);
        CREATE TABLE s.q (id int PRIMARY KEY, pid int REFERENCES s.p);
        CREATE TABLE c (pid int REFERENCES s.p (id), x int, CONSTRAINT cx FOREIGN KEY (x) REFERENCES s.p);
        DROP SCHEMA s CASCADE;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("drop type under a cast column CHECK", CastChecks, "DROP TYPE e;", DiagnosticCodes.TypeInUse)]
    [InlineData("drop a function a default calls", RoutineUsers, "DROP FUNCTION f();", DiagnosticCodes.RoutineInUse)]
    [InlineData("drop a function CHECKs call", RoutineUsers, "DROP FUNCTION IF EXISTS g(int) RESTRICT;", DiagnosticCodes.RoutineInUse)]
    [InlineData("drop a referenced primary key column", Referenced, "ALTER TABLE p DROP COLUMN k;", DiagnosticCodes.KeyNeededByForeignKey)]
    [InlineData("drop a referenced unique column", Referenced, "ALTER TABLE p DROP COLUMN u;", DiagnosticCodes.KeyNeededByForeignKey)]
    [InlineData("drop a column of a referenced two-column key", Referenced, "ALTER TABLE p DROP COLUMN v;", DiagnosticCodes.KeyNeededByForeignKey)]
    [InlineData("drop a self-referenced column", Referenced, "ALTER TABLE s DROP COLUMN k;", DiagnosticCodes.KeyNeededByForeignKey)]
    public async Task A_drop_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code)
    {
        var setupLines = setup.Split('\n').Length;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("2BP01", error.SqlState);

        var diagnostic = Assert.Single(diagnostics);
        Assert.True(diagnostic.Code == code && diagnostic.Line == setupLines + 1, $"{behaviour}: {diagnostic}");
    }
}
