using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A PostgreSQL SELECT of a PL/pgSQL function the migrations created is decided when every
/// statement of its body that could be DDL is certain to change nothing tracked: triggers
/// (also built by EXECUTE from the function's regclass or quoted parameters) and temporary
/// tables the body creates and drops. Anything less certain stays ST2023.
/// </summary>
public class RoutineBodyEffectsTests
{
    private const string UsersTable = "CREATE TABLE users (id int PRIMARY KEY, updated_at timestamp NOT NULL DEFAULT now());\n";

    private static string Helper(string parameters, string body) => $$"""
        CREATE OR REPLACE FUNCTION set_updated() RETURNS trigger AS $$
        BEGIN
            NEW.updated_at := current_timestamp;
            RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        CREATE OR REPLACE FUNCTION manage_updated({{parameters}}) RETURNS VOID AS $$
        {{body}}
        $$ LANGUAGE plpgsql;
        SELECT manage_updated('users');
        """;

    [Theory]
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s\n                    FOR EACH ROW EXECUTE PROCEDURE set_updated()', _tbl);\nEND;")]
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('CREATE OR REPLACE TRIGGER set_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated()', _tbl);\nEND;")]
    [InlineData("IN _tbl pg_catalog.regclass", "BEGIN\n    EXECUTE 'DROP TRIGGER IF EXISTS set_updated_at ON ' || _tbl;\nEND;")]
    [InlineData("_name text", "BEGIN\n    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION set_updated()', _name || '_updated', _name);\nEND;")]
    [InlineData("_name text", "BEGIN\n    EXECUTE 'CREATE TRIGGER t_updated BEFORE UPDATE ON ' || quote_ident(_name) || ' FOR EACH ROW EXECUTE FUNCTION set_updated()';\nEND;")]
    [InlineData("_tbl regclass", "BEGIN\n    CREATE TRIGGER set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated();\n    DROP TRIGGER set_updated_at ON users;\nEND;")]
    public void FunctionThatOnlyManagesTriggers_IsDecided(string parameters, string body)
    {
        var (catalog, diagnostics) = Run(UsersTable + Helper(parameters, body));
        Assert.Empty(diagnostics);
        Assert.Equal(["id", "updated_at"], catalog.FindTable(Pg("users"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("_name text", "BEGIN\n    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated()', _name);\nEND;")] // Any text: may hold a second statement.
    [InlineData("_tbl regclass", "DECLARE _tbl text := 'users';\nBEGIN\n    EXECUTE format('CREATE TRIGGER a BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated()', _tbl);\nEND;")] // The body's own variable.
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('%s', _tbl);\nEND;")]
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('CREATE TRIGGER a BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated(); DROP TABLE users', _tbl);\nEND;")]
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('CREATE CONSTRAINT TRIGGER a AFTER UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated()', _tbl);\nEND;")] // A pg_constraint row.
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('ALTER TABLE %s ADD COLUMN created_at timestamp', _tbl);\nEND;")]
    [InlineData("_tbl regclass", "BEGIN\n    EXECUTE format('CREATE TRIGGER a BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION set_updated()', $1);\nEND;")]
    public void FunctionWhoseDynamicSqlIsNotCertain_StaysUndecided(string parameters, string body)
    {
        var (_, diagnostics) = Run(UsersTable + Helper(parameters, body));
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE tmp_r (id int) ON COMMIT DROP;\n    INSERT INTO tmp_r SELECT id FROM t;\n    UPDATE t SET v = 1 WHERE id IN (SELECT id FROM tmp_r);\n    DROP TABLE tmp_r;")]
    [InlineData("CREATE TEMPORARY TABLE tmp_r AS SELECT id FROM t;\n    DROP TABLE IF EXISTS tmp_r;\n    CREATE TABLE pg_temp.tmp_s (id int);\n    DROP TABLE pg_temp.tmp_s;")]
    [InlineData("FOR i IN 1..3 LOOP\n        CREATE TEMP TABLE tmp_r (id int) ON COMMIT DROP;\n        INSERT INTO tmp_r SELECT id FROM t;\n        DROP TABLE tmp_r;\n    END LOOP;")] // Seen in openmeter's migrations.
    [InlineData("WHILE (SELECT count(*) FROM t) > 0 LOOP\n        BEGIN\n            CREATE TEMP TABLE tmp_r (id int);\n            DROP TABLE tmp_r;\n        END;\n    END LOOP;")]
    [InlineData("IF (SELECT count(*) FROM t) > 0 THEN\n        CREATE TEMP TABLE tmp_r (id int);\n        DROP TABLE tmp_r;\n    ELSE\n        CREATE TEMP TABLE tmp_s (id int);\n        DROP TABLE tmp_s;\n    END IF;")]
    public void FunctionThatDropsOnlyItsOwnTemporaryTables_IsDecided(string statements)
    {
        var (_, diagnostics) = Run(FunctionOverT(statements));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\n    DROP TABLE tmp_r;\n    DROP TABLE tmp_r;")] // The second drop finds a permanent tmp_r, if any.
    [InlineData("IF (SELECT count(*) FROM t) > 0 THEN CREATE TEMP TABLE tmp_r (id int); END IF;\n    DROP TABLE tmp_r;")]
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\n    IF (SELECT count(*) FROM t) > 0 THEN DROP TABLE tmp_r; END IF;")]
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\n    DROP TABLE public.tmp_r;")]
    [InlineData("DROP TABLE tmp_r;\n    CREATE TEMP TABLE tmp_r (id int);")]
    [InlineData("FOR i IN 1..3 LOOP\n        DROP TABLE tmp_r;\n        CREATE TEMP TABLE tmp_r (id int);\n    END LOOP;")] // The first round drops a permanent tmp_r, if any.
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\n    FOR i IN 1..3 LOOP\n        DROP TABLE tmp_r;\n    END LOOP;")] // The second round finds a permanent one.
    public void FunctionThatMayDropAPermanentTable_StaysUndecided(string statements)
    {
        var (_, diagnostics) = Run(FunctionOverT(statements));
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, Assert.Single(diagnostics).Code);
    }

    // The parameter keeps the call from being run as a DO block (PlpgsqlFunctionCallRunTests):
    // what is tested is how the body alone is judged.
    private static string FunctionOverT(string statements) => $$"""
        CREATE TABLE t (id int, v int);
        CREATE FUNCTION f(n int) RETURNS void AS $$
        BEGIN
            {{statements}}
        END;
        $$ LANGUAGE plpgsql;
        SELECT f(1);
        """;
}
