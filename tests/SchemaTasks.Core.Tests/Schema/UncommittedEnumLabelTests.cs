using System.Security.Cryptography;
using System.Text;
using SchemaTasks.Core.Tests.Migrations;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A label ALTER TYPE ... ADD VALUE added is refused by PostgreSQL (55P04) when the same
/// transaction uses it; each layout's tool runs a file its own way (docs/dialects.md).
/// </summary>
public class UncommittedEnumLabelTests
{
    private const string Setup = "CREATE TYPE status AS ENUM ('a', 'b');\nCREATE TABLE t (id int, s status NOT NULL DEFAULT 'a', o other);\n";
    private const string OtherType = "CREATE TYPE other AS ENUM ('c');\n";
    private const string AddAndUse = "ALTER TYPE status ADD VALUE 'c';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\n";
    private const string Use = "SET DEFAULT 'c'";

    public static TheoryData<string> RunInOneTransaction => ["prisma", "golang-migrate", "flyway", "dbmate", "goose", "sqlx", "drizzle", "atlas", "liquibase", "diesel", "pop", "sql-migrate"];

    // drizzle runs every pending migration in one transaction: UncommittedLabelUseFormsTests.
    public static TheoryData<string> CommitEachMigration => ["prisma", "golang-migrate", "flyway", "dbmate", "goose", "sqlx", "atlas", "liquibase", "diesel", "pop", "sql-migrate"];

