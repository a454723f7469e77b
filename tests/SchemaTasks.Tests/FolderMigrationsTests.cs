using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tests;

/// <summary>The runtime's view of a migrations folder, built from the core's one reader.</summary>
public class FolderMigrationsTests
{
    private const string Dbmate = "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n";

    [Fact]
    public void FromFolder_KeepsWholeFiles_SoEachChecksumMatchesItsText()
    {
        var reading = MigrationFolderReader.ReadFiles([new MigrationSourceFile("20240101000000_a.sql", Dbmate)], new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        var migrations = EmbeddedMigrations.FromFolder(reading);

        var migration = Assert.Single(migrations.Migrations);
        Assert.Equal(Dbmate, migration.Text);
        Assert.Equal(MigrationChecksum.Compute(Dbmate), migration.Sha256);
        Assert.Equal(MigrationLayout.Dbmate, migrations.Manifest.Layout);
        Assert.Equal(SqlDialect.Postgres, migrations.Manifest.Dialect);
    }

    [Fact]
    public void FromFolder_RefusesAReadingWithErrors()
    {
        var reading = MigrationFolderReader.ReadFiles([new MigrationSourceFile("1_a.up.sql", "SELECT 1;\n"), new MigrationSourceFile("001_b.up.sql", "SELECT 1;\n")]);

        Assert.True(reading.HasErrors);
        Assert.Throws<ArgumentException>(() => EmbeddedMigrations.FromFolder(reading));
    }

    [Fact]
    public void ExpectedSchemaFromFiles_DialectAgainstPrismaLockFile_IsTheBuildsConflict()
    {
        MigrationSourceFile[] files =
        [
            new("migration_lock.toml", "provider = \"postgresql\"\n"),
            new("20250101000000_init/migration.sql", "CREATE TABLE a (id int);\n"),
        ];

        var error = Assert.Throws<SchemaTasksException>(() => ExpectedSchema.FromFiles(files, dialect: SqlDialect.MySql));

        Assert.Equal(DiagnosticCodes.DialectConflict, error.Code);
    }

    [Fact]
    public void ExpectedSchemaFromFiles_PrismaFoldersSharingATimestamp_AreTwoMigrations()
    {
        MigrationSourceFile[] files =
        [
            new("migration_lock.toml", "provider = \"postgresql\"\n"),
            new("20250217000000_remove_link/migration.sql", "DROP TABLE link;\n"),
            new("20250217000000_add_contact/migration.sql", "CREATE TABLE link (id int);\n"),
        ];

        var expected = ExpectedSchema.FromFiles(files);

        Assert.Equal(["20250217000000_add_contact", "20250217000000_remove_link"], expected.Migrations.Select(m => m.Id));
        Assert.Empty(expected.Schema.Tables);
    }

    // The exception carries the code; its message says where and what, once.
    [Fact]
    public void ExpectedSchemaFromFiles_AnEngineError_IsItsCodeAndItsPlace()
    {
        MigrationSourceFile[] files =
        [
            new("migration_lock.toml", "provider = \"postgresql\"\n"),
            new("20250101000000_init/migration.sql", "CREATE TABLE a (id int);\nDROP TABLE b;\n"),
        ];

        var error = Assert.Throws<SchemaTasksException>(() => ExpectedSchema.FromFiles(files));

        Assert.Equal(DiagnosticCodes.TableNotFound, error.Code);
        Assert.StartsWith("20250101000000_init/migration.sql(2,1): DROP TABLE names b", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DiagnosticCodes.TableNotFound, error.Message, StringComparison.Ordinal);
    }
}
