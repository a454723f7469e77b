using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The default of a column whose type is a domain, spelled as PostgreSQL 15's pg_get_expr shows
/// it: the constant of the domain's base type keeps that type's cast (the column's own type is
/// the domain), numbers and booleans stay bare.
/// </summary>
public class DomainColumnDefaultTests
{
    private const string Setup = """
        CREATE TYPE r AS ENUM ('a', 'b');
        CREATE SCHEMA s;
        CREATE TYPE s."Mood" AS ENUM ('ok', 'sad');
        CREATE DOMAIN dr AS r;
        CREATE DOMAIN ddr AS dr;
        CREATE DOMAIN dm AS s."Mood";
        CREATE DOMAIN dra AS r[];
        CREATE DOMAIN dvc AS varchar(5);
        CREATE DOMAIN dint AS int;
        CREATE DOMAIN dbool AS boolean;
        CREATE DOMAIN dj AS jsonb;

        """;

    [Theory]
    [InlineData("dr", "'b'", "'b'::r")]
    [InlineData("dr", "'b'::r", "'b'::r")]
    [InlineData("dr", "CAST('b' AS r)", "'b'::r")]
    [InlineData("ddr", "'b'", "'b'::r")]
    [InlineData("dm", "'sad'", "'sad'::s.\"Mood\"")]
    [InlineData("dra", "'{a,b}'", "'{a,b}'::r[]")]
    [InlineData("dvc", "'x'", "'x'::character varying")]
    [InlineData("dj", "'{\"b\":1,\"a\":2}'", "'{\"a\": 2, \"b\": 1}'::jsonb")]
    [InlineData("dint", "'7'", "7")]
    [InlineData("dbool", "'false'", "false")]
    [InlineData("r", "'b'", "'b'")]
    public void DefaultOfADomainColumn_KeepsTheBaseTypesCast(string type, string written, string stored)
    {
        var created = Clean(Setup + $"CREATE TABLE t (c {type} DEFAULT {written});");
        Assert.Equal(stored, created.FindTable(Pg("t"))!.FindColumn("c", SqlDialect.Postgres)!.Default);
        var altered = Clean(Setup + $"CREATE TABLE t (c {type});\nALTER TABLE t ALTER COLUMN c SET DEFAULT {written};");
        Assert.Equal(stored, altered.FindTable(Pg("t"))!.FindColumn("c", SqlDialect.Postgres)!.Default);
    }

    [Fact]
    public void RenameValue_RenamesTheLabelInADomainColumnsDefault()
    {
        var catalog = Clean(Setup + "CREATE TABLE t (c dr DEFAULT 'b', d ddr DEFAULT 'a');\nALTER TYPE r RENAME VALUE 'b' TO 'b2';");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal("'b2'::r", table.FindColumn("c", SqlDialect.Postgres)!.Default);
        Assert.Equal("'a'::r", table.FindColumn("d", SqlDialect.Postgres)!.Default);
    }

    [Fact]
    public void RenameAndSetSchema_OfTheEnum_RenameItInADomainColumnsDefault()
    {
        var catalog = Clean(Setup + "CREATE TABLE t (c dr DEFAULT 'b', d dra DEFAULT '{a}', e dvc DEFAULT 'x');\nALTER TYPE r RENAME TO \"R2\";");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal(("'b'::\"R2\"", "'{a}'::\"R2\"[]", "'x'::character varying"), (table.FindColumn("c", SqlDialect.Postgres)!.Default, table.FindColumn("d", SqlDialect.Postgres)!.Default, table.FindColumn("e", SqlDialect.Postgres)!.Default));
        Assert.Equal("\"R2\"[]", catalog.Domains[Pg("dra")].BaseType);
        table = Clean(Setup + "CREATE TABLE t (c dr DEFAULT 'b');\nALTER TYPE r SET SCHEMA s;").FindTable(Pg("t"))!;
        Assert.Equal("'b'::s.r", table.FindColumn("c", SqlDialect.Postgres)!.Default);
    }
}
