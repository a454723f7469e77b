using SchemaTasks.MySql.Introspection;

namespace SchemaTasks.MySql.Tests.Introspection;

/// <summary>COLUMN_DEFAULT read back as the default text the snapshot holds.</summary>
public sealed class MySqlDefaultsTests
{
    [Theory]
    [InlineData("5", "varchar(5)", "'5'")]
    [InlineData("5", "int", "5")]
    [InlineData("1", "tinyint(1)", "1")]
    [InlineData("1.50", "decimal(5,2)", "1.50")]
    [InlineData("it's", "varchar(10)", "'it''s'")]
    public void MySql8_bare_value_is_a_string_unless_the_column_is_numeric(string columnDefault, string columnType, string expected)
    {
        Assert.Equal(expected, MySqlDefaults.Normalise(columnDefault, string.Empty, isMariaDb: false, columnType));
    }

    [Theory]
    [InlineData("'5'", "'5'")]
    [InlineData("1", "1")]
    [InlineData("NULL", null)]
    [InlineData("current_timestamp()", "current_timestamp")]
    public void MariaDb_default_is_already_an_expression(string columnDefault, string? expected)
    {
        Assert.Equal(expected, MySqlDefaults.Normalise(columnDefault, string.Empty, isMariaDb: true, "varchar(5)"));
    }
}
