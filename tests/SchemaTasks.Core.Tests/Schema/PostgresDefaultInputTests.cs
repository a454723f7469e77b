using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL reads a string default with the input of the type it is given to (the column's, or
/// a cast's) when it takes the default, and refuses the statement when that input refuses it
/// (checked on PostgreSQL 15): integers (syntax, 22P02, and range, 22003), boolean, uuid and
/// numeric (syntax only: the typmod applies when a row is written). Types whose input is not
/// simple (date, real, ...) and expressions are not judged.
/// </summary>
public class PostgresDefaultInputTests
{
    [Theory]
    [InlineData("c text DEFAULT 'abc'::int", "22P02")]
    [InlineData("c text DEFAULT CAST('abc' AS integer)", "22P02")]
    [InlineData("c text DEFAULT 'x'::int::text", "22P02")]
    [InlineData("c int DEFAULT 'abc'::int", "22P02")]
    [InlineData("c int DEFAULT '99999999999'", "22003")]
    [InlineData("c smallint DEFAULT '40000'", "22003")]
    [InlineData("c int DEFAULT '-2147483649'", "22003")]
    [InlineData("c bigint DEFAULT '9223372036854775808'", "22003")]
    [InlineData("c int DEFAULT ''", "22P02")]
    [InlineData("c int DEFAULT '1e3'", "22P02")]
    [InlineData("c uuid DEFAULT 'x'", "22P02")]
    [InlineData("c uuid DEFAULT ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "22P02")]
    [InlineData("c uuid DEFAULT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "22P02")]
    [InlineData("c uuid DEFAULT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-'", "22P02")]
    [InlineData("c text DEFAULT 'abc'::uuid", "22P02")]
    [InlineData("c numeric DEFAULT 'abc'", "22P02")]
    [InlineData("c numeric(10,2) DEFAULT '1e'", "22P02")]
    [InlineData("c numeric DEFAULT '.'", "22P02")]
    [InlineData("c numeric DEFAULT ''", "22P02")]
    [InlineData("c boolean DEFAULT 'maybe'", "22P02")]
    [InlineData("c text DEFAULT 'maybe'::boolean", "22P02")]
    public void AStringTheTypesInputRefuses_IsReported(string column, string sqlState)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (id int, {column});");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultNotOfColumnType, diagnostic.Code);
        Assert.Contains("SQLSTATE " + sqlState, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("t")));
    }

    [Theory]
    [InlineData("c int DEFAULT 99999999999")] // A number: cast when a row is written.
    [InlineData("c int DEFAULT ' -2147483648 '")]
    [InlineData("c bigint DEFAULT '9223372036854775807'")]
    [InlineData("c int DEFAULT '0x1F'")] // PostgreSQL 16 reads it.
    [InlineData("c uuid DEFAULT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'")]
    [InlineData("c uuid DEFAULT 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'")]
    [InlineData("c uuid DEFAULT 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11'")]
    [InlineData("c numeric(3,1) DEFAULT '123.4'")] // The typmod applies to rows.
    [InlineData("c numeric DEFAULT ' -Infinity '")]
    [InlineData("c numeric DEFAULT 'nan'")]
    [InlineData("c numeric DEFAULT 'inf'")]
    [InlineData("c numeric DEFAULT '+.5e-3'")]
    [InlineData("c numeric DEFAULT '5.'")]
    [InlineData("c numeric DEFAULT '1_000'")] // PostgreSQL 16 reads it.
    [InlineData("c date DEFAULT 'notadate'")] // Refused, but only an ISO date is judged.
    [InlineData("c real DEFAULT 'abc'")] // Refused, but float input is not judged.
    [InlineData("c text DEFAULT ('abc')::int")] // Refused, but only a literal cast straight is judged.
    [InlineData("c varchar(3) DEFAULT 'abcd'")]
    public void AStringTheServerTakes_OrOneNotJudged_IsKept(string column)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (id int, {column});");
        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(Pg("t"))!.FindColumn("c", SqlDialect.Postgres)!.Default);
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN n SET DEFAULT '2147483648';")]
    [InlineData("ALTER TABLE t ADD COLUMN u uuid DEFAULT 'nope';")]
    [InlineData("CREATE DOMAIN du AS uuid DEFAULT 'nope';")]
    [InlineData("CREATE DOMAIN dn AS numeric;\nALTER DOMAIN dn SET DEFAULT 'abc';")]
    [InlineData("CREATE DOMAIN di AS int;\nCREATE TABLE t2 (x di DEFAULT '1.5');")]
    public void EveryPlaceADefaultIsWritten_IsJudged(string statement)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (n int);\n" + statement);
        Assert.Equal(DiagnosticCodes.DefaultNotOfColumnType, Assert.Single(diagnostics).Code);
    }
}
