using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// Flyway skips a file whose name it cannot read (validateMigrationNaming is off by default): a
/// project kept its rollback scripts, 'R20240708.1.1.0__release.sql', beside the versioned ones.
/// </summary>
public class FlywayIgnoredFileTests
{
    private static readonly MigrationSourceFile[] VersionedWithRollbackScript =
    [
        new("V20240708.1.1.0__release.sql", "CREATE TABLE a (id int);\n"),
        new("R20240708.1.1.0__release.sql", "DROP TABLE a;\n"),
        new("V20240729.1.1.0__release.sql", "CREATE TABLE b (id int);\n"),
    ];

    [Fact]
    public void A_set_flyway_layout_leaves_the_file_out_with_a_warning()
    {
        var reading = MigrationFolderReader.ReadFiles(VersionedWithRollbackScript, new MigrationFolderSettings { Layout = MigrationLayout.Flyway, Dialect = SqlDialect.MariaDb });

        var warning = Assert.Single(reading.Diagnostics);
        Assert.Equal((DiagnosticCodes.FlywayIgnoresFile, DiagnosticSeverity.Warning, "R20240708.1.1.0__release.sql"), (warning.Code, warning.Severity, warning.File));
        Assert.Contains("Flyway ignores 'R20240708.1.1.0__release.sql'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["V20240708.1.1.0__release.sql", "V20240729.1.1.0__release.sql"], reading.Set!.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void A_detected_flyway_layout_still_refuses_it()
    {
        var reading = MigrationFolderReader.ReadFiles(VersionedWithRollbackScript, new MigrationFolderSettings { Dialect = SqlDialect.MariaDb });

        var error = Assert.Single(reading.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognisedMigrationFile);
        Assert.Equal((DiagnosticSeverity.Error, "R20240708.1.1.0__release.sql"), (error.Severity, error.File));
    }
}
