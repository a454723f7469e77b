using SchemaTasks.Scaffolding;

namespace SchemaTasks.Core.Tests.Scaffolding;

public sealed class FixRendererTests
{
    [Fact]
    public void AddValue_IsRepeatedPerValue()
    {
        var sql = FixRenderer.Render(
            [new("ALTER TYPE \"JobStatus\" ADD VALUE {value};", "CANCELLED"), new("ALTER TYPE \"JobStatus\" ADD VALUE {value};", "PAUSED")],
            SqlDialect.Postgres);

        Assert.Equal("ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\nALTER TYPE \"JobStatus\" ADD VALUE 'PAUSED';\n", sql);
    }

    [Fact]
    public void ListTemplates_TakeEveryNewValueInOneStatement()
    {
        const string template = "ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup', {value}) DEFAULT NULL;";

        var sql = FixRenderer.Render(
            [new(template, "protection_flow"), new(template, "backup_execution"), new(template, "protection_flow")],
            SqlDialect.MySql);

        Assert.Equal("ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup', 'protection_flow', 'backup_execution') DEFAULT NULL;\n", sql);
    }

    [Fact]
    public void MultiStatementTemplates_KeepTheirOrder()
    {
        var sql = FixRenderer.Render(
            [new("ALTER DOMAIN d DROP CONSTRAINT c;\nALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE IN ('a', {value}));", "b")],
            SqlDialect.Postgres);

        Assert.Equal("ALTER DOMAIN d DROP CONSTRAINT c;\nALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE IN ('a', 'b'));\n", sql);
    }

    [Fact]
    public void MySqlValues_EscapeBackslashes()
        => Assert.Equal("ALTER TABLE t MODIFY COLUMN c ENUM('a\\\\b');\n", FixRenderer.Render([new("ALTER TABLE t MODIFY COLUMN c ENUM({value});", "a\\b")], SqlDialect.MySql));
}
