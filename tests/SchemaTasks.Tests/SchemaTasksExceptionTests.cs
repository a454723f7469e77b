using SchemaTasks.Diagnostics;

namespace SchemaTasks.Tests;

/// <summary>An exception's kind follows its code's documented range.</summary>
public sealed class SchemaTasksExceptionTests
{
    [Theory]
    [InlineData(DiagnosticCodes.ManifestMissing, SchemaTasksErrorKind.EmbeddedMigrations)]
    [InlineData(DiagnosticCodes.EmbeddedMigrationTampered, SchemaTasksErrorKind.EmbeddedMigrations)]
    [InlineData(DiagnosticCodes.EmbeddedSnapshotMismatch, SchemaTasksErrorKind.EmbeddedMigrations)]
    [InlineData(DiagnosticCodes.InvalidConnectionString, SchemaTasksErrorKind.Connection)]
    [InlineData(DiagnosticCodes.CannotConnect, SchemaTasksErrorKind.Connection)]
    [InlineData(DiagnosticCodes.LoginRejected, SchemaTasksErrorKind.Connection)]
    [InlineData(DiagnosticCodes.ReadDenied, SchemaTasksErrorKind.Connection)]
    [InlineData(DiagnosticCodes.DialectMismatch, SchemaTasksErrorKind.Connection)]
    [InlineData(DiagnosticCodes.FailedMigration, SchemaTasksErrorKind.SchemaMismatch)]
    [InlineData(DiagnosticCodes.AmbiguousHistory, SchemaTasksErrorKind.SchemaMismatch)]
    [InlineData(DiagnosticCodes.StartupCheckFailed, SchemaTasksErrorKind.SchemaMismatch)]
    [InlineData(DiagnosticCodes.MigrationLockTimeout, SchemaTasksErrorKind.Migration)]
    [InlineData(DiagnosticCodes.RepairBlocked, SchemaTasksErrorKind.Migration)]
    [InlineData("ST4001", SchemaTasksErrorKind.Other)]
    [InlineData("ST5000", SchemaTasksErrorKind.Other)]
    [InlineData("ST60x1", SchemaTasksErrorKind.Other)]
    [InlineData("", SchemaTasksErrorKind.Other)]
    public void Kind_FollowsTheCodesRange(string code, SchemaTasksErrorKind kind)
    {
        Assert.Equal(kind, new SchemaTasksException(code, "message").Kind);
    }
}
