using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Typed tables as PostgreSQL 15 keeps them: CREATE TABLE t OF type takes the composite's
/// attributes as its columns, ALTER TYPE ... ATTRIBUTE ... CASCADE changes them (2BP01 without
/// CASCADE), ALTER TABLE may not change them (42809), OF and NOT OF make a table typed or plain,
/// and DROP TYPE drops the typed tables only with CASCADE.
/// </summary>
public class PostgresTypedTableTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a', 'b');\nCREATE TYPE c AS (id int, name text, st e);\n";

    [Fact]
    public void ATypedTable_HasTheAttributesAsColumns_WithTheOptionsWritten()
    {
        var catalog = Clean(Setup + "CREATE TABLE t OF c (id WITH OPTIONS PRIMARY KEY, st DEFAULT 'a', CONSTRAINT k CHECK (id > 0));");
        var table = catalog.Tables[Pg("t")];
        Assert.Equal(["id", "name", "st"], table.Columns.Select(c => c.Name));
        Assert.Equal(["integer", "text", "e"], table.Columns.Select(c => c.Type));
        Assert.False(table.Columns[0].IsNullable);
        Assert.Equal(Pg("e"), table.Columns[2].TypeReference);
        Assert.Contains(table.Checks, k => k.Name == "k");

        // The same columns as the table written out in full.
        var written = Clean(Setup + "CREATE TABLE t (id int PRIMARY KEY, name text, st e DEFAULT 'a', CONSTRAINT k CHECK (id > 0));").Tables[Pg("t")];
        Assert.Equal(written.Columns.ToList(), table.Columns.ToList());
        Assert.Equal(written.Checks.Select(k => (k.Name, k.Expression)), table.Checks.Select(k => (k.Name, k.Expression)));
    }

    [Fact]
    public void AttributeChangesWithCascade_ReachTheTypedTables()
    {
        var catalog = Clean(Setup + """
            CREATE TABLE t OF c;
            ALTER TYPE c ADD ATTRIBUTE extra bigint CASCADE, DROP ATTRIBUTE name CASCADE;
            ALTER TYPE c ALTER ATTRIBUTE id TYPE bigint CASCADE;
            ALTER TYPE c RENAME ATTRIBUTE extra TO extra2 CASCADE;
            """);
        Assert.Equal(["id", "st", "extra2"], catalog.Tables[Pg("t")].Columns.Select(c => c.Name));
        Assert.Equal(["bigint", "e", "bigint"], catalog.Tables[Pg("t")].Columns.Select(c => c.Type));
    }

    [Fact]
    public void NotOf_ThenOf_MakesTheTablePlainAndTypedAgain()
    {
        var catalog = Clean(Setup + """
            CREATE TABLE t OF c;
            ALTER TABLE t NOT OF;
            ALTER TABLE t ADD COLUMN z int;
            ALTER TABLE t DROP COLUMN z;
            ALTER TABLE t OF c;
            ALTER TYPE c ADD ATTRIBUTE z int CASCADE;
            CREATE TABLE p (id int NOT NULL, name text, st e, z int);
            ALTER TABLE p OF c;
            """);
        Assert.Equal(["id", "name", "st", "z"], catalog.Tables[Pg("t")].Columns.Select(c => c.Name));
    }

    [Fact]
    public void DropTypeCascade_DropsTheTypedTables()
    {
        var catalog = Clean(Setup + "CREATE TABLE t OF c;\nCREATE TABLE keep (v int);\nDROP TYPE c CASCADE;");
        Assert.False(catalog.Tables.ContainsKey(Pg("t")));
        Assert.True(catalog.Tables.ContainsKey(Pg("keep")));
    }

    [Theory]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c ADD ATTRIBUTE z int;", "CompositeAttributeRefused", "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c ADD ATTRIBUTE z int CASCADE, DROP ATTRIBUTE name;", "CompositeAttributeRefused", "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c RENAME ATTRIBUTE name TO n RESTRICT;", "CompositeAttributeRefused", "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nDROP TYPE c;", "TypeInUse", "typed table t")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t ADD COLUMN z int;", "TypedTableRefused", "cannot add column to typed table")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t DROP COLUMN name;", "TypedTableRefused", "cannot drop column from typed table")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t RENAME COLUMN name TO n;", "TypedTableRefused", "cannot rename column of typed table")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t ALTER COLUMN id TYPE bigint;", "TypedTableRefused", "cannot alter column type of typed table")]
    [InlineData("CREATE TABLE t (id int);\nALTER TABLE t NOT OF;", "TypedTableRefused", "42809")]
    [InlineData("CREATE TABLE t (id int, name text, st e, more int);\nALTER TABLE t OF c;", "TypedTableRefused", "table has extra column \"more\"")]
    [InlineData("CREATE TABLE t (id int, name text);\nALTER TABLE t OF c;", "TypedTableRefused", "table is missing column \"st\"")]
    [InlineData("CREATE TABLE t (name text, id int, st e);\nALTER TABLE t OF c;", "TypedTableRefused", "table has column \"name\" where type requires \"id\"")]
    [InlineData("CREATE TABLE t (id bigint, name text, st e);\nALTER TABLE t OF c;", "TypedTableRefused", "different type for column \"id\"")]
    [InlineData("CREATE TABLE t (id int);\nALTER TABLE t OF e;", "TypedTableRefused", "42809")]
    [InlineData("CREATE TABLE t OF e;", "TypedTableRefused", "42809")]
    [InlineData("CREATE TABLE r (id int);\nCREATE TABLE t OF r;", "TypedTableRefused", "42809")]
    [InlineData("CREATE TABLE t OF nope;", "UnknownType", "42704")]
    [InlineData("CREATE TABLE t OF c (nope WITH OPTIONS NOT NULL);", "ColumnNotFound", "42703")]
    [InlineData("CREATE TABLE t OF c (id PRIMARY KEY, id NOT NULL);", "ColumnExists", "42701")]
    [InlineData("CREATE TABLE t OF c (st DEFAULT 'zz');", "DefaultNotOfColumnType", "22P02")]
    public void ARefusedStatement_IsReportedAtItsLine(string statements, string code, string inMessage)
    {
        var sql = Setup + statements;
        var (_, diagnostics) = Run(sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(typeof(DiagnosticCodes).GetField(code)!.GetValue(null), diagnostic.Code);
        Assert.Contains(inMessage, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(sql.Split('\n').Length, diagnostic.Line);
    }

    [Fact]
    public void ATypeKnownByNameOnly_GivesNoGuessedColumns()
    {
        var (catalog, diagnostics) = Run("CREATE TYPE r AS RANGE (subtype = int);\nCREATE TABLE t OF r;\nALTER TABLE t ADD COLUMN z int;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnsupportedStatement, diagnostic.Code);
        Assert.False(catalog.Tables.ContainsKey(Pg("t")));
    }
}
