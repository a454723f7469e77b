using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The engine never throws, whatever the SQL: mutations of histories that run procedures,
/// functions, dynamic SQL, COPY data, loops, and views, policies and generated columns with
/// what depends on them (a character dropped, doubled or replaced at a seeded random place)
/// all end in a catalog and findings.
/// </summary>
public class RoutineCallRobustnessTests
{
    private const string History = """
        CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, name varchar(20), pid int, KEY k_name (name));
        SET @s = (SELECT IF((SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_name = 't' AND column_name = 'x' AND table_schema = DATABASE()) > 0, "SELECT 1", CONCAT("ALTER TABLE ", 't', " ADD x int")));
        PREPARE p FROM @s;
        EXECUTE p;
        DEALLOCATE PREPARE p;
        EXECUTE IMMEDIATE 'ALTER TABLE t ADD COLUMN y int';
        DELIMITER $$
        CREATE PROCEDURE fix(IN tableName VARCHAR(64), IN keyName VARCHAR(64))
        BEGIN
            DECLARE n INT DEFAULT 0;
            DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;
            SELECT COUNT(1) INTO n FROM information_schema.STATISTICS WHERE TABLE_NAME = tableName AND INDEX_NAME = keyName AND TABLE_SCHEMA = database();
            IF n > 0 THEN
                SET @q = CONCAT('ALTER TABLE ', tableName, ' DROP INDEX ', keyName);
                PREPARE st FROM @q;
                EXECUTE st;
            ELSEIF n = 0 THEN
                SELECT 'nothing';
            ELSE
                BEGIN SET n = 1; END;
            END IF;
        END$$
        DELIMITER ;
        CALL fix('t', 'k_name');
        BEGIN NOT ATOMIC ALTER TABLE t ADD z int; END;
        /* schematasks:equivalent ALTER TABLE t ADD w int; */
        CALL unknown_one();
        """;

    private const string PostgresHistory = """
        CREATE TABLE t (id serial PRIMARY KEY, s text CHECK (s IN ('a', 'b')));
        CREATE INDEX t_s_idx ON t (s);
        COPY t (id, s) FROM stdin;
        1	a;b
        2	'b
        \.
        CREATE VIEW v AS SELECT id FROM t;
        CREATE OR REPLACE FUNCTION public.add_x() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN x int'; END $$;
        CREATE PROCEDURE add_y() LANGUAGE sql BEGIN ATOMIC ALTER TABLE t ADD COLUMN y int; END;
        SELECT add_x();
        CALL add_y();
        DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 't_s_idx') THEN ALTER TABLE t ADD COLUMN z int; END IF; END $$;
        CREATE TABLE c AS SELECT * FROM v;
        ALTER TABLE c ADD PRIMARY KEY (id);
        /* schematasks:equivalent ALTER TABLE t ADD COLUMN w int; */
        SELECT add_x();
        CREATE TABLE g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, owner text);
        CREATE MATERIALIZED VIEW m AS SELECT x.*, (SELECT count(*) FROM g WHERE g.a = x.id) AS n FROM t AS x, LATERAL (SELECT 1) AS one WITH NO DATA;
        CREATE POLICY p ON g USING (owner = current_user AND EXISTS (SELECT key FROM jsonb_each_text('{}')));
        ALTER POLICY p ON g RENAME TO q;
        DO $$ DECLARE i text; BEGIN FOREACH i IN ARRAY ARRAY['g', 't'] LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN v int', i); END LOOP; PERFORM add_x(); END $$;
        ALTER TABLE g ALTER COLUMN a TYPE bigint, DROP COLUMN owner CASCADE;
        DROP TABLE t CASCADE;
        """;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.Postgres)]
    public void MutatedHistories_NeverThrow(SqlDialect dialect)
    {
        var history = dialect == SqlDialect.Postgres ? PostgresHistory : History;
        var random = new Random(20261206);
        for (var round = 0; round < 600; round++)
        {
            var text = history.ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0: text.RemoveAt(at); break;
                    case 1: text.Insert(at, text[at]); break;
                    default: text[at] = "'\"`();,@=$ \nEIFND"[random.Next(17)]; break;
                }
            }

            var sql = new string(text.ToArray());
            var exception = Record.Exception(() => SchemaEngine.Apply(Catalog.Empty(dialect), sql, "m.sql"));
            Assert.True(exception is null, $"round {round}: {exception}\n{sql}");
        }
    }
}
