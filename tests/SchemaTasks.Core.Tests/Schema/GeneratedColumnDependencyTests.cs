using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A generated column depends on the columns its expression uses (ST3051): each server's
/// refusals, PostgreSQL's CASCADE, and renames the expression follows. The servers' own answers
/// are in the Npgsql and MySQL differential tests.
/// </summary>
public class GeneratedColumnDependencyTests
{
    private const string Postgres = "CREATE TABLE t (id int, a int, b int GENERATED ALWAYS AS (a * 2) STORED, c text GENERATED ALWAYS AS (upper(\"Label\")) STORED, \"Label\" text);\n";
    private const string MySql = "CREATE TABLE t (id int, a int, b int AS (a * 2) STORED, c int AS (`A` + 1) VIRTUAL);\n";

    private static string[] Columns(Catalog catalog, QualifiedName table) => catalog.FindTable(table)!.Columns.Select(c => c.Name).ToArray();

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN a TYPE bigint;", "PostgreSQL refuses to change the type of column a of t: generated column b uses it (SQLSTATE 0A000)")]
    [InlineData("ALTER TABLE t DROP COLUMN a;", "PostgreSQL refuses to drop column a of t: generated column b uses it (SQLSTATE 2BP01")]
    [InlineData("ALTER TABLE t DROP COLUMN a, DROP COLUMN b;", "generated column b uses it")]
    [InlineData("ALTER TABLE t ALTER COLUMN \"Label\" TYPE varchar(9);", "generated column c uses it")]
    public void Postgres_RefusesWhatAGeneratedColumnUses(string change, string message)
    {
        var (catalog, diagnostics) = Run(Postgres + change);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnDependsOnColumn, 2), (refusal.Code, refusal.Line));
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("a", Columns(catalog, Pg("t")));
    }

    [Fact]
    public void Postgres_CascadeDropsTheGeneratedColumn_AndRenamesAreFollowed()
    {
        var catalog = Clean(Postgres + """
            ALTER TABLE t ALTER COLUMN b TYPE bigint;
            ALTER TABLE t DROP COLUMN b, DROP COLUMN id;
            ALTER TABLE t ADD COLUMN b int GENERATED ALWAYS AS (a + id2) STORED, ADD COLUMN id2 int;
            ALTER TABLE t RENAME COLUMN a TO a2;
            ALTER TABLE t DROP COLUMN a2 CASCADE;
            """);
        Assert.Equal(["c", "Label", "id2"], Columns(catalog, Pg("t")));
        var (_, diagnostics) = Run(Postgres + "ALTER TABLE t RENAME COLUMN a TO a2;\nALTER TABLE t DROP COLUMN a2;");
        Assert.Equal((DiagnosticCodes.GeneratedColumnDependsOnColumn, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE t DROP COLUMN a;", "MariaDB refuses to drop column a of t: generated column b uses it (error 1054")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE t DROP COLUMN b, DROP COLUMN a;", "generated column c uses it")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE t DROP COLUMN a;", "MySQL 8 refuses to drop column a of t: generated column b uses it (error 3108")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE t RENAME COLUMN a TO a2;", "MySQL 8 refuses to rename column a of t")]
    [InlineData(SqlDialect.MySql, "ALTER TABLE t CHANGE a a2 bigint;", "MySQL 8 refuses to rename column a of t")]
    public void MySqlFamily_RefusesWhatAGeneratedColumnUses(SqlDialect dialect, string change, string message)
    {
        var (catalog, diagnostics) = Run(MySql + change, dialect);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnDependsOnColumn, 2), (refusal.Code, refusal.Line));
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("a", Columns(catalog, My("t")));
    }

    [Fact]
    public void MariaDb_FollowsRenames_AndDropsTheColumnWithEveryUser()
    {
        var catalog = Clean(MySql + """
            ALTER TABLE t MODIFY a bigint;
            ALTER TABLE t CHANGE a a3 int;
            ALTER TABLE t RENAME COLUMN a3 TO a4;
            ALTER TABLE t DROP COLUMN b, DROP COLUMN a4, DROP COLUMN c;
            """, SqlDialect.MariaDb);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }
}
