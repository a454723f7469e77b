using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// RENAME INDEX of the index a MySQL or MariaDB foreign key holds renames the index, never the
/// foreign key, even when the two share a name (checked on MariaDB 10.11 by the Differential tests).
/// </summary>
public class MySqlForeignKeyIndexRenameTests
{
    private const string Tables = """
        CREATE TABLE p (id bigint PRIMARY KEY);
        CREATE TABLE c (id bigint PRIMARY KEY, p_id bigint, q_id bigint, KEY kq (q_id), CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id));
        CREATE TABLE d (id bigint PRIMARY KEY, p_id bigint, FOREIGN KEY (p_id) REFERENCES p (id));

        """;

    private static string Constraints(Catalog catalog, string table)
        => string.Join(",", catalog.FindTable(My(table))!.OtherConstraints.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void TheForeignKeyKeepsItsName_AndCanBeMadeAgainUnderTheIndexName(SqlDialect dialect)
    {
        var renamed = Clean(Tables + "ALTER TABLE c RENAME INDEX fk_c_p TO fk_c_parent;", dialect);
        Assert.Equal("PRIMARY,fk_c_p", Constraints(renamed, "c"));

        var again = Clean(Tables + "ALTER TABLE c RENAME INDEX fk_c_p TO fk_c_parent;\nALTER TABLE c DROP FOREIGN KEY fk_c_p, ADD CONSTRAINT fk_c_parent FOREIGN KEY (p_id) REFERENCES p (id);", dialect);
        Assert.Equal("PRIMARY,fk_c_parent", Constraints(again, "c"));
    }

    [Theory]
    [InlineData("ALTER TABLE c RENAME INDEX fk_c_p TO k_p;\nALTER TABLE c DROP INDEX k_p;", DiagnosticCodes.KeyNeededByForeignKey)]
    [InlineData("ALTER TABLE d RENAME INDEX p_id TO k_p;\nALTER TABLE d DROP INDEX k_p;", DiagnosticCodes.KeyNeededByForeignKey)]
    [InlineData("ALTER TABLE c RENAME INDEX fk_c_p TO kq;", DiagnosticCodes.ConstraintExists)]
    [InlineData("ALTER TABLE c RENAME INDEX kq TO fk_c_p;", DiagnosticCodes.ConstraintExists)]
    public void TheRenamedIndex_IsStillTheForeignKeys(string sql, string code)
    {
        var (_, diagnostics) = Run(Tables + sql, SqlDialect.MariaDb);
        Assert.Equal([(code, sql.Split('\n').Length + 3)], diagnostics.Select(d => (d.Code, d.Line)));
    }

    [Fact]
    public void AMadeIndex_RenamedAndBack_IsKnownUnderEachName()
        => Clean(Tables + "ALTER TABLE d RENAME INDEX p_id TO k_p;\nALTER TABLE d RENAME INDEX k_p TO p_id;\nALTER TABLE d RENAME INDEX p_id TO p_id;", SqlDialect.MariaDb);
}
