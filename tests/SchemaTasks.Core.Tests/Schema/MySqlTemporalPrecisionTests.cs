using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Fractional-seconds precision 0 is the default of TIMESTAMP, DATETIME and TIME: both servers'
/// COLUMN_TYPE leaves it out, and their defaults show <c>current_timestamp</c> for every spelling
/// of the current time at precision 0 (MariaDB 10.11 checked by the differential test).
/// </summary>
public class MySqlTemporalPrecisionTests
{
    private static CatalogTable Table(string sql, SqlDialect dialect) => Clean(sql, dialect).FindTable(My("t"))!;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void PrecisionZero_IsLeftOutOfTheType_OtherPrecisionsStay(SqlDialect dialect)
    {
        var table = Table("CREATE TABLE t (a timestamp(0) NULL, b DATETIME(0), c time(0), d datetime(3), e time(6), f timestamp NULL);", dialect);
        Assert.Equal(["timestamp", "datetime", "time", "datetime(3)", "time(6)", "timestamp"], table.Columns.Select(c => c.Type));
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void CurrentTimeDefaults_AreStoredAsCurrentTimestamp_WithAPrecisionOnlyAboveZero(SqlDialect dialect)
    {
        var table = Table("""
            CREATE TABLE t (
              a timestamp(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0) ON UPDATE CURRENT_TIMESTAMP(0),
              b datetime DEFAULT now(),
              c datetime DEFAULT LOCALTIMESTAMP,
              d datetime DEFAULT localtime(0),
              e datetime(3) DEFAULT CURRENT_TIMESTAMP(3),
              f datetime DEFAULT (CURRENT_TIMESTAMP()),
              g datetime(6) DEFAULT NOW(6));
            ALTER TABLE t ALTER COLUMN b SET DEFAULT (NOW(0));
            """, dialect);
        Assert.Equal(
            ["current_timestamp", "current_timestamp", "current_timestamp", "current_timestamp", "current_timestamp(3)", "current_timestamp", "current_timestamp(6)"],
            table.Columns.Select(c => c.Default));
    }

    [Fact]
    public void OtherFunctionDefaults_AreKeptAsWritten()
    {
        var table = Table("CREATE TABLE t (a datetime DEFAULT (now() + INTERVAL 1 DAY), b varchar(36) DEFAULT (uuid()));", SqlDialect.MariaDb);
        Assert.Equal(["now() + interval 1 day", "uuid()"], table.Columns.Select(c => c.Default));
    }
}
