using System.Text;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The engine lexes and parses the next migrations on a second thread while it applies the
/// current one (<see cref="MigrationReadAhead"/>). Whatever a history holds, the schema and the
/// findings, in their order, must be those of the engine reading every migration itself.
/// </summary>
public class ReadAheadTests
{
    // Each shape is a migration; {i} is its number, {p} the number of an earlier one.
    private static readonly string[] PostgresShapes =
    [
        "CREATE TYPE s{i} AS ENUM ('a', 'b');\nCREATE TABLE t{i} (id int PRIMARY KEY, s s{i} NOT NULL DEFAULT 'a', note text CHECK (note IN ('x', 'y')));\n",
        "ALTER TYPE s{p} ADD VALUE 'c';\nINSERT INTO t{p} (id, s) VALUES (1, 'c');\nUPDATE t{p} SET note = 'x' WHERE s = 'c';\n",
        "ALTER TABLE t{p} ADD COLUMN n{i} int ADD;\nCREATE TABLE ok{i} (a int);\n",
        "DO $$ BEGIN ALTER TABLE t{p} ADD COLUMN d{i} int; END $$;\nCREATE INDEX i{i} ON t{p} (id);\n",
        "COPY t{p} (id) FROM stdin;\n1\n2\n\\.\nCREATE TABLE after{i} (a int NOT NULL DEFAULT 3);\n",
        "CREATE TABLE x{i} AS SELECT 1 AS a;\nSELECT * INTO y{i} FROM t{p};\n",
        "CREATE FUNCTION f{i}() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nSELECT f{i}();\nCALL nowhere{i}();\n",
        "ALTER TABLE t{p} ALTER COLUMN s SET DEFAULT 'b', ADD CONSTRAINT c{i} CHECK (id > {i});\nCOMMENT ON COLUMN t{p}.missing IS 'x';\n",
        "UPDATE t{p} SET note = 'x' id = {i};\nINSERT INTO t{p} (id) VALUES (1) (2);\nDELETE FROM t{p} WHERE id = 1 +\n;\n",
        "WITH x AS (SELECT 1) UPDATE t{p} SET note = 'x' id = {i};\nSELECT id INTO s{i} FROM t{p} WHERE id = 1 2;\nDO $$ BEGIN UPDATE t{p} SET id = ({i}; END $$;\n",
        "CREATE TABLE q{i} (a int);\nSELECT 'unterminated;\n",
    ];

    private static readonly string[] MariaDbShapes =
    [
        "CREATE TABLE t{i} (id int PRIMARY KEY, s ENUM('a','b') NOT NULL DEFAULT 'a', n int CHECK (n IN (1, 2)));\n",
        "CREATE TABLE u{i} (a int);\n--#x\nCREATE TABLE v{i} (b int);\n",
        "INSERT INTO t{p} VALUES (5--1, 'a', 1);\nSELECT 1--1;\nALTER TABLE t{p} ADD COLUMN w{i} int DEFAULT 5--1\n;\n",
        "DELETE FROM t{p} a WHERE a.id = 1;\nALTER TABLE t{p} MODIFY s ENUM('a','b','c') NOT NULL;\n",
        "DELIMITER $$\nCREATE PROCEDURE p{i}() BEGIN ALTER TABLE t{p} ADD COLUMN z{i} int; END$$\nDELIMITER ;\nCALL p{i}();\n",
        "CREATE TABLE bad{i} (a int,);\nRENAME TABLE u{p} TO r{i};\n",
        "CREATE TABLE w{i} (a int);\n/*! unterminated",
        "CREATE TABLE m{i} (a int NOT NULL, b int, c text NOT NULL);\nINSERT INTO m{i} (b) SELECT id FROM t{p};\nINSERT INTO m{i} (b, c) VALUES (1, 'x') ON DUPLICATE KEY UPDATE a = 1;\nREPLACE m{i} SET a = 1;\n",
    ];

    [Theory]
    [InlineData(MigrationLayout.GolangMigrate, SqlDialect.Postgres)]
    [InlineData(MigrationLayout.Drizzle, SqlDialect.Postgres)]
    [InlineData(MigrationLayout.Flyway, SqlDialect.MariaDb)]
    [InlineData(MigrationLayout.GolangMigrate, SqlDialect.MariaDb)]
    [InlineData(MigrationLayout.GolangMigrate, SqlDialect.MySql)]
    public void AHistoryOfEveryKindOfFinding_GivesTheSameSchemaAndFindings_ReadAheadOrNot(MigrationLayout layout, SqlDialect dialect)
    {
        var set = History(layout, dialect, dialect == SqlDialect.Postgres ? PostgresShapes : MariaDbShapes, count: 60);

        var findings = AssertSameEitherWay(set, dialect);

        // The history exercises what the read-ahead has to give back in place.
        Assert.True(findings > 20, $"only {findings} findings");
    }

