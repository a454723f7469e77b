using SchemaTasks.Core.Tests.Migrations;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

// MySQL and MariaDB keep one namespace of trigger names per database: a second CREATE of a name is
// refused (1359), a DROP of one that is not there too (1360); a trigger goes with its table's DROP
// and follows its RENAME. Case counts, as for table names with lower_case_table_names=0.
public class MySqlTriggerNameTests
{
    private const string Tables = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW SET NEW.id = 1;\n";

    private static IReadOnlyList<SchemaDiagnostic> Build(string sql, SqlDialect dialect = SqlDialect.MariaDb)
        => SchemaEngine.Build(new MigrationFolder().With("1_t.sql", sql).DiscoverClean(MigrationLayout.Plain), dialect).Diagnostics;

    [Theory]
    [InlineData(Tables + "CREATE TRIGGER tr BEFORE UPDATE ON a FOR EACH ROW SET NEW.id = 2;", "error 1359, Trigger 'tr' already exists")]
    [InlineData(Tables + "CREATE TRIGGER tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2;", "error 1359, Trigger 'tr' already exists")]
    [InlineData(Tables + "RENAME TABLE a TO c;\nCREATE DEFINER = CURRENT_USER TRIGGER `tr` AFTER DELETE ON b FOR EACH ROW SET @x = 1;", "error 1359, Trigger 'tr' already exists")]
    [InlineData(Tables + "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2;", "error 1360, Trigger does not exist")]
    public void A_second_create_is_ST3171_at_the_name(string sql, string says)
    {
        var error = Assert.Single(Build(sql));

        Assert.Equal((DiagnosticCodes.TriggerOrEventExists, sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DROP TRIGGER nope;")]
    [InlineData(Tables + "DROP TRIGGER tr;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "DROP TRIGGER TR;")]
    [InlineData(Tables + "DROP TABLE b, a;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "CREATE OR REPLACE TABLE a (id int);\nDROP TRIGGER tr;")]
    [InlineData(Tables + "RENAME TABLE a TO c;\nDROP TABLE IF EXISTS c;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "ALTER TABLE a ADD COLUMN n int, RENAME TO c;\nDROP TABLE c;\nDROP TRIGGER tr;")]
    public void A_drop_of_a_trigger_that_is_not_there_is_ST3172(string sql)
    {
        var error = Assert.Single(Build(sql, SqlDialect.MySql));

        Assert.Equal((DiagnosticCodes.TriggerOrEventNotFound, sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains("error 1360, Trigger does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Tables + "CREATE TRIGGER IF NOT EXISTS tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2;")]
    [InlineData(Tables + "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON a FOR EACH ROW SET NEW.id = 2;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "CREATE TRIGGER TR BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2;\nDROP TRIGGER TR;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "DROP TABLE a;\nCREATE TABLE a (id int);\nCREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW SET NEW.id = 1;")]
    [InlineData(Tables + "RENAME TABLE a TO c, b TO a;\nDROP TABLE a;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "ALTER TABLE a RENAME COLUMN id TO n, RENAME TO c;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "CREATE TEMPORARY TABLE a (id int);\nDROP TABLE a;\nDROP TRIGGER tr;")]
    [InlineData(Tables + "DROP TRIGGER IF EXISTS tr;\nDROP TRIGGER IF EXISTS tr;\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1;")]
    [InlineData(Tables + "PREPARE s FROM 'DROP TRIGGER tr';\nEXECUTE s;\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1;\nDROP TRIGGER elsewhere;")]
    [InlineData(Tables + "CREATE PROCEDURE p() DROP TRIGGER tr;\nCALL p();\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1;")]
    [InlineData(Tables + "CREATE TRIGGER tr BEFORE INSERT ON nope FOR EACH ROW SET NEW.id = 1;")]
    public void What_the_server_takes_is_not_reported(string sql)
    {
        Assert.DoesNotContain(Build(sql), d => d.Code is DiagnosticCodes.TriggerOrEventExists or DiagnosticCodes.TriggerOrEventNotFound);
    }

    [Fact]
    public void Sql_applied_to_a_schema_read_elsewhere_may_drop_a_trigger_it_never_saw()
    {
        // A repeatable migration, checked against the schema after the versioned ones, drops what they created.
        Assert.Empty(SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), "DROP TRIGGER tr;", "R__t.sql").Diagnostics);
    }
}
