using SchemaTasks.Migrator.ToolHistories;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>
/// The lock ids other tools derive from names, so the migrator and the tool exclude each other.
/// The expected values were computed independently (Python's zlib.crc32 and the tools' formulas).
/// </summary>
public sealed class ToolHistoryLockIdTests
{
    [Fact]
    public void GolangMigrate_LockId_IsTheCrc32OfTheNamesTimesItsSalt_In32Bits()
    {
        // PostgreSQL: schema, table and database joined by NUL; MySQL: "database:table".
        Assert.Equal(1787120056u, GolangMigrateHistoryWriter.LockId("public\0schema_migrations\0app"));
        Assert.Equal(2938252834u, GolangMigrateHistoryWriter.LockId("app:schema_migrations"));
    }

    [Fact]
    public void Sqlx_LockId_IsItsFactorTimesTheCrc32OfTheDatabaseName_AndItsMySqlNameIsThatInHex()
    {
        Assert.Equal(3469795979745788610L, SqlxHistoryWriter.LockId("app"));
        Assert.Equal("3027310f4fd382c2", new SqlxHistoryWriter(SqlDialect.MySql, "t").MySqlLockName("app"));
    }
}