    [Fact]
    public void AMigrationTooLongToPrepare_IsReadByTheEngine_BetweenPreparedOnes()
    {
        var data = new StringBuilder();
        while (data.Length < 300 * 1024) data.Append("INSERT INTO t1 (id) VALUES (1);\n");
        data.Append("CREATE TABLE tail (a int);\nSELECT 'unterminated;\n");
        var shapes = PostgresShapes.Append(data.ToString()).ToArray();
        var set = History(MigrationLayout.GolangMigrate, SqlDialect.Postgres, shapes, count: 2 * shapes.Length);

        using (var readAhead = MigrationReadAhead.Start(set.Migrations, SqlDialect.Postgres, flywayDelimiters: false, ReadAhead.Always))
        {
            Assert.NotNull(readAhead);
            for (var i = 0; i < set.Migrations.Count; i++)
            {
                var prepared = readAhead.Take(i);
                Assert.Equal(set.Migrations[i].Sql.Length <= 256 * 1024, prepared is not null);
                if (prepared is not null) readAhead.Return(prepared);
            }
        }

        AssertSameEitherWay(set, SqlDialect.Postgres);
    }

    [Theory]
    [MemberData(nameof(BuildFinalTests.Scenarios), MemberType = typeof(BuildFinalTests))]
    public void TheScenarios_GiveTheSameSchemaAndFindings_ReadAheadOrNot(string scenario)
    {
        var set = ScenarioFixtures.Load(scenario);

        AssertSameEitherWay(set, set.Dialect ?? SqlDialect.Postgres);
    }

    [Theory]
    [InlineData(SqlDialect.Postgres, false)]
    [InlineData(SqlDialect.Postgres, true)]
    [InlineData(SqlDialect.MariaDb, false)]
    [InlineData(SqlDialect.MariaDb, true)]
    public void APreparedMigration_GivesWhatTheReaderReads_AndItsTrackedStatementsParsed(SqlDialect dialect, bool keepsEveryStatement)
    {
        var shapes = dialect == SqlDialect.Postgres ? PostgresShapes : MariaDbShapes;
        var prepared = new PreparedMigration();
        for (var i = 0; i < shapes.Length; i++)
        {
            var migration = Migration(i + 2, shapes[i].Replace("{i}", $"{i + 2}", StringComparison.Ordinal).Replace("{p}", "1", StringComparison.Ordinal));
            prepared.Prepare(migration, dialect, flywayDelimiters: false);

            var readLexed = new List<SqlLexDiagnostic>();
            var reader = new SqlStatementReader(migration.Sql, dialect, 1, readLexed) { KeepsDeletes = dialect == SqlDialect.MariaDb };
            var (read, readGiven) = Statements(reader, readLexed, keepsEveryStatement);
            var replayedLexed = new List<SqlLexDiagnostic>();
            var (replayed, replayedGiven) = Statements(prepared.Replay(replayedLexed, []), replayedLexed, keepsEveryStatement);

            Assert.Equal(read, replayed);
            Assert.Equal(readGiven, replayedGiven);
        }

        // Parsed ahead, a CREATE TABLE reaches the engine as a statement, a broken one as its refusal.
        prepared.Prepare(Migration(2, "CREATE TABLE a (x int);\nCREATE TABLE b (x int,);\nINSERT INTO a VALUES (1);\n"), dialect, flywayDelimiters: false);
        var source = prepared.Replay([], []);
        Assert.True(source.Read());
        Assert.IsType<CreateTableStatement>(source.Parsed?.Statement);
        Assert.True(source.Read());
        Assert.NotNull(source.Parsed?.Refusal);
        Assert.True(source.Read());
        Assert.Null(source.Parsed);
        Assert.False(source.Read());
    }

    private static int AssertSameEitherWay(MigrationSet set, SqlDialect dialect)
    {
        var (serial, serialFindings) = SchemaEngine.BuildFinal(set, dialect, ReadAhead.Never);

        var (ahead, aheadFindings) = SchemaEngine.BuildFinal(set, dialect, ReadAhead.Always);

        Assert.Equal(serialFindings, aheadFindings);
        Assert.Equal(SnapshotJson.Write(SchemaSnapshot.Create(set, serial)), SnapshotJson.Write(SchemaSnapshot.Create(set, ahead)));
        return aheadFindings.Count;
    }

    // What the engine reads of each statement, and the lexing findings, each tagged with the
    // statement read when it came.
    private static (List<string> Statements, List<string> Lexed) Statements(ISqlStatementSource source, List<SqlLexDiagnostic> lexed, bool keepsEveryStatement)
    {
        var (statements, given) = (new List<string>(), new List<string>());
        var seen = 0;
        source.KeepsEveryStatement = keepsEveryStatement;
        while (source.Read())
        {
            statements.Add($"{source.First} {source.Last} {source.IsTracked} [{string.Join(",", source.Tokens)}] {source.DataSyntax}");
            for (; seen < lexed.Count; seen++) given.Add($"{statements.Count}: {lexed[seen]}");
        }

        for (; seen < lexed.Count; seen++) given.Add($"end: {lexed[seen]}");
        return (statements, given);
    }

    private static MigrationSet History(MigrationLayout layout, SqlDialect dialect, string[] shapes, int count)
    {
        var migrations = new List<Migration>();
        for (var i = 1; i <= count; i++)
        {
            // An earlier migration of the first shape, which creates the table the others change.
            var parent = Math.Max(1, ((i - 1) / shapes.Length * shapes.Length) + 1);
            var sql = shapes[(i - 1) % shapes.Length].Replace("{i}", $"{i}", StringComparison.Ordinal).Replace("{p}", $"{parent}", StringComparison.Ordinal);
            migrations.Add(Migration(i, sql));
        }

        return new MigrationSet(layout, dialect, migrations);
    }

    private static Migration Migration(int number, string sql) =>
        new($"{number}_step", $"{number}", "step", $"{number}_step.sql", "checksum", sql);
}
