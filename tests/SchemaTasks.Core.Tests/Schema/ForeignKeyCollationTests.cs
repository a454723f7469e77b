using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB refuses a change of collation alone on a column a foreign key uses, on either side,
/// even with foreign key checks off (1832, 1833; MariaDbForeignKeyCollationTests checks the
/// server): dolphinscheduler's "ALTER TABLE ... COLLATE utf8_bin, MODIFY COLUMN ..." on QRTZ tables.
/// </summary>
public class ForeignKeyCollationTests
{
    private const string Tables = """
        CREATE TABLE p (a varchar(10) NOT NULL, PRIMARY KEY (a)) DEFAULT CHARSET=utf8;
        CREATE TABLE c (a varchar(10) NOT NULL, KEY k (a), CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (a)) DEFAULT CHARSET=utf8;
        SET FOREIGN_KEY_CHECKS = 0;

        """;

    [Theory]
    [InlineData("ALTER TABLE c COLLATE utf8_bin, MODIFY COLUMN a varchar(10) NOT NULL;")]
    [InlineData("ALTER TABLE c MODIFY COLUMN a varchar(10) COLLATE utf8_bin NOT NULL;")]
    [InlineData("ALTER TABLE c MODIFY COLUMN a varchar(10) BINARY NOT NULL;")]
    [InlineData("ALTER TABLE p MODIFY COLUMN a varchar(10) COLLATE utf8mb3_bin NOT NULL;")]
    [InlineData("ALTER TABLE p CONVERT TO CHARACTER SET utf8 COLLATE utf8_bin;")]
    public void MariaDb_ACollationChange_OnEitherSide_IsReported(string change)
    {
        var (_, diagnostics) = Run(Tables + change, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, 4), (error.Code, error.Line));
        Assert.Contains("COLLATE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE c MODIFY COLUMN a varchar(10) COLLATE utf8_general_ci NOT NULL;")]
    [InlineData("ALTER TABLE c MODIFY COLUMN a varchar(10) NOT NULL DEFAULT 'x';")]
    [InlineData("ALTER TABLE c COLLATE utf8_bin;")]
    [InlineData("ALTER TABLE c DROP FOREIGN KEY fk, MODIFY COLUMN a varchar(10) COLLATE utf8_bin NOT NULL;")]
    public void MariaDb_TheSameCollation_OrNoChangeOfIt_Passes(string change)
        => Assert.Empty(Run(Tables + change, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void MariaDb_ACollationThatCannotBeTold_IsNotGuessed()
    {
        // Without a charset on the tables the columns take the database's collation, which the migrations do not tell.
        const string Sql = """
            CREATE TABLE p (a varchar(10) NOT NULL PRIMARY KEY);
            CREATE TABLE c (a varchar(10) NOT NULL, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (a));
            ALTER TABLE c MODIFY COLUMN a varchar(10) COLLATE utf8mb4_bin NOT NULL;
            """;
        Assert.Empty(Run(Sql, SqlDialect.MariaDb).Diagnostics);
    }
}