    [Theory]
    [MemberData(nameof(RunInOneTransaction))]
    public void LabelAddedAndUsedInOneFile_IsAnError_AtTheUse(string layout)
    {
        var (set, file, text) = Folder(layout, OtherType + Setup, AddAndUse);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.Postgres);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelUsed, DiagnosticSeverity.Error, file), (error.Code, error.Severity, error.File));
        Assert.Equal((LineOf(text, Use), 42), (error.Line, error.Column));
        Assert.Contains("'c' as a value of enum type status", error.Message, StringComparison.Ordinal);
        Assert.Contains($"ADD VALUE 'c' on line {LineOf(text, "ADD VALUE")}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Move the statements that use 'c' to a new migration", error.Message, StringComparison.Ordinal);
        Assert.Equal("'a'", catalog.FindTable(new QualifiedName("public", "t"))!.FindColumn("s", SqlDialect.Postgres)!.Default);
    }

    [Theory]
    [MemberData(nameof(CommitEachMigration))]
    public void LabelUsedInTheNextFile_IsAccepted(string layout)
    {
        // 'd', added and used in the second file, shows the check runs there.
        var (set, file, text) = Folder(layout, OtherType + Setup + "ALTER TYPE status ADD VALUE 'c';\n", "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';\nALTER TYPE status ADD VALUE 'd';\nSELECT 'd'::status;\n");

        var control = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelUsed, file, LineOf(text, "'d'::")), (control.Code, control.File, control.Line));
    }

    [Fact]
    public void PlainFolder_IsAWarning_AsItsToolMayRunFilesStatementByStatement()
    {
        var (set, _, text) = Folder("plain", OtherType + Setup, AddAndUse);

        var warning = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRefused, DiagnosticSeverity.Warning, LineOf(text, Use)), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("DbUp", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("goose", "-- +goose NO TRANSACTION\n")]
    [InlineData("sql-migrate", " notransaction")]
    [InlineData("atlas", "-- atlas:txmode none\n\n")]
    [InlineData("liquibase", " runInTransaction:false")]
    [InlineData("dbmate", "-- schematasks:no-transaction\n")]
    public void FileRunStatementByStatement_IsAccepted(string layout, string marker)
    {
        // The first file, without the marker, shows the check runs in this folder.
        var (set, file, text) = Folder(layout, OtherType + Setup + "ALTER TYPE status ADD VALUE 'x';\nSELECT 'x'::status;\n", AddAndUse, marker);

        var control = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        var inTheFirst = control.File != file || (layout == "liquibase" && control.Line == LineOf(text, "'x'::status"));
        Assert.True(inTheFirst, control.ToString());
    }

    [Theory]
    [InlineData("dbmate", " transaction:false", "transaction:false only leaves out dbmate's own BEGIN")]
    [InlineData("sqlx", "-- no-transaction\n", "-- no-transaction only leaves out sqlx's own BEGIN")]
    [InlineData("pop", ".autocommit", ".autocommit only leaves out its own transaction")]
    public void NoTransactionMarkerOfAToolThatSendsTheFileAsOneQuery_IsStillAnError(string layout, string marker, string explained)
    {
        var (set, _, _) = Folder(layout, OtherType + Setup, AddAndUse, marker);

        var error = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.Equal(DiagnosticCodes.UncommittedEnumLabelUsed, error.Code);
        Assert.Contains(explained, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvolvesTxOff_IsAWarning()
    {
        var (set, _, _) = Folder("flyway", OtherType + Setup, AddAndUse, "-- evolve-tx-off\n");

        var warning = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRefused, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Theory]
    [InlineData("goose", "mark the file -- +goose NO TRANSACTION")]
    [InlineData("sql-migrate", "add notransaction to the file's '-- +migrate Up' line")]
    [InlineData("atlas", "add -- atlas:txmode none")]
    [InlineData("liquibase", "set runInTransaction:false on the changeset")]
    public void ToolWithAWayToRunStatementsApart_NamesItInTheFix(string layout, string fix)
    {
        var (set, _, _) = Folder(layout, OtherType + Setup, AddAndUse);

        Assert.Contains(fix, Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("set default", "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';")]
    [InlineData("insert with columns", "INSERT INTO t (id, s) VALUES (1, 'a'), (2, 'c');")]
    [InlineData("insert in table order", "INSERT INTO public.t VALUES (1, 'c');")]
    [InlineData("update", "UPDATE t SET s = 'c' WHERE id = 1;")]
    [InlineData("where of a delete", "DELETE FROM t WHERE s = 'c';")]
    [InlineData("cast", "SELECT 'c'::status;")]
    [InlineData("cast with a schema", "SELECT id FROM t WHERE s::text = 'c'::public.status::text;")]
    [InlineData("cast function", "SELECT CAST('c' AS status);")]
    [InlineData("check", "ALTER TABLE t ADD CONSTRAINT k CHECK (s <> 'c');")]
    [InlineData("check value list", "ALTER TABLE t ADD CONSTRAINT k CHECK (s IN ('a', 'c'));")]
    [InlineData("index predicate", "CREATE INDEX t_c ON t (id) WHERE s = 'c';")]
    [InlineData("view", "CREATE VIEW v AS SELECT * FROM t WHERE s = 'c';")]
    [InlineData("create table default", "CREATE TABLE t2 (s status DEFAULT 'c');")]
    [InlineData("add column default", "ALTER TABLE t ADD COLUMN s2 status DEFAULT 'c';")]
    [InlineData("enum array default", "CREATE TABLE t3 (s status[] DEFAULT '{a,c}');")]
    [InlineData("domain default", "CREATE DOMAIN ds AS status DEFAULT 'c';")]
    [InlineData("added again with IF NOT EXISTS", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'c';\nSELECT 'c'::status;")]
    [InlineData("renamed before the use", "ALTER TYPE status RENAME VALUE 'c' TO 'd';\nSELECT 'd'::status;")]
    public void EveryWayTheServerReadsTheLabel_IsAnError(string shape, string use)
    {
        var (set, _, text) = Folder("dbmate", OtherType + Setup, "ALTER TYPE status ADD VALUE 'c';\n" + use + "\n");

        var error = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.True(error.Code == DiagnosticCodes.UncommittedEnumLabelUsed, $"{shape}: {error}");
        var lastLine = text.TrimEnd('\n').Split('\n').Length;
        Assert.Equal(lastLine, error.Line);
    }

    [Theory]
    [InlineData("an older label", "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'b';")]
    [InlineData("a comment", "-- SET DEFAULT 'c' once 'c' is committed\nSELECT 1;")]
    [InlineData("another enum type's label", "INSERT INTO t (id, o) VALUES (1, 'c');\nUPDATE t SET o = 'c';\nSELECT 'c'::other;")]
    [InlineData("a text constant", "SELECT 'c'::text;\nSELECT 'c';")]
    [InlineData("a new spelling of a committed label", "ALTER TYPE status RENAME VALUE 'b' TO 'z';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'z';")]
    [InlineData("a label that existed, added with IF NOT EXISTS", "ALTER TYPE status ADD VALUE IF NOT EXISTS 'b';\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'b';")]
    [InlineData("a commit in between", "COMMIT;\nBEGIN;\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'c';")]
    [InlineData("a column of another table with the name", "CREATE TABLE u (s text);\nUPDATE u SET s = 'c';")]
    public void UsesThatAreNotTheNewLabel_AreAccepted(string shape, string sql)
    {
        // The control, a cast before the shape, is the one use reported.
        var (set, _, text) = Folder("dbmate", OtherType + Setup, "ALTER TYPE status ADD VALUE 'c';\nSELECT 'c'::status;\n" + sql + "\n");

        var diagnostics = SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics;

        Assert.True(diagnostics.Count == 1 && diagnostics[0].Line == LineOf(text, "'c'::status"), $"{shape}: {string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void LabelOfATypeCreatedInTheSameFile_IsAWarning_ForServersBefore17()
    {
        var (set, _, text) = Folder("dbmate", "SELECT 1;\n", "CREATE TYPE fresh AS ENUM ('a');\nALTER TYPE fresh ADD VALUE 'c';\nCREATE TABLE f (s fresh DEFAULT 'c');\n");

        var warning = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);

        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRefused, DiagnosticSeverity.Warning, LineOf(text, "DEFAULT 'c'")), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("PostgreSQL 17 and later accept that, PostgreSQL 12 to 16 refuse it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPostgresFoldersAreChecked()
    {
        var mySql = new MigrationFolder()
            .With("20240101000000_a.sql", "-- migrate:up\nCREATE TABLE t (s ENUM('a','b'));\n-- migrate:down\n")
            .With("20240102000000_b.sql", "-- migrate:up\nALTER TABLE t MODIFY s ENUM('a','b','c') DEFAULT 'c';\nUPDATE t SET s = 'c';\n-- migrate:down\n")
            .DiscoverClean(MigrationLayout.Dbmate);
        var (postgres, _, _) = Folder("dbmate", OtherType + Setup, AddAndUse);

        Assert.Empty(SchemaEngine.BuildFinal(mySql, SqlDialect.MySql).Diagnostics);
        Assert.Equal(DiagnosticCodes.UncommittedEnumLabelUsed, Assert.Single(SchemaEngine.BuildFinal(postgres, SqlDialect.Postgres).Diagnostics).Code);
    }

    // The folder of two migrations in the layout's own form, the marker (where given) on the second;
    // and the second's path and text.
    private static (MigrationSet Set, string File, string Text) Folder(string layout, string first, string second, string marker = "")
    {
        var folder = new MigrationFolder();
        string file, text;
        switch (layout)
        {
            case "prisma":
                folder.With("20240101000000_a/migration.sql", first).With(file = "20240102000000_b/migration.sql", text = second);
                return (Discover(folder, MigrationLayout.Prisma), file, text);
            case "golang-migrate":
                folder.With("1_a.up.sql", first).With(file = "2_b.up.sql", text = second);
                return (Discover(folder, MigrationLayout.GolangMigrate), file, text);
            case "flyway":
                folder.With("V1__a.sql", first).With(file = "V2__b.sql", text = marker + second);
                return (Discover(folder, MigrationLayout.Flyway), file, text);
            case "dbmate":
                text = marker.StartsWith("--", StringComparison.Ordinal) ? "-- migrate:up\n" + marker + second : "-- migrate:up" + marker + "\n" + second;
                folder.With("20240101000000_a.sql", "-- migrate:up\n" + first + "\n-- migrate:down\n").With(file = "20240102000000_b.sql", text + "\n-- migrate:down\n");
                return (Discover(folder, MigrationLayout.Dbmate), file, text);
            case "goose":
                folder.With("1_a.sql", "-- +goose Up\n" + first).With(file = "2_b.sql", text = marker + "-- +goose Up\n" + second);
                return (Discover(folder, MigrationLayout.Goose), file, text);
            case "sql-migrate":
                folder.With("1_a.sql", "-- +migrate Up\n" + first).With(file = "2_b.sql", text = "-- +migrate Up" + marker + "\n" + second);
                return (Discover(folder, MigrationLayout.SqlMigrate), file, text);
            case "sqlx":
                folder.With("1_a.sql", first).With(file = "2_b.sql", text = marker + second);
                return (Discover(folder, MigrationLayout.Sqlx), file, text);
            case "drizzle":
                folder.With("20240101000000_a/migration.sql", first).With(file = "20240102000000_b/migration.sql", text = second);
                return (Discover(folder, MigrationLayout.Drizzle), file, text);
            case "atlas":
                text = marker + second;
                folder.With("1_a.sql", first).With(file = "2_b.sql", text).With("atlas.sum", AtlasSum(("1_a.sql", first), ("2_b.sql", text)));
                return (Discover(folder, MigrationLayout.Atlas), file, text);
            case "liquibase":
                text = "--liquibase formatted sql\n--changeset alice:1\n" + first + "--changeset alice:2" + marker + "\n" + second;
                folder.With(file = "changelog.sql", text);
                return (Discover(folder, MigrationLayout.Liquibase), file, text);
            case "diesel":
                folder.With("2024-01-01-000000_a/up.sql", first).With(file = "2024-01-02-000000_b/up.sql", text = second);
                return (Discover(folder, MigrationLayout.Diesel), file, text);
            case "pop":
                folder.With("20240101000000_a.up.sql", first).With(file = $"20240102000000_b{marker}.up.sql", text = second);
                var pop = folder.Discover(SqlDialect.Postgres, MigrationLayout.Pop);
                Assert.Empty(pop.Diagnostics);
                return (pop.Set!, file, text);
            default:
                folder.With("001_a.sql", first).With(file = "002_b.sql", text = marker + second);
                return (Discover(folder, MigrationLayout.Plain), file, text);
        }
    }

    private static MigrationSet Discover(MigrationFolder folder, MigrationLayout layout)
    {
        var result = folder.Discover(layout);
        Assert.True(result.Set is not null, string.Join("\n", result.Diagnostics));
        return result.Set;
    }

    private static int LineOf(string text, string part)
        => text.Substring(0, text.IndexOf(part, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

    // atlas.sum as `atlas migrate hash` writes it: the total of every file's line, then the lines.
    private static string AtlasSum(params (string Name, string Text)[] files)
    {
        var hashes = AtlasDirectory.Hashes(files);
        var total = new StringBuilder();
        var lines = new StringBuilder();
        for (var i = 0; i < files.Length; i++)
        {
            total.Append(files[i].Name).Append(hashes[i]);
            lines.Append(files[i].Name).Append(" h1:").Append(hashes[i]).Append('\n');
        }

        return "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(total.ToString()))) + "\n" + lines;
    }
}
