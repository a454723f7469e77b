using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Defaults and CHECKs that depend on a type: a type change keeps the old type's cast on the
/// default, DROP TYPE without CASCADE is refused while they exist, and CASCADE drops them.
/// </summary>
public class TypeDependentDefaultsTests
{
    private static CatalogColumn Column(Catalog catalog, string table, string column)
        => catalog.FindTable(Pg(table))!.FindColumn(column, SqlDialect.Postgres)!;

    [Fact]
    public void TypeChange_KeepsTheOldTypesCast_UnlessTheBaseTypeStays()
    {
        var catalog = Clean("""
            CREATE TYPE cur AS ENUM ('USD');
            CREATE TABLE t (a cur DEFAULT 'USD', b varchar(5) DEFAULT 'x', c character(3) DEFAULT 'ab', d varchar(5) DEFAULT 'x', e int DEFAULT 0, f text DEFAULT now()::text);
            ALTER TABLE t ALTER a TYPE text, ALTER b TYPE text, ALTER c TYPE text, ALTER d TYPE varchar(10), ALTER e TYPE bigint, ALTER f TYPE varchar;
            """);
        Assert.Equal("'USD'::cur", Column(catalog, "t", "a").Default);
        Assert.Equal("'x'::character varying", Column(catalog, "t", "b").Default);
        Assert.Equal("'ab'::bpchar", Column(catalog, "t", "c").Default);
        Assert.Equal("'x'", Column(catalog, "t", "d").Default);
        Assert.Equal("0", Column(catalog, "t", "e").Default);
        Assert.Equal("now()::text", Column(catalog, "t", "f").Default);
    }

    [Fact]
    public void DropTypeCascade_DropsTheDefaultOfAColumnConvertedFromIt()
    {
        // Seen in ghostfolio's Prisma history: the currency column changes from an enum to text.
        var catalog = Clean("""
            CREATE TYPE cur AS ENUM ('USD');
            CREATE TABLE acct (currency cur NOT NULL DEFAULT 'USD', other text DEFAULT 'USD');
            ALTER TABLE acct ALTER COLUMN currency TYPE text;
            DROP TYPE cur CASCADE;
            """);
        Assert.Null(Column(catalog, "acct", "currency").Default);
        Assert.Equal("'USD'", Column(catalog, "acct", "other").Default);
    }

    [Fact]
    public void DropTypeCascade_DropsCastingDefaultsAndChecks_AndDomainsWhoseDefaultCasts()
    {
        var catalog = Clean("""
            CREATE SCHEMA m;
            CREATE TYPE m."Cur" AS ENUM ('USD', 'EUR');
            CREATE DOMAIN code AS text DEFAULT 'USD'::m."Cur";
            CREATE DOMAIN named AS text CONSTRAINT named_check CHECK (VALUE <> 'EUR'::m."Cur"::text);
            CREATE TABLE t (a text[] DEFAULT '{USD}'::m."Cur"[], b text DEFAULT CAST('EUR' AS m."Cur"), c code, d named,
              CONSTRAINT t_b_check CHECK (b <> 'EUR'::m."Cur"::text), CONSTRAINT t_b_text CHECK (b <> 'cur'));
            DROP TYPE m."Cur" CASCADE;
            """);
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal(["a", "b", "d"], table.Columns.Select(c => c.Name));
        Assert.All(table.Columns, c => Assert.Null(c.Default));
        Assert.Equal("t_b_text", Assert.Single(table.Checks).Name);
        Assert.Null(catalog.FindDomain(Pg("code")));
        Assert.Empty(catalog.FindDomain(Pg("named"))!.Checks);
    }

    [Fact]
    public void DropTypeWithoutCascade_IsRefused_WhenOnlyADefaultUsesIt()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TYPE cur AS ENUM ('USD');
            CREATE TABLE acct (currency text DEFAULT 'USD'::cur);
            DROP TYPE cur;
            """);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TypeInUse, error.Code);
        Assert.Contains("default of column acct.currency", error.Message, StringComparison.Ordinal);
        Assert.NotNull(catalog.FindEnumType(Pg("cur")));
    }

    [Fact]
    public void ANameInAStringOrAColumn_IsNoDependency()
    {
        Clean("""
            CREATE TYPE cur AS ENUM ('USD');
            CREATE TABLE acct (cur text DEFAULT '::cur', n text DEFAULT 'x'::text, CHECK (cur <> 'cur'));
            DROP TYPE cur;
            """);
    }
}
