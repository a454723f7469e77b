using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class LiquibaseLayoutTests
{
    private const string Changelog = """
        --liquibase formatted sql

        --changeset alice:1
        CREATE TYPE job_status AS ENUM ('queued', 'running');
        CREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);
        --rollback DROP TABLE jobs;
        --rollback DROP TYPE job_status;

        --changeset bob:add-done runInTransaction:false context:prod
        --comment: a value for finished jobs
        ALTER TYPE job_status ADD VALUE 'done';

        --changeset alice:view runOnChange:true
        CREATE VIEW running_jobs AS SELECT id FROM jobs WHERE status = 'running';

        """;

    [Fact]
    public void Liquibase_Header_ClaimsTheFolder_EachChangesetIsAMigration_InFileOrder()
    {
        var result = new MigrationFolder().With("changelog.sql", Changelog).Discover();

        Assert.Equal(MigrationLayout.Liquibase, result.Set!.Layout);
        Assert.Equal(["changelog.sql::1::alice", "changelog.sql::add-done::bob", "changelog.sql::view::alice"], result.Set.Migrations.Select(m => m.Id));
        Assert.Equal("a value for finished jobs", result.Set.Migrations[1].Name);
        // Only the context is reported (information): the snapshot includes it, as Liquibase does without --contexts.
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LiquibaseUndecidable, DiagnosticSeverity.Info, 9), (info.Code, info.Severity, info.Line));
    }

    [Fact]
    public void Liquibase_ChangesetSql_LeavesOutRollbackAndCommentLines_AndKeepsItsLineNumbers()
    {
        var set = new MigrationFolder().With("changelog.sql", Changelog).Discover().Set!;

        Assert.Equal(4, set.Migrations[0].SqlStartLine);
        Assert.Equal("CREATE TYPE job_status AS ENUM ('queued', 'running');\nCREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);", set.Migrations[0].Sql);
        Assert.Equal(11, set.Migrations[1].SqlStartLine);
        Assert.DoesNotContain("rollback", string.Concat(set.Migrations.Select(m => m.Sql)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Liquibase_RunInTransactionFalse_RunsOutsideATransaction()
    {
        Assert.False(MigrationScripts.Of(MigrationLayout.Liquibase, "changelog.sql", Changelog, "changelog.sql::1::alice").NoTransaction);
        var script = MigrationScripts.Of(MigrationLayout.Liquibase, "changelog.sql", Changelog, "changelog.sql::add-done::bob");
        Assert.True(script.NoTransaction);
        Assert.Equal(("ALTER TYPE job_status ADD VALUE 'done';", 11), (script.Sql, script.FirstLine));
    }

    [Theory]
    // MD5SUM values Liquibase 4.28 wrote in DATABASECHANGELOG for the three changesets above (a real run).
    [InlineData("CREATE TYPE job_status AS ENUM ('queued', 'running');\nCREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);", "9:4613b91a0b158f21b54327f6474762b9")]
    [InlineData("ALTER TYPE job_status ADD VALUE 'done';", "9:34e5ebee8ada32683183a765a8787f5f")]
    [InlineData("CREATE VIEW running_jobs AS SELECT id FROM jobs WHERE status = 'running';", "9:9cf3e751d1250256aff6b98ccab26d71")]
    public void Liquibase_CheckSum_IsVersion9_AsLiquibaseWritesIt(string sql, string expected)
    {
        Assert.Equal(expected, LiquibaseChangelog.CheckSum(sql));
        // Spaces, tabs and line ends do not count; any other change does.
        Assert.Equal(expected, LiquibaseChangelog.CheckSum("\t" + sql.Replace("\n", "\r\n   ", StringComparison.Ordinal) + "\n\n"));
        Assert.NotEqual(expected, LiquibaseChangelog.CheckSum(sql.ToLowerInvariant()));
    }

    [Fact]
    public void Liquibase_ChangesetIdUsedTwice_IsST1020_AtTheSecond()
    {
        var text = "--liquibase formatted sql\n--changeset alice:1\nCREATE TABLE a (id int);\n--changeset alice:1\nCREATE TABLE b (id int);\n";

        var result = new MigrationFolder().With("db/changelog.sql", text).Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LiquibaseChangelog, "db/changelog.sql", 4, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("'alice:1' is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--changeset alice: 1\nSELECT 1;\n", 2, "no space after the ':'")]
    [InlineData("--changeset alice\nSELECT 1;\n", 2, "is not '--changeset <author>:<id>'")]
    [InlineData("--changeset alice:1\n--rollback DROP TABLE a;\n--changeset alice:2\nSELECT 1;\n", 2, "has no SQL")]
    [InlineData("--comment: stray\n--changeset alice:1\nSELECT 1;\n", 2, "outside a changeset")]
    [InlineData("--changeset alice:1 endDelimiter:/\nCREATE TABLE a (id int)\n/\n", 2, "endDelimiter:/")]
    [InlineData("--changeset alice:1\nSELECT 1;\n--ignoreLines:x\n", 4, "ignoreLines")]
    public void Liquibase_InputLiquibaseRefusesOrSchemaTasksCannotSplit_IsST1020_AtItsLine(string body, int line, string expected)
    {
        var result = new MigrationFolder().With("changelog.sql", "--liquibase formatted sql\n" + body).Discover();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.LiquibaseChangelog, line), (error.Code, error.Line));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquibase_Properties_AreExpanded_AndUnknownParametersWarnAtTheirPlace()
    {
        var text = "--liquibase formatted sql\n--property name:schema value:app\n--changeset alice:1\nCREATE TABLE ${schema}.a (id int);\nCREATE TABLE ${other}.b (id int);\n";

        var result = new MigrationFolder().With("changelog.sql", text).Discover();

        Assert.StartsWith("CREATE TABLE app.a", result.Set!.Migrations[0].Sql, StringComparison.Ordinal);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LiquibaseUndecidable, DiagnosticSeverity.Warning, 5, 14), (warning.Code, warning.Severity, warning.Line, warning.Column));
    }

    [Fact]
    public void Liquibase_RollbackBlocks_IgnoredLines_AndPreconditions()
    {
        var text = """
            --liquibase formatted sql
            --changeset alice:1
            --preconditions onFail:MARK_RAN
            --precondition-sql-check expectedResult:0 SELECT count(*) FROM a
            CREATE TABLE a (id int);
            /* liquibase rollback
            DROP TABLE a;
            */
            --ignoreLines:start
            DROP TABLE everything;
            --ignoreLines:end
            CREATE TABLE b (id int);

            """;

        var result = new MigrationFolder().With("changelog.sql", text).Discover();

        var sql = result.Set!.Migrations.Single().Sql;
        Assert.Contains("CREATE TABLE b", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", sql, StringComparison.Ordinal);
        Assert.Equal(12, 5 + sql.Count(c => c == '\n')); // CREATE TABLE b stays on line 12
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticCodes.LiquibaseUndecidable, d.Code));
        Assert.Equal([3, 4], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Liquibase_DbmsOfAnotherServer_IsLeftOut_AndOfOneSupportedServer_Warns()
    {
        var text = "--liquibase formatted sql\n--changeset a:1 dbms:oracle\nCREATE TABLE a (id number);\n--changeset a:2 dbms:postgresql\nCREATE TABLE b (id int);\n--changeset a:3 dbms:!oracle\nCREATE TABLE c (id int);\n";

        var result = new MigrationFolder().With("changelog.sql", text).Discover();

        Assert.Equal(["changelog.sql::2::a", "changelog.sql::3::a"], result.Set!.Migrations.Select(m => m.Id));
        Assert.Equal([(DiagnosticSeverity.Info, 2), (DiagnosticSeverity.Warning, 4)], result.Diagnostics.Select(d => (d.Severity, d.Line)));
    }

    [Theory]
    // Liquibase matches a dbms list against its database's short name (postgresql, mysql, mariadb),
    // 'all' before any exclusion, and 'none' before any name.
    [InlineData(SqlDialect.Postgres, new[] { "changelog.sql::1::a", "changelog.sql::3::a", "changelog.sql::5::a" })]
    [InlineData(SqlDialect.MySql, new[] { "changelog.sql::1::a", "changelog.sql::2::a", "changelog.sql::4::a", "changelog.sql::5::a" })]
    // MariaDB is not 'mysql' to Liquibase: dbms:mysql does not run there, dbms:!mysql does.
    [InlineData(SqlDialect.MariaDb, new[] { "changelog.sql::1::a", "changelog.sql::2::a", "changelog.sql::5::a", "changelog.sql::6::a" })]
    public void Liquibase_Dbms_WithTheDialectSet_KeepsWhatLiquibaseRunsOnThatServer_Quietly(SqlDialect dialect, string[] expected)
    {
        var text = "--liquibase formatted sql\n"
            + "--changeset a:1 dbms:postgresql,h2,mysql,mariadb\nCREATE TABLE a (id int);\n"
            + "--changeset a:2 dbms:!postgresql\nCREATE TABLE b (id int);\n"
            + "--changeset a:3 dbms:PostgreSQL\nCREATE TABLE c (id int);\n"
            + "--changeset a:4 dbms:mysql\nCREATE TABLE d (id int);\n"
            + "--changeset a:5 dbms:all,!postgresql\nCREATE TABLE e (id int);\n"
            + "--changeset a:6 dbms:h2,mariadb\nCREATE TABLE f (id int);\n"
            + "--changeset a:7 dbms:none,postgresql,mysql,mariadb\nCREATE TABLE g (id int);\n";

        var result = new MigrationFolder().With("changelog.sql", text).Discover(dialect);

        Assert.Equal(expected, result.Set!.Migrations.Select(m => m.Id));
        // What is left out is said (information); what runs is not a warning any more.
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticCodes.LiquibaseUndecidable, DiagnosticSeverity.Info), (d.Code, d.Severity)));
        Assert.Equal(7 - expected.Length, result.Diagnostics.Count);
    }

    [Fact]
    public void Liquibase_IgnoreTrue_IsLeftOut_AsLiquibaseNeitherRunsNorRecordsIt()
    {
        var text = "--liquibase formatted sql\n--changeset alice:1\nCREATE TABLE t (id int PRIMARY KEY);\n--changeset alice:2 ignore:true\nALTER TABLE t ADD COLUMN ignored int;\n--changeset alice:3 ignore:false\nALTER TABLE t ADD COLUMN kept int;\n";

        var result = new MigrationFolder().With("changelog.sql", text).Discover(SqlDialect.Postgres);

        Assert.Equal(["changelog.sql::1::alice", "changelog.sql::3::alice"], result.Set!.Migrations.Select(m => m.Id));
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LiquibaseUndecidable, DiagnosticSeverity.Info, 4), (info.Code, info.Severity, info.Line));
        Assert.Contains("ignore:true", info.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquibase_FilesInPathOrder_AndAPlainSqlFileBesideThem_IsST1020()
    {
        var result = new MigrationFolder()
            .With("changes/002.sql", "--liquibase formatted sql\n--changeset a:2\nCREATE TABLE b (id int);\n")
            .With("changes/001.sql", "-- Liquibase Formatted SQL\n--changeset a:1\nCREATE TABLE a (id int);\n")
            .Discover();
        Assert.Equal(["changes/001.sql::1::a", "changes/002.sql::2::a"], result.Set!.Migrations.Select(m => m.Id));

        var mixed = new MigrationFolder().With("001.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n").With("seed.sql", "INSERT INTO a VALUES (1);\n").Discover();
        Assert.Equal(("seed.sql", DiagnosticCodes.LiquibaseChangelog), (Assert.Single(mixed.Diagnostics).File, mixed.Diagnostics[0].Code));
    }

    [Fact]
    public void Liquibase_HeaderBesideAnotherToolsFiles_IsAmbiguous()
    {
        var result = new MigrationFolder().With("V1__a.sql").With("changelog.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n").Discover();

        Assert.Equal(DiagnosticCodes.AmbiguousLayout, Assert.Single(result.Diagnostics).Code);
        Assert.Contains("liquibase ('changelog.sql')", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquibase_MasterYaml_GivesTheOrder_AndAFileItDoesNotIncludeIsNotAMigration()
    {
        var master = "databaseChangeLog:\n  - include:\n      file: changes/b.sql\n      relativeToChangelogFile: true\n  - include:\n      file: db/changelog/changes/a.sql\n";
        var result = new MigrationFolder()
            .With("db.changelog-master.yaml", master)
            .With("changes/a.sql", "--liquibase formatted sql\n--changeset x:a\nCREATE TABLE a (id int);\n")
            .With("changes/b.sql", "--liquibase formatted sql\n--changeset x:b\nCREATE TABLE b (id int);\n")
            .With("changes/unused.sql", "--liquibase formatted sql\n--changeset x:u\nCREATE TABLE u (id int);\n")
            .Discover();

        Assert.Equal(["changes/b.sql::b::x", "changes/a.sql::a::x"], result.Set!.Migrations.Select(m => m.Id));
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileNotRead, "changes/unused.sql"), (skipped.Code, skipped.File));
    }

    [Fact]
    public void Liquibase_MasterXml_IncludeAll_AndAMissingInclude_IsST1020_AtItsLine()
    {
        var master = "<databaseChangeLog>\n  <includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>\n  <include file=\"gone.sql\"/>\n</databaseChangeLog>\n";
        var result = new MigrationFolder()
            .With("changelog.xml", master)
            .With("changes/2.sql", "--liquibase formatted sql\n--changeset x:2\nCREATE TABLE b (id int);\n")
            .With("changes/1.sql", "--liquibase formatted sql\n--changeset x:1\nCREATE TABLE a (id int);\n")
            .Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.LiquibaseChangelog, "changelog.xml", 3), (error.Code, error.File, error.Line));

        var fine = new MigrationFolder()
            .With("changelog.xml", "<databaseChangeLog>\n  <includeAll path=\"db/changes/\"/>\n</databaseChangeLog>\n")
            .With("changes/2.sql", "--liquibase formatted sql\n--changeset x:2\nCREATE TABLE b (id int);\n")
            .With("changes/1.sql", "--liquibase formatted sql\n--changeset x:1\nCREATE TABLE a (id int);\n")
            .DiscoverClean();
        Assert.Equal(["changes/1.sql::1::x", "changes/2.sql::2::x"], fine.Migrations.Select(m => m.Id));
    }
}
