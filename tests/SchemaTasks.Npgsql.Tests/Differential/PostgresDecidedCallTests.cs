using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A SELECT of a PL/pgSQL function whose body changes nothing tracked is decided: one that
/// creates a trigger through EXECUTE format(...) on its regclass parameter (the helper diesel
/// writes into every project's first migration), and one that creates, fills and drops a
/// temporary table. The engine reports nothing and ends with the server's catalog.
/// </summary>
public sealed class PostgresDecidedCallTests
{
    private const string TriggerFunction = """
        CREATE TABLE users (id int PRIMARY KEY, updated_at timestamp NOT NULL DEFAULT now());
        CREATE FUNCTION touch() RETURNS trigger AS $$
        BEGIN
            NEW.updated_at := current_timestamp;
            RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        """;

    [PostgresTheory]
    [InlineData("a trigger made by EXECUTE format on a regclass parameter", TriggerFunction + """
        CREATE FUNCTION manage_updated_at(_tbl regclass) RETURNS void AS $$
        BEGIN
            EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                            FOR EACH ROW EXECUTE PROCEDURE touch()', _tbl);
        END;
        $$ LANGUAGE plpgsql;
        SELECT manage_updated_at('users');
        """)]
    [InlineData("a trigger replaced through a quoted text parameter", TriggerFunction + """
        CREATE FUNCTION manage_updated_at(_name text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION touch()', _name || '_touch', _name);
        END $$;
        SELECT manage_updated_at('users');
        SELECT manage_updated_at('users');
        """)]
    [InlineData("a temporary table created, used and dropped", """
        CREATE TABLE t (id int, v int);
        INSERT INTO t VALUES (1, 0);
        CREATE FUNCTION f() RETURNS void AS $$
        BEGIN
            CREATE TEMP TABLE tmp_r (id int) ON COMMIT DROP;
            INSERT INTO tmp_r SELECT id FROM t;
            UPDATE t SET v = 1 WHERE id IN (SELECT id FROM tmp_r);
            DROP TABLE tmp_r;
        END;
        $$ LANGUAGE plpgsql;
        SELECT f();
        """)]
    public Task The_call_is_decided_and_the_catalog_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
