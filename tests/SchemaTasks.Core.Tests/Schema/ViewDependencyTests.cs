using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL views depend on the columns their queries use: changing such a column's type, or
/// dropping it or its table without CASCADE, fails on the server (ST3050). The uses are read from
/// the query's names; these cases pin which names count. The server's own answers are in the
/// Npgsql differential tests.
/// </summary>
public class ViewDependencyTests
{
    private const string Tables = """
        CREATE SCHEMA app;
        CREATE TABLE app.orders (id int PRIMARY KEY, status text, total int, note text, data text);
        CREATE TABLE customers (id int PRIMARY KEY, name text, note text);

        """;

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT o.status FROM app.orders o, customers c WHERE c.id = o.id;", "ALTER TABLE customers ALTER COLUMN id TYPE bigint;")]
    [InlineData("CREATE VIEW v AS SELECT status FROM app.orders;", "ALTER TABLE app.orders DROP COLUMN status;")]
    [InlineData("CREATE VIEW v AS SELECT * FROM (SELECT id, total FROM app.orders) AS inner_query;", "ALTER TABLE app.orders ALTER COLUMN total TYPE bigint;")]
    [InlineData("CREATE VIEW v (a, b) WITH (security_barrier) AS SELECT \"note\", name FROM customers;", "ALTER TABLE customers ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE MATERIALIZED VIEW m AS SELECT id FROM app.orders WITH DATA;", "DROP TABLE app.orders;")]
    [InlineData("CREATE VIEW v AS SELECT customers.* FROM customers;", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS SELECT lower(name) AS name FROM customers ORDER BY name;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS WITH recent AS (SELECT id FROM app.orders) SELECT c.note FROM customers c JOIN recent r ON r.id = c.id;", "ALTER TABLE customers DROP COLUMN note;")]
    // An alias means the relation given it in its own query or the nearest around it, not a
    // subquery's that reuses it (checked on PostgreSQL 15: "view v depends on column note").
    [InlineData("CREATE VIEW v AS SELECT u.note FROM customers u WHERE EXISTS (SELECT 1 FROM app.orders u);", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM app.orders o WHERE o.id = c.id AND c.note = o.note);", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS SELECT (SELECT max(total) FROM app.orders o WHERE o.id = c.id) AS t, (SELECT note FROM customers WHERE customers.id = c.id) AS n FROM customers c;", "ALTER TABLE customers DROP COLUMN note;")]
    public void AUsedColumnOrTable_IsRefused(string view, string change)
    {
        var (catalog, diagnostics) = Run(Tables + view + "\n" + change);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ViewDependsOnColumn, 5), (refusal.Code, refusal.Line));
        Assert.NotNull(catalog.FindTable(Pg("customers")));
    }

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT o.note FROM app.orders o JOIN customers c ON c.id = o.id;", "ALTER TABLE customers ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT count(*) FROM customers;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("CREATE MATERIALIZED VIEW m AS SELECT id FROM app.orders WITH NO DATA;", "ALTER TABLE app.orders DROP COLUMN data;")]
    [InlineData("CREATE VIEW v AS SELECT c.id * 2 AS twice FROM customers c;", "ALTER TABLE customers DROP COLUMN name;")]
    [InlineData("CREATE VIEW v AS SELECT id FROM customers;\nDROP VIEW v;", "DROP TABLE customers;")]
    [InlineData("CREATE VIEW v AS SELECT id::text AS name, now()::date AS note FROM customers;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9), ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT id FROM customers;", "DROP TABLE customers CASCADE;\nCREATE TABLE customers (id text);\nALTER TABLE customers ALTER COLUMN id TYPE int USING id::int;")]
    // The same alias in a subquery, a CTE or a FROM item that is no table names another relation.
    [InlineData("CREATE VIEW v AS SELECT u.* FROM app.orders u WHERE EXISTS (SELECT 1 FROM customers u);", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS WITH a AS (SELECT u.id FROM customers u) SELECT u.* FROM a u;", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS WITH a AS (SELECT u.id FROM customers u), b AS (SELECT u.* FROM a u) SELECT * FROM b;", "ALTER TABLE customers DROP COLUMN note;")]
    [InlineData("CREATE VIEW v AS SELECT u.* FROM (SELECT id FROM customers) u;", "ALTER TABLE customers DROP COLUMN note;")]
    // An unqualified name comes from its own subquery's FROM, not a sibling subquery's (found on a real history).
    [InlineData("CREATE VIEW v AS SELECT (SELECT max(total) FROM app.orders o WHERE o.id = c.id) AS t, (SELECT note FROM customers WHERE customers.id = c.id) AS n FROM customers c;", "ALTER TABLE app.orders DROP COLUMN note;")]
    public void WhatTheViewDoesNotUse_ChangesFreely(string view, string change)
    {
        Assert.Empty(Run(Tables + view + "\n" + change).Diagnostics);
    }

    [Fact]
    public void ARenamedColumnAndTable_AreFollowed()
    {
        var (_, diagnostics) = Run(Tables + """
            CREATE VIEW v AS SELECT name FROM customers;
            ALTER TABLE customers RENAME COLUMN name TO full_name;
            ALTER TABLE customers RENAME TO clients;
            ALTER TABLE clients SET SCHEMA app;
            ALTER TABLE app.clients ALTER COLUMN full_name TYPE varchar(200);
            """);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ViewDependsOnColumn, 8), (refusal.Code, refusal.Line));
        Assert.Contains("column full_name of app.clients: view v, created at m.sql(4,1)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MySqlViews_DoNotHoldTheirColumns()
    {
        Assert.Empty(Run("CREATE TABLE t (id int, a int);\nCREATE VIEW v AS SELECT a FROM t;\nALTER TABLE t MODIFY a bigint;\nALTER TABLE t DROP COLUMN a;", SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("CREATE POLICY own ON customers USING (name = current_user);", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);", "policy own on customers")]
    [InlineData("CREATE POLICY own ON customers FOR UPDATE TO PUBLIC WITH CHECK (EXISTS (SELECT 1 FROM app.orders o WHERE o.id = customers.id AND o.status = 'open'));", "ALTER TABLE app.orders DROP COLUMN status;", "refuses to drop column status of app.orders: policy own on customers")]
    [InlineData("CREATE POLICY own ON customers USING (id IN (SELECT id FROM app.orders));", "DROP TABLE app.orders;", "refuses to drop table app.orders: policy own on customers")]
    [InlineData("CREATE POLICY own ON customers USING (true);\nALTER POLICY own ON customers USING (note <> '');", "ALTER TABLE customers DROP COLUMN note;", "policy own on customers")]
    public void APolicysColumns_AreGuardedLikeAViews(string policy, string change, string message)
    {
        var (_, diagnostics) = Run(Tables + policy + "\n" + change);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ViewDependsOnColumn, refusal.Code);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE POLICY own ON customers USING (name = current_user);\nDROP POLICY own ON customers;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("CREATE POLICY own ON customers USING (name = current_user);", "DROP TABLE customers;\nCREATE TABLE customers (id int, name int);\nALTER TABLE customers ALTER COLUMN name TYPE bigint;")]
    [InlineData("CREATE POLICY own ON customers USING (name = current_user);\nALTER POLICY own ON customers RENAME TO mine;\nALTER TABLE customers DROP COLUMN name CASCADE;", "ALTER TABLE customers ADD COLUMN name int;\nALTER TABLE customers ALTER COLUMN name TYPE bigint;")]
    [InlineData("CREATE POLICY own ON customers USING (name = current_user);\nALTER POLICY own ON customers USING (true);", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("ALTER TABLE customers ADD COLUMN value text;\nCREATE POLICY own ON customers WITH CHECK (EXISTS (SELECT key, value FROM jsonb_each_text('{}') WHERE key = 'g' AND value::boolean));", "ALTER TABLE customers ALTER COLUMN value TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT name FROM (SELECT 'x' AS name) AS constant;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS WITH customers AS (SELECT id, status AS name FROM app.orders) SELECT id, name FROM customers;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);\nDROP TABLE customers;")]
    [InlineData("CREATE FUNCTION f(name text) RETURNS text LANGUAGE sql AS 'select 1';\nCREATE VIEW v AS SELECT f(name => status) FROM app.orders;", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT o.id, x.name FROM app.orders o, LATERAL jsonb_to_record(o.data::jsonb) AS x(name text, note text);", "ALTER TABLE customers ALTER COLUMN name TYPE varchar(9);\nALTER TABLE app.orders ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT s.note FROM (SELECT status FROM app.orders) AS s(note);", "ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE VIEW v AS SELECT status AS note FROM app.orders ORDER BY note;", "ALTER TABLE app.orders ALTER COLUMN note TYPE varchar(9);")]
    [InlineData("CREATE FUNCTION member(int) RETURNS boolean LANGUAGE sql STABLE AS 'select true';\nCREATE POLICY own ON customers USING (member(id));\nCREATE VIEW v AS SELECT id FROM customers WHERE member(id);\nDROP FUNCTION member(int) CASCADE;", "ALTER TABLE customers ALTER COLUMN id TYPE bigint;")]
    public void WhatAPolicyNoLongerUses_ChangesFreely(string policy, string change)
    {
        Assert.Empty(Run(Tables + policy + "\n" + change).Diagnostics);
    }

    [Fact]
    public void APolicyCreatedInADoBlockUnderAnUndecidedCondition_IsNoError()
    {
        Assert.Empty(Run(Tables + """
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE policyname = 'own') THEN
                CREATE POLICY own ON customers USING (name = current_user);
              END IF;
            END $$;
            """).Diagnostics);
    }
}
