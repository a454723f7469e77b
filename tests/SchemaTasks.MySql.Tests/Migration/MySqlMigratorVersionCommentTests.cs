using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>
/// The migrator sends each executable comment whole, as the mysql client does, and lets the server
/// apply its version gate: roundcube's tables end with <c>) /*!40000 ENGINE=INNODB */;</c>,
/// mysqldump writes views and triggers as runs of comments (<c>/*!50001 CREATE*/ /*!50001 VIEW ...*/</c>),
/// and every current mariadb-dump file opens with <c>/*M!999999\- enable the sandbox mode */</c>.
/// Cutting a comment's opening or closing made the server refuse the statement (1064).
/// </summary>
public sealed class MySqlMigratorVersionCommentTests
{
    private const string Dump = """
        /*M!999999\- enable the sandbox mode */ 
        -- MariaDB dump 10.19  Distrib 10.11.8-MariaDB, for debian-linux-gnu (x86_64)
        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
        /*!40101 SET NAMES utf8mb4 */;
        /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
        CREATE TABLE s (
          id int NOT NULL,
          x int DEFAULT NULL,
          PRIMARY KEY (id)
        ) /*!40000 ENGINE=INNODB */ /*!40101 CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;
        /*!50001 CREATE*/ /*!50001 VIEW v AS SELECT id FROM s */;
        DELIMITER ;;
        /*!50003 CREATE*/ /*!50017 DEFINER=CURRENT_USER*/ /*!50003 TRIGGER trg_s BEFORE INSERT ON s FOR EACH ROW BEGIN
          SET NEW.x = 1;
        END */;;
        DELIMITER ;
        /*M!100100 CREATE TABLE m (id int) */;
        /*!80000 CREATE TABLE skipped_by_mariadb (id int) */;
        /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
        """;

    [MySqlFact]
    public async Task ADumpWithExecutableComments_IsAppliedAsTheClientAppliesIt_AndMatchesTheSnapshot()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.MariaDb).Add("1", Dump).Load();

        await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        await using var connection = await db.OpenConnectionAsync();
        await using var objects = new MySqlCommand(
            "SELECT GROUP_CONCAT(n ORDER BY n) FROM (SELECT TABLE_NAME n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schematasks_history' UNION ALL SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()) o",
            connection);
        Assert.Equal("m,s,trg_s,v", await objects.ExecuteScalarAsync());

        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), Dump, "m.sql");
        Assert.Empty(diagnostics);
        Assert.Equal(["m", "s"], built.Tables.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [MySqlFact]
    public async Task ADelimiterLineInAnOpenStatement_IsSentWithIt_AndTheServerRefusesIt()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "CREATE TABLE a (x int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nUPDATE a SET x = 1;\nDELIMITER ;\nCREATE TABLE b (x int);\n")
            .Load();

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        // MySqlConnector refuses a DELIMITER it finds before the server sees it; the client's run gets 1064.
        var refusal = Assert.IsType<MySqlException>(failure.InnerException);
        Assert.True(refusal.Number == 1064 || refusal.ErrorCode == MySqlErrorCode.DelimiterNotSupported, refusal.Message);
        Assert.Contains("Statement 3 of 3", failure.Message, StringComparison.Ordinal);
        await using var connection = await db.OpenConnectionAsync();
        await using var tables = new MySqlCommand("SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schematasks_history'", connection);
        Assert.Equal("a", await tables.ExecuteScalarAsync());
    }
}
