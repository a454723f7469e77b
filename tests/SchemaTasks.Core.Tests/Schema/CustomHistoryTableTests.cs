using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A tool configured to keep its history in a table of another name (DataEase's Flyway,
/// <c>table=de_standalone_version</c>): named in the folder's settings, that table is the tool's,
/// created before the first migration, and changing it is no error and leaves the schema alone.
/// </summary>
public class CustomHistoryTableTests
{
    private const string Init = "CREATE TABLE core_store (id bigint PRIMARY KEY);";

    [Theory]
    [InlineData(MigrationLayout.Flyway, SqlDialect.MariaDb, "ALTER TABLE `de_standalone_version` COMMENT = 'migration history';")]
    [InlineData(MigrationLayout.Flyway, SqlDialect.Postgres, "ALTER TABLE public.de_standalone_version ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Plain, SqlDialect.MySql, "ALTER TABLE de_standalone_version ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Liquibase, SqlDialect.Postgres, "ALTER TABLE de_standalone_version ADD COLUMN note text; DROP TABLE databasechangeloglock;")]
    public void TheNamedTable_IsTheTools(MigrationLayout layout, SqlDialect dialect, string change)
    {
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(Set(layout, dialect, "de_standalone_version", change), dialect);

        Assert.Empty(diagnostics);
        Assert.Equal("core_store", Assert.Single(catalog.Tables.Keys).Name);
    }

    [Theory]
    [InlineData(null, "ALTER TABLE de_standalone_version COMMENT = 'x';")]
    [InlineData("de_standalone_version", "ALTER TABLE flyway_schema_history COMMENT = 'x';")]
    public void AnotherTable_IsStillAMissingTable(string? historyTable, string change)
    {
        var (_, diagnostics) = SchemaEngine.BuildFinal(Set(MigrationLayout.Flyway, SqlDialect.MariaDb, historyTable, change), SqlDialect.MariaDb);

        Assert.Equal(DiagnosticCodes.TableNotFound, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void TheFolderReader_CarriesTheSettingToTheSet()
    {
        var files = new[] { new MigrationSourceFile("V1__init.sql", Init), new MigrationSourceFile("V2__c.sql", "ALTER TABLE de_standalone_version COMMENT = 'x';") };

        var reading = MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings { Dialect = SqlDialect.MariaDb, HistoryTable = " de_standalone_version " });

        Assert.Equal("de_standalone_version", reading.Set!.HistoryTable);
        Assert.Empty(SchemaEngine.BuildFinal(reading.Set, SqlDialect.MariaDb).Diagnostics);
    }

    private static MigrationSet Set(MigrationLayout layout, SqlDialect dialect, string? historyTable, string change) =>
        new(layout, dialect, [new Migration("1", "1", "init", "V1__init.sql", "checksum", Init), new Migration("2", "2", "change", "V2__change.sql", "checksum", change)]) { HistoryTable = historyTable };
}
