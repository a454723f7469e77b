using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// What PostgreSQL 15 refuses or reads once among defaults, literals and names, as the engine
/// reports it (the server's SQLSTATEs are asserted by the Npgsql differential tests): a DEFAULT
/// outside the column definition's restricted expression, a literal its column's type cannot
/// read, SET/DROP DEFAULT of a generated column, a constraint name the table lacks, a relation
/// name taken by an index, and 'now' read when the migration runs.
/// </summary>
public sealed class PostgresValueAndNameRefusalTests
{
    [Theory]
    [InlineData("CREATE TABLE t (f boolean DEFAULT NOT false);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("CREATE TABLE t (f boolean DEFAULT 1 IS NULL);", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("CREATE TABLE t (f boolean DEFAULT 1 NOT IN (1));", DiagnosticCodes.SyntaxError, "")]
    [InlineData("CREATE TABLE t (x \"char\"(2));", DiagnosticCodes.SyntaxError, "42601")]
    [InlineData("CREATE TABLE t (d date DEFAULT '2020-13-01');", DiagnosticCodes.DefaultNotOfColumnType, "22008")]
    [InlineData("CREATE TABLE t (d date DEFAULT '0000-01-01');", DiagnosticCodes.DefaultNotOfColumnType, "22008")]
    [InlineData("CREATE TABLE t (j jsonb DEFAULT '{bad');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (j json DEFAULT '');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (j json DEFAULT '{\"a\": 1} x');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (c int CHECK (c IN (1, 'x')));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (c int, CHECK (c <> 'x'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (c date CHECK (c > '2021-02-29'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22008")]
    [InlineData("CREATE TABLE t (c boolean);\nALTER TABLE t ADD CONSTRAINT k CHECK (c NOT IN ('maybe'));", DiagnosticCodes.CheckLiteralNotOfColumnType, "22P02")]
    [InlineData("CREATE TABLE t (id int, v int GENERATED ALWAYS AS (id * 2) STORED);\nALTER TABLE t ALTER COLUMN v SET DEFAULT 1;", DiagnosticCodes.DefaultOfGeneratedColumn, "42601")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nALTER TABLE t DROP CONSTRAINT t_id_key;", DiagnosticCodes.ConstraintNotFound, "42704")]
    [InlineData("CREATE TABLE t (a text CHECK (a IN ('x')));\nALTER TABLE t ALTER COLUMN a TYPE int USING 1;", DiagnosticCodes.RetypedCheckRefused, "42883")]
    [InlineData("CREATE TABLE t (a text CHECK (a IN ('x')));\nALTER TABLE t ALTER COLUMN a TYPE jsonb USING NULL;", DiagnosticCodes.RetypedCheckRefused, "42883")]
    [InlineData("CREATE TABLE t (id int, u int UNIQUE);\nCREATE INDEX t_u_key ON t (u);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE t_pkey (x int);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE TABLE t (id int);\nCREATE INDEX t ON t (id);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE TABLE t (id int);\nCREATE VIEW t AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nCREATE SEQUENCE t_pkey;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE VIEW v AS SELECT 1 AS x;\nCREATE MATERIALIZED VIEW v AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE SEQUENCE s;\nCREATE TABLE s (a int);", DiagnosticCodes.TableExists, "42P07")]
    [InlineData("CREATE TABLE t (id int);\nCREATE OR REPLACE VIEW t AS SELECT 1 AS x;", DiagnosticCodes.TableExists, "42809")]
    public void Refused_at_the_statement(string sql, string code, string sqlState)
    {
        var (_, diagnostics) = Run(sql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((code, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains(sqlState, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a boolean DEFAULT 1 = 1, b boolean DEFAULT 1 IS NOT DISTINCT FROM 2, c int DEFAULT CASE WHEN true AND false THEN 1 ELSE 2 END, d boolean DEFAULT (NOT false), e boolean DEFAULT false NOT NULL);")]
    [InlineData("CREATE TABLE t (a boolean);\nALTER TABLE t ALTER COLUMN a SET DEFAULT NOT false;")]
    [InlineData("CREATE TABLE t (d date DEFAULT '2020-02-29', j json DEFAULT '{\"a\": 1, \"a\": 2}', k jsonb DEFAULT ' [1, {\"b\": null}] ');")]
    [InlineData("CREATE TABLE t (c int CHECK (c IN ('1', ' 2 ')), d int CHECK (c::text IN ('x')), e text CHECK (e IN ('x')), f int CHECK (lower(f::text) = 'x'));")]
    [InlineData("CREATE TABLE t (id int, v int GENERATED ALWAYS AS (id * 2) STORED);\nALTER TABLE t ALTER COLUMN v DROP EXPRESSION;\nALTER TABLE t ALTER COLUMN v SET DEFAULT 1;\nALTER TABLE t DROP COLUMN id;")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, c int CHECK (c > 0), a int, b int CHECK (a > b));\nALTER TABLE t DROP CONSTRAINT t_c_check, DROP CONSTRAINT t_check, DROP CONSTRAINT t_pkey;\nALTER TABLE t DROP CONSTRAINT IF EXISTS nope;")]
    [InlineData("CREATE TABLE t (a text CHECK (a IN ('x')), b varchar(5) CHECK (b IN ('x')), c text CHECK (c IN ('x')));\nALTER TABLE t ALTER COLUMN a TYPE varchar(10), ALTER COLUMN b TYPE int USING 1;\nALTER TABLE t DROP CONSTRAINT t_c_check, ALTER COLUMN c TYPE int USING 1;")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY, c int CHECK (c > 0));\nCREATE TABLE IF NOT EXISTS t_pkey (x int);\nCREATE INDEX IF NOT EXISTS t_pkey ON t (id);\nCREATE TABLE t_c_check (x int);")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nCREATE SEQUENCE IF NOT EXISTS t;\nCREATE MATERIALIZED VIEW IF NOT EXISTS t_pkey AS SELECT 1 AS x;\nCREATE VIEW v AS SELECT 1 AS x;\nCREATE OR REPLACE VIEW v AS SELECT 2 AS x;\nCREATE TEMP VIEW t AS SELECT 1 AS x;")]
    public void Taken_without_a_word(string sql)
        => Assert.Empty(Run(sql).Diagnostics);

    [Fact]
    public void A_table_skipped_by_if_not_exists_is_not_made()
        => Assert.Null(Clean("CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS t_pkey (x int);").FindTable(Pg("t_pkey")));

    [Theory]
    [InlineData("timestamp", "'now'", "now()")]
    [InlineData("timestamptz", "'now'::timestamptz", "now()")]
    [InlineData("timestamp(3)", "timestamp 'now'", "now()")]
    [InlineData("date", "' TODAY '", "CURRENT_DATE")]
    [InlineData("date", "'yesterday'", "CURRENT_DATE - 1")]
    [InlineData("time", "'now'", "LOCALTIME")]
    public void A_moment_read_when_the_migration_runs_is_reported(string type, string written, string fix)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (c {type} DEFAULT {written});");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DefaultFixedWhenMigrated, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains($"Write DEFAULT {fix} ", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(catalog.FindTable(Pg("t"))!.Columns[0].Default);
    }

    [Theory]
    [InlineData("CREATE TABLE t (c text DEFAULT 'now');")]
    [InlineData("CREATE TABLE t (c timestamp DEFAULT now());")]
    [InlineData("CREATE TABLE t (c timestamp DEFAULT 'epoch', d date DEFAULT CURRENT_DATE);")]
    public void Other_defaults_are_not_reported(string sql)
        => Assert.Empty(Run(sql).Diagnostics);
}
