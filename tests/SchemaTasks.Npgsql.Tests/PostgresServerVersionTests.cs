using SchemaTasks.Diagnostics;

namespace SchemaTasks.Npgsql.Tests;

public sealed class PostgresServerVersionTests
{
    [Theory]
    [InlineData(11, 22)]
    [InlineData(9, 6)]
    public void A_server_older_than_12_is_ST5019_naming_the_server_and_its_version(int major, int minor)
    {
        var error = Assert.Throws<SchemaTasksException>(() => PostgresServerVersion.RequireSupported(new Version(major, minor), "Host=db;Database=orders"));

        Assert.Equal(DiagnosticCodes.UnsupportedServerVersion, error.Code);
        Assert.Equal($"PostgreSQL at Host=db;Database=orders is version {major}.{minor}; SchemaTasks reads PostgreSQL 12 and later. Upgrade the server.", error.Message);
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(18, 4)]
    [InlineData(19, 0)]
    public void PostgreSQL_12_and_later_are_read(int major, int minor) =>
        PostgresServerVersion.RequireSupported(new Version(major, minor), "Host=db");
}
