using SchemaTasks.Core.Tests.Migrations;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

// MySQL and MariaDB refuse a second CREATE of a routine name (1304) and a DROP of one that is not
// there (1305); procedures and functions are apart, names compare in any case.
public class MySqlRoutineNameTests
{
    private static IReadOnlyList<SchemaDiagnostic> Build(string sql, SqlDialect dialect = SqlDialect.MariaDb)
        => SchemaEngine.Build(new MigrationFolder().With("1_r.sql", sql).DiscoverClean(MigrationLayout.Plain), dialect).Diagnostics;

    [Theory]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE p() SELECT 2;", "PROCEDURE p already exists")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE P() SELECT 2;", "PROCEDURE P already exists")]
    [InlineData("CREATE FUNCTION f() RETURNS int RETURN 1;\nCREATE DEFINER = `root`@`%` FUNCTION f() RETURNS int RETURN 2;", "FUNCTION f already exists")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nDROP PROCEDURE IF EXISTS q;\nCREATE PROCEDURE `p`() SELECT 2;", "PROCEDURE p already exists")]
    public void A_second_create_is_ST3166_at_the_name(string sql, string says)
    {
        var error = Assert.Single(Build(sql));

        Assert.Equal((DiagnosticCodes.RoutineExists, sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains("error 1304, " + says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DROP PROCEDURE nope;", "PROCEDURE nope does not exist")]
    [InlineData("DROP FUNCTION nope;", "FUNCTION nope does not exist")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nDROP FUNCTION p;", "FUNCTION p does not exist")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nDROP PROCEDURE p;\nDROP PROCEDURE p;", "PROCEDURE p does not exist")]
    public void A_drop_of_a_routine_that_is_not_there_is_ST3123(string sql, string says)
    {
        var error = Assert.Single(Build(sql, SqlDialect.MySql));

        Assert.Equal((DiagnosticCodes.RoutineNotFound, sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains("error 1305, " + says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nCREATE OR REPLACE PROCEDURE p() SELECT 2;")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE IF NOT EXISTS p() SELECT 2;")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nCREATE FUNCTION p() RETURNS int RETURN 1;")]
    [InlineData("CREATE PROCEDURE p() SELECT 1;\nDROP PROCEDURE p;\nCREATE PROCEDURE p() SELECT 2;\nDROP PROCEDURE IF EXISTS p;\nDROP PROCEDURE IF EXISTS p;")]
    [InlineData("CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so';\nDROP FUNCTION metaphon;")]
    [InlineData("CREATE TABLE procedure_log (id int);\nCREATE TRIGGER t BEFORE INSERT ON procedure_log FOR EACH ROW SET NEW.id = 1;\nCREATE TRIGGER u BEFORE UPDATE ON procedure_log FOR EACH ROW SET NEW.id = 1;")]
    public void What_the_server_takes_is_not_reported(string sql)
    {
        Assert.Empty(Build(sql));
    }

    [Fact]
    public void Sql_applied_to_a_schema_read_elsewhere_may_drop_a_routine_it_never_saw()
    {
        // A repeatable migration, checked against the schema after the versioned ones, drops what they created.
        Assert.Empty(SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), "DROP PROCEDURE p;", "R__p.sql").Diagnostics);
    }
}
