using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Defaults, literals and names PostgreSQL refuses: a column or domain DEFAULT outside the
/// restricted expression its grammar takes (42601), a date, json, integer, numeric, boolean or bit string
/// literal its type cannot read in a DEFAULT or a CHECK (22008, 22P02), SET or DROP DEFAULT of a generated or identity
/// column (42601), a type change a value-set CHECK has no operator for (42883), DROP or RENAME CONSTRAINT of a name the table lacks (42704), a relation named
/// like an index or an index named like a relation, a view, materialized view or sequence named like
/// any relation (42P07), CREATE OR REPLACE VIEW over a relation that is not a view (42809). The engine reports each at the
/// statement's line, with the code given; the server refuses the same statement with the SQLSTATE.
/// </summary>
public sealed class PostgresValueAndNameRefusalTests
{
    private const string Keyed = "CREATE TABLE t (id int PRIMARY KEY, u int UNIQUE, c int CHECK (c > 0), f int REFERENCES t (id), a int, b int, CHECK (a > b));";

    private const string Generated = "CREATE TABLE g (id int, v int GENERATED ALWAYS AS (id * 2) STORED, w int GENERATED ALWAYS AS IDENTITY);";

    [PostgresTheory]
    [InlineData("NOT first", "", "CREATE TABLE t (f boolean DEFAULT NOT false);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("NOT NULL as the default", "", "CREATE TABLE t (f boolean DEFAULT NOT NULL);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("AND", "", "CREATE TABLE t (f boolean DEFAULT true AND false);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("OR", "", "CREATE TABLE t (f boolean DEFAULT true OR false);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("IS NULL", "", "CREATE TABLE t (f boolean DEFAULT 1 IS NULL);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("IS TRUE", "", "CREATE TABLE t (f boolean DEFAULT 1 IS TRUE);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("ISNULL", "", "CREATE TABLE t (f boolean DEFAULT 1 ISNULL);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("LIKE", "", "CREATE TABLE t (f boolean DEFAULT 'a' LIKE 'b');", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("IN", "", "CREATE TABLE t (f boolean DEFAULT 1 IN (1));", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("BETWEEN", "", "CREATE TABLE t (f boolean DEFAULT 1 BETWEEN 0 AND 2);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("= ANY", "", "CREATE TABLE t (f boolean DEFAULT 1 = ANY ('{1}'));", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("AT TIME ZONE", "", "CREATE TABLE t (f timestamp DEFAULT now() AT TIME ZONE 'utc');", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("ADD COLUMN", "CREATE TABLE t (id int);", "ALTER TABLE t ADD COLUMN g boolean DEFAULT NOT false;", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("CREATE DOMAIN", "", "CREATE DOMAIN d AS boolean DEFAULT NOT false;", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("SET DEFAULT of a generated column", Generated, "ALTER TABLE g ALTER COLUMN v SET DEFAULT 1;", DiagnosticCodes.DefaultOfGeneratedColumn, "42601")]
    [InlineData("DROP DEFAULT of a generated column", Generated, "ALTER TABLE g ALTER COLUMN v DROP DEFAULT;", DiagnosticCodes.DefaultOfGeneratedColumn, "42601")]
    [InlineData("SET DEFAULT of an identity column", Generated, "ALTER TABLE g ALTER COLUMN w SET DEFAULT 1;", DiagnosticCodes.DefaultOfGeneratedColumn, "42601")]
    [InlineData("DROP DEFAULT of an identity column", Generated, "ALTER TABLE g ALTER COLUMN w DROP DEFAULT;", DiagnosticCodes.DefaultOfGeneratedColumn, "42601")]
    [InlineData("drop a constraint the table lacks", Keyed, "ALTER TABLE t DROP CONSTRAINT nope;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("drop a NOT NULL by a later version's name", Keyed, "ALTER TABLE t DROP CONSTRAINT t_id_not_null;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("drop a check by the name of another column", Keyed, "ALTER TABLE t DROP CONSTRAINT t_a_check;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("drop a constraint of a table without any", "CREATE TABLE t (id int);", "ALTER TABLE t DROP CONSTRAINT t_pkey;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("rename a constraint the table lacks", Keyed, "ALTER TABLE t RENAME CONSTRAINT nope TO other;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("an index named like a unique constraint's", "CREATE TABLE t (id int, u int UNIQUE);", "CREATE INDEX t_u_key ON t (u);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a unique index named like a primary key's", "CREATE TABLE t (id int PRIMARY KEY);", "CREATE UNIQUE INDEX t_pkey ON t (id);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a table named like a primary key's index", "CREATE TABLE t (id int PRIMARY KEY);", "CREATE TABLE t_pkey (x int);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("an index named like its table", "CREATE TABLE t (id int);", "CREATE INDEX t ON t (id);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("an index named like another index", "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);", "CREATE INDEX i ON t (id);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a table renamed to an index's name", "CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE u (x int);", "ALTER TABLE u RENAME TO t_pkey;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a view named like a table", "CREATE TABLE t (id int);", "CREATE VIEW t AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a view named like a primary key's index", "CREATE TABLE t (id int PRIMARY KEY);", "CREATE VIEW t_pkey AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("OR REPLACE VIEW over a table", "CREATE TABLE t (id int);", "CREATE OR REPLACE VIEW t AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42809")]
    [InlineData("OR REPLACE VIEW over a sequence", "CREATE SEQUENCE s;", "CREATE OR REPLACE VIEW s AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42809")]
    [InlineData("a materialized view named like an index", "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);", "CREATE MATERIALIZED VIEW i AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a sequence named like a unique constraint's index", "CREATE TABLE t (id int, u int UNIQUE);", "CREATE SEQUENCE t_u_key;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a sequence named like a view", "CREATE VIEW v AS SELECT 1 AS x;", "CREATE SEQUENCE v;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a table named like a sequence", "CREATE SEQUENCE s;", "CREATE TABLE s (a int);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a view named like a serial column's sequence", "CREATE TABLE t (id serial);", "CREATE VIEW t_id_seq AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("a date that does not exist", "", "CREATE TABLE t (d date DEFAULT '2020-13-01');", DiagnosticCodes.DefaultNotOfColumnType, "22008")]
    [InlineData("February 29th of a common year", "CREATE TABLE t (id int, d date);", "ALTER TABLE t ALTER COLUMN d SET DEFAULT '2021-02-29';", DiagnosticCodes.DefaultNotOfColumnType, "22008")]
    [InlineData("json that does not parse", "", "CREATE TABLE t (j jsonb DEFAULT '{bad');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a trailing comma in json", "", "CREATE TABLE t (j json DEFAULT '[1,]');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an empty json", "", "CREATE TABLE t (j json DEFAULT '');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a bit string with a digit that is not binary", "", "CREATE TABLE t (b bit(3) DEFAULT '12');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a hexadecimal bit string with a digit that is not hexadecimal", "CREATE TABLE t (id int, b varbit);", "ALTER TABLE t ALTER COLUMN b SET DEFAULT 'x1g';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a string in an integer IN list", "", "CREATE TABLE t (c int CHECK (c IN (1, 'x')));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("an integer compared with a string", "", "CREATE TABLE t (c int, CHECK (c <> 'x'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("a numeric IN list", "", "CREATE TABLE t (c numeric CHECK (c IN ('1.5', 'abc')));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("a boolean NOT IN list", "CREATE TABLE t (c boolean);", "ALTER TABLE t ADD CONSTRAINT k CHECK (c NOT IN ('maybe'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("a date compared with one that does not exist", "", "CREATE TABLE t (c date CHECK (c > '2020-13-01'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22008")]
    [InlineData("a text value set retyped to integer", "CREATE TABLE t (a text CHECK (a IN ('x')));", "ALTER TABLE t ALTER COLUMN a TYPE int USING 1;", DiagnosticCodes.RetypedCheckRefused, "42883")]
    [InlineData("a text value set retyped to an enum", "CREATE TYPE r AS ENUM ('x');\nCREATE TABLE t (a text CHECK (a = 'x'));", "ALTER TABLE t ALTER COLUMN a TYPE r USING a::r;", DiagnosticCodes.RetypedCheckRefused, "42883")]
    [InlineData("a character value set retyped to integer", "CREATE TABLE t (a char(3) CHECK (a IN ('x')));", "ALTER TABLE t ALTER COLUMN a TYPE int USING 1;", DiagnosticCodes.RetypedCheckRefused, "42883")]
    [InlineData("a length for \"char\"", "", "CREATE TABLE q (x \"char\"(2));", DiagnosticCodes.SyntaxError, "42601")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var sql = setup.Length == 0 ? refused : setup + "\n" + refused;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(sql.Split('\n').Length, diagnostics[0].Line);
        Assert.Contains(sqlState, diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        if (setup.Length > 0)
        {
            await using var prepare = new NpgsqlCommand(setup, connection);
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("restricted defaults the grammar takes", """
        CREATE TABLE t (a boolean DEFAULT 1 = 1, b boolean DEFAULT 1 < 2, c boolean DEFAULT 1 IS DISTINCT FROM 2, d boolean DEFAULT false NOT NULL,
          e boolean DEFAULT (NOT false), f int DEFAULT CASE WHEN true THEN 1 ELSE 2 END, g text DEFAULT 'a' COLLATE "C");
        ALTER TABLE t ALTER COLUMN a SET DEFAULT NOT false;
        CREATE DOMAIN d AS boolean;
        ALTER DOMAIN d SET DEFAULT NOT false;
        """)]
    [InlineData("constraints dropped by their generated names", Keyed + """

        ALTER TABLE t DROP CONSTRAINT t_c_check, DROP CONSTRAINT t_check, DROP CONSTRAINT t_f_fkey, DROP CONSTRAINT t_u_key;
        ALTER TABLE t DROP CONSTRAINT IF EXISTS nope;
        """)]
    [InlineData("DROP EXPRESSION, then a default", Generated + """

        ALTER TABLE g ALTER COLUMN v DROP EXPRESSION;
        ALTER TABLE g ALTER COLUMN v SET DEFAULT 1;
        ALTER TABLE g DROP COLUMN id;
        ALTER TABLE g ALTER COLUMN w DROP IDENTITY;
        ALTER TABLE g ALTER COLUMN w SET DEFAULT 2;
        """)]
    [InlineData("IF NOT EXISTS over an index's name, and names that are not relations", """
        CREATE TABLE t (id int PRIMARY KEY, c int CHECK (c > 0), f int REFERENCES t);
        CREATE TABLE IF NOT EXISTS t_pkey (x int);
        CREATE INDEX IF NOT EXISTS t_pkey ON t (id);
        CREATE UNIQUE INDEX IF NOT EXISTS t ON t (id);
        CREATE TABLE t_c_check (x int);
        CREATE INDEX t_f_fkey ON t (f);
        """)]
    [InlineData("value sets retyped where an operator takes them, or dropped first", """
        CREATE TABLE v (a text CHECK (a IN ('x')), b varchar(5) CHECK (b IN ('x')), c text CHECK (c IN ('x')), d text CHECK (d IN ('x')));
        ALTER TABLE v ALTER COLUMN a TYPE varchar(10);
        ALTER TABLE v ALTER COLUMN b TYPE int USING 1;
        ALTER TABLE v ALTER COLUMN c TYPE char(3);
        ALTER TABLE v DROP CONSTRAINT v_d_check, ALTER COLUMN d TYPE int USING 1;
        """)]
    [InlineData("IF NOT EXISTS sequences and materialized views over a taken name, OR REPLACE of a view, a temporary view over a table's name", """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE SEQUENCE IF NOT EXISTS t;
        CREATE MATERIALIZED VIEW IF NOT EXISTS t_pkey AS SELECT 1 AS x;
        CREATE VIEW v AS SELECT 1 AS x;
        CREATE OR REPLACE VIEW v AS SELECT 1 AS x, 2 AS y;
        CREATE TEMP VIEW t AS SELECT 1 AS x;
        CREATE SEQUENCE t_id_seq;
        """)]
    [InlineData("literals the types read", """
        CREATE TABLE l (d date DEFAULT '2020-02-29', j json DEFAULT '{"a": 1, "a": 2}', k jsonb DEFAULT ' [1, {"b": null}] ',
          e text CHECK (e IN ('x')), f int CHECK (f::text IN ('x')), g date CHECK (g > '2020-02-29'));
        """)]
    [InlineData("signed, exponent and cast number constants", """
        CREATE TABLE a (p integer DEFAULT -1, r bigint DEFAULT -1, s numeric DEFAULT -1.5, v int DEFAULT +1, w int DEFAULT - 1,
          ab int DEFAULT 2147483648, ac bigint DEFAULT 9223372036854775807, dd double precision DEFAULT '1e3', de double precision DEFAULT 1e3,
          al int DEFAULT abs(-3), a1 int DEFAULT -(1), b1 int DEFAULT - -1, a6 numeric DEFAULT 1.5e2, a7 numeric DEFAULT 1.50e1,
          a8 numeric DEFAULT 1e-3, a9 int DEFAULT +1.5, b3 bigint DEFAULT abs(-2147483649), b9 bigint DEFAULT -9223372036854775808,
          d9 int DEFAULT abs(-3.5), d8 numeric DEFAULT abs(1e3), n1 numeric DEFAULT .5, n2 int DEFAULT 007, n3 text DEFAULT -1, n4 int DEFAULT abs(+1),
          c1 bigint DEFAULT -1::bigint, c2 int DEFAULT -1::int, c3 numeric DEFAULT -1.5::numeric, c4 numeric DEFAULT -1::numeric(10,2), ar int[] DEFAULT ARRAY[-1, 2]);
        ALTER TABLE a ALTER COLUMN p SET DEFAULT - 2, ALTER COLUMN ab SET DEFAULT -2147483649;
        """)]
    [InlineData("date and time constants with a fixed value, times of day", """
        CREATE TABLE e (ep timestamp DEFAULT 'epoch', e0 timestamp(0) DEFAULT 'EPOCH', ed date DEFAULT ' Epoch ', ei timestamp DEFAULT 'infinity', eh date DEFAULT '-infinity');
        CREATE TABLE h (a time DEFAULT '12:00', b time DEFAULT ' 7:5:3 ', c time DEFAULT '12:00:00.50', d time(0) DEFAULT '12:00:00.000', e time(2) DEFAULT '12:00:00.1234',
          f time DEFAULT '24:00', g time DEFAULT 'AllBalls', i timetz DEFAULT '12:00+05:30', j timetz DEFAULT '12:00:00.5-08', k timetz DEFAULT 'allballs');
        """)]
    [InlineData("\"char\" apart from char", """
        CREATE TABLE q (flag "char" NOT NULL DEFAULT 'a', c char, d "char"[], e pg_catalog."char", i "char" DEFAULT 'abc', j "char" DEFAULT '', k character);
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("timestamp", "'now'", "now()")]
    [InlineData("timestamp with time zone", "'now'", "now()")]
    [InlineData("timestamp", "'NOW'::timestamp", "now()")]
    [InlineData("timestamp", "timestamp 'now'", "now()")]
    [InlineData("date", "'today'", "CURRENT_DATE")]
    [InlineData("date", "'tomorrow'", "CURRENT_DATE + 1")]
    [InlineData("timestamp", "' yesterday '", "CURRENT_DATE - 1")]
    [InlineData("time", "'now'", "LOCALTIME")]
    public async Task A_moment_read_when_the_migration_runs_is_reported(string type, string written, string fix)
    {
        var sql = $"CREATE TABLE t (id int, c {type} DEFAULT {written});";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultFixedWhenMigrated, warning.Code);
        Assert.Contains("DEFAULT " + fix, warning.Message, StringComparison.Ordinal);

        // The server stores a constant: the moment the statement ran, not a call.
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(sql, connection)) await create.ExecuteNonQueryAsync();
        await using var read = new NpgsqlCommand("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't'::regclass", connection);
        var stored = (string)(await read.ExecuteScalarAsync())!;
        Assert.StartsWith("'", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("now", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("day", stored, StringComparison.OrdinalIgnoreCase);
    }
}
