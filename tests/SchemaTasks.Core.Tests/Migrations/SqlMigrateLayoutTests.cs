using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Core.Tests.Migrations;

// sql-migrate's rules, as rubenv/sql-migrate's sqlparse.ParseMigration and Migration.Less apply them.
public class SqlMigrateLayoutTests
{
    private const string Create =
        "-- +migrate Up\n" +                                   // line 1
        "CREATE TYPE job_status AS ENUM ('queued');\n" +       // line 2
        "CREATE TABLE jobs (id int, status job_status);\n" +   // line 3
        "\n" +
        "-- +migrate Down\n" +                                 // line 5
        "DROP TABLE jobs;\n" +
        "DROP TYPE job_status;\n";

    private static MigrationDiscoveryResult Discover(string text, string name = "1_f.sql") =>
        new MigrationFolder().With(name, text).Discover(MigrationLayout.SqlMigrate);

    [Fact]
    public void Id_IsTheWholeFileName_SqlHoldsOnlyTheUpSection()
    {
        var migration = Assert.Single(new MigrationFolder().With("20170426134008-init.sql", Create).DiscoverClean(MigrationLayout.SqlMigrate).Migrations);

        Assert.Equal(("20170426134008-init.sql", "20170426134008", "init"), (migration.Id, migration.Version, migration.Name));
        Assert.Contains("CREATE TABLE jobs", migration.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", migration.Sql, StringComparison.Ordinal);
        Assert.Equal(1, migration.SqlStartLine);
    }

    [Fact]
    public void DownSection_DoesNotReachTheSchema_AndLinesKeepTheirNumbers()
    {
        var set = new MigrationFolder().With("1_create.sql", Create + "-- +migrate Up\nCREATE TABLE late (id int);\n").DiscoverClean(MigrationLayout.SqlMigrate);

        var built = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(built.Diagnostics);
        // sql-migrate runs every Up section of a file, a second one too.
        Assert.Equal(["jobs", "late"], built.Final.Tables.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
        var sql = Assert.Single(set.Migrations).Sql;
        Assert.Equal(Create.Split('\n').Length + 2, sql.Split('\n').Length);
    }

    [Fact]
    public void Order_IsTheLeadingNumber_ThenTheName_NamesWithoutANumberLast()
    {
        var set = new MigrationFolder()
            .With("10_c.sql", "-- +migrate Up\nSELECT 1;\n")
            .With("2_b.sql", "-- +migrate Up\nSELECT 1;\n")
            .With("02_a.sql", "-- +migrate Up\nSELECT 1;\n")
            .With("init.sql", "-- +migrate Up\nSELECT 1;\n")
            .With("Zeta.sql", "-- +migrate Up\nSELECT 1;\n")
            .DiscoverClean(MigrationLayout.SqlMigrate);

        // "02_a.sql" and "2_b.sql" share version 2 and compare as strings; "Zeta" sorts before "init" by bytes.
        Assert.Equal(["02_a.sql", "2_b.sql", "10_c.sql", "Zeta.sql", "init.sql"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void OnlyLowerCaseSqlFilesDirectlyInTheFolder_AreRead()
    {
        var result = new MigrationFolder()
            .With("1_a.sql", "-- +migrate Up\nSELECT 1;\n")
            .With("2_b.SQL", "-- +migrate Up\nSELECT 1;\n")
            .With("old/3_c.sql", "-- +migrate Up\nSELECT 1;\n")
            .Discover(MigrationLayout.SqlMigrate);

        Assert.Equal(["1_a.sql"], result.Set!.Migrations.Select(m => m.Id));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.FileNotRead && d.Severity == DiagnosticSeverity.Info));
    }

    [Fact]
    public void VersionBeyond64Bits_IsRefused()
    {
        var result = Discover("-- +migrate Up\nSELECT 1;\n", "99999999999999999999_big.sql");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnrecognisedMigrationFile, error.Code);
        Assert.Contains("64-bit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsDetected_FromItsUpCommand()
    {
        var set = new MigrationFolder()
            .With("20240101000000-a.sql", "-- +migrate Up\nCREATE TABLE a (id int);\n")
            .With("20240102000000-b.sql", "-- +migrate Down\nDROP TABLE b;\n-- +migrate Up\nCREATE TABLE b (id int);\n")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.SqlMigrate, set.Layout);
    }

    [Fact]
    public void NoTransaction_OnTheUpLine_IsRead_OnTheDownLineIsNot()
    {
        var up = Assert.Single(new MigrationFolder().With("1_a.sql", "-- +migrate Up notransaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n").DiscoverClean(MigrationLayout.SqlMigrate).Migrations);
        var down = Assert.Single(new MigrationFolder().With("1_a.sql", "-- +migrate Up\nSELECT 1;\n-- +migrate Down notransaction\nSELECT 2;\n").DiscoverClean(MigrationLayout.SqlMigrate).Migrations);

        Assert.True(up.NoTransaction);
        Assert.False(down.NoTransaction);
    }

    [Fact]
    public void TextBeforeTheFirstSection_IsDropped_AndSqlThereIsAWarning()
    {
        var result = Discover("CREATE TABLE never (id int);\n-- +migrate Up\nCREATE TABLE jobs (id int);\n");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.SqlMigrateAnnotation, DiagnosticSeverity.Warning, 1), (warning.Code, warning.Severity, warning.Line));
        var built = SchemaEngine.Build(result.Set!, SqlDialect.Postgres);
        Assert.Equal(["jobs"], built.Final.Tables.Keys.Select(k => k.Name));
    }

    [Fact]
    public void CommentLinesInsideAStatement_AreDropped_AsSqlMigrateDropsThem()
    {
        var set = new MigrationFolder().With("1_a.sql", "-- +migrate Up\nCREATE TABLE jobs (\n-- the key\n  id int\n);\n").DiscoverClean(MigrationLayout.SqlMigrate);

        Assert.DoesNotContain("the key", Assert.Single(set.Migrations).Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE a (id int);\n", 1, "no '-- +migrate Up' or '-- +migrate Down' line")]
    [InlineData("-- +migrate up\nCREATE TABLE a (id int);\n", 1, "no '-- +migrate Up' or '-- +migrate Down' line")]
    [InlineData("-- +migrate Up\nCREATE TABLE a (id int)\n-- +migrate Down\nDROP TABLE a;\n", 2, "still open before this '-- +migrate Down' line")]
    [InlineData("-- +migrate Up\nCREATE TABLE a (id int)\n", 2, "still open at the end of the file")]
    [InlineData("-- +migrate Up\nCREATE TABLE a (id int);\n  -- indented note\n", 3, "still open at the end of the file")]
    [InlineData("-- +migrate Up\nCREATE TABLE a (id int); /* note */\n", 2, "still open at the end of the file")]
    [InlineData("-- +migrate Up\n-- +migrate StatementBegin\nCREATE TABLE a (id int);\n", 2, "never closed")]
    [InlineData("-- +migrate Up\nSELECT 1;\n-- +migrate \n", 3, "names no command")]
    public void FilesSqlMigrateRefuses_AreST1039Errors_AtTheLine(string text, int line, string why)
    {
        var result = Discover(text);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.SqlMigrateAnnotation, "1_f.sql", line, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("sql-migrate refuses this file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- +migrate Up\nSELECT 1;\n-- +migrate down\nSELECT 2;\n", 3, "'-- +migrate down' (sql-migrate reads 'Down', spelled so)")]
    [InlineData("-- +migrate Up\nSELECT 1;\n-- +migrate statementbegin\nSELECT 2;\n", 3, "the semicolons after it end statements")]
    [InlineData("-- +migrate Up NoTransaction\nSELECT 1;\n", 1, "runs inside a transaction")]
    [InlineData("-- +migrate Up\nSELECT 1;\n  -- +migrate Down\nSELECT 2;\n", 3, "keeps the line as SQL text")]
    [InlineData("-- +migrate Up\nSELECT 1;\n--+migrate Down\nSELECT 2;\n", 3, "keeps the line as SQL text")]
    [InlineData("-- +migrate Up\nSELECT 1;\n-- +migrate\n", 3, "drops the line unread")]
    public void LinesSqlMigratePassesOver_AreST1039Warnings(string text, int line, string why)
    {
        var result = Discover(text);

        Assert.NotNull(result.Set);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.SqlMigrateAnnotation, DiagnosticSeverity.Warning, line), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains(why, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndentedDownCommand_IsNoCommand_SoTheDownSqlRunsUp()
    {
        var result = Discover("-- +migrate Up\nCREATE TABLE a (id int);\n  -- +migrate Down\nDROP TABLE a;\n");

        var built = SchemaEngine.Build(result.Set!, SqlDialect.Postgres);

        Assert.Empty(built.Final.Tables);
    }

    [Fact]
    public void StatementBeginBeforeUp_IsPassedOver_AsSqlMigrateDoes()
    {
        var set = new MigrationFolder().With("1_a.sql", "-- +migrate StatementBegin\n-- +migrate Up\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n").DiscoverClean(MigrationLayout.SqlMigrate);

        Assert.Empty(SchemaEngine.Build(set, SqlDialect.Postgres).Diagnostics);
    }

    [Fact]
    public void FileWithOnlyADownSection_RunsNothingUp()
    {
        var migration = Assert.Single(new MigrationFolder().With("1_a.sql", "-- +migrate Down\nDROP TABLE a;\n").DiscoverClean(MigrationLayout.SqlMigrate).Migrations);

        Assert.Equal(string.Empty, migration.Sql.Trim());
    }

    [Fact]
    public void FixtureFolder_IsDetected_AndBuildsTheSchemaOfItsUpSections()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "SchemaTasks.Core.Tests", "Fixtures", "SqlMigrate");

        var reading = MigrationFolderReader.Read(folder, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });
        var built = SchemaEngine.Build(reading.Set!, SqlDialect.Postgres);

        Assert.DoesNotContain(reading.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(MigrationLayout.SqlMigrate, reading.Set!.Layout);
        Assert.Equal(["9_settings.sql", "20170426134008-init.sql", "20171201104433-add-alert-log-types.sql", "20180104122450-alert-updates.sql"], reading.Set.Migrations.Select(m => m.Id));
        Assert.Equal([false, false, true, false], reading.Set.Migrations.Select(m => m.NoTransaction));
        Assert.Empty(built.Diagnostics);
        Assert.Equal(["alert_logs", "alerts", "settings"], built.Final.Tables.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["triggered", "active", "acknowledged", "closed", "escalated"], built.Final.EnumTypes.Values.Single().Labels.AsEnumerable());
    }

    [Fact]
    public void LayoutName_IsSqlMigrate()
    {
        Assert.Equal("sql-migrate", MigrationLayout.SqlMigrate.ToName());
        Assert.True(MigrationLayoutNames.TryParse("SQL-Migrate", out var layout));
        Assert.Equal(MigrationLayout.SqlMigrate, layout);
    }
}
