using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's generated constraint names (a CHECK is named after the columns its expression
/// uses, not the column it is written in), the duplicate key specs one CREATE TABLE merges, and
/// the foreign keys a key dropped with CASCADE takes along (seen in flipt's, ente's and
/// supabase/auth's migrations). The differential tests prove the same against a real server.
/// </summary>
public class PostgresConstraintNamingTests
{
    private static CatalogTable Table(Catalog catalog, string name) => catalog.Tables.Single(t => t.Key.Name == name).Value;

    [Fact]
    public void ColumnCheckUsingAnotherColumn_IsTableNamed_SoALaterDropTakesTheRightOne()
    {
        var (catalog, diagnostics) = Run("create table t (s text check (s in ('a','b') or f), f boolean, check (s in ('a','b','c')));\nalter table t drop constraint t_s_check;");

        Assert.Empty(diagnostics);
        var check = Assert.Single(Table(catalog, "t").Checks);
        Assert.Equal("t_check", check.Name);
        Assert.False(check.IsValueSet);
    }

    [Theory]
    [InlineData("create table ck (a int, m text check (m in ('x','y') or n > 0), n int, check (a > n));", "ck_check,ck_check1")]
    [InlineData("create table ck (a int, check (a > 0 and b > 0), b int check (b > a), c int check (true), d int check (d > 0 and d < 9));", "ck_check,ck_check1,ck_check2,ck_d_check")]
    [InlineData("create table ck (a int, b int);\nalter table ck add check (a > b), add column c int check (c > a), add check (a > 0), add column d int check (true);", "ck_check,ck_check1,ck_check2,ck_a_check")]
    [InlineData("create table ck (a int);\nalter table ck add check (a > y), add column y int check (y > 0);", "ck_y_check,ck_check")]
    [InlineData("create domain ck as int check (value > 0) check (value < 10);", "")]
    public void UnnamedChecks_AreNamedAsPostgresNamesThem(string sql, string names)
    {
        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Equal(names, string.Join(",", catalog.Tables.Values.SelectMany(t => t.Checks).Select(c => c.Name)));
    }

    [Theory]
    [InlineData("create table a (k int primary key unique);", "a_pkey")]
    [InlineData("create table a (k int unique, primary key (k));", "a_pkey")]
    [InlineData("create table a (k int unique unique);", "a_k_key")]
    [InlineData("create table a (k int, unique (k), unique (k), unique (j), j int);", "a_j_key,a_k_key")]
    [InlineData("create table a (k int unique, constraint named_u unique (k));", "named_u")]
    [InlineData("create table a (k int primary key, constraint a_named unique (k));", "a_named")]
    [InlineData("create table a (k int, j int, unique (k), unique (k) deferrable, unique nulls not distinct (k), unique (k) include (j));", "a_k_j_key,a_k_key,a_k_key1,a_k_key2")]
    [InlineData("create table a (k int primary key unique deferrable);", "a_k_key,a_pkey")]
    [InlineData("create table a (k int);\nalter table a add unique (k), add unique (k), add column m int unique unique;", "a_k_key,a_k_key1,a_m_key")]
    public void DuplicateKeySpecs_AreMergedWithinOneCreateTable(string sql, string names)
    {
        var (catalog, diagnostics) = Run(sql);

        Assert.Empty(diagnostics);
        Assert.Equal(names, string.Join(",", Table(catalog, "a").OtherConstraints));
    }

    [Fact]
    public void AMergedDuplicate_LeavesItsNameFree()
    {
        var (_, diagnostics) = Run("create table a (k int primary key unique);\nalter table a add constraint a_k_key unique (k);");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void DropKeyCascade_DropsTheForeignKeysThatUseIt_InAnyTable()
    {
        var (catalog, diagnostics) = Run("""
            create table p (k int primary key, u int unique);
            create table c (x int primary key, k int references p, u int references p (u), parent int references c (x));
            alter table p drop constraint p_pkey cascade;
            alter table p add primary key (k);
            alter table c add constraint c_k_fkey foreign key (k) references p (k);
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("c_k_fkey,c_parent_fkey,c_pkey,c_u_fkey", string.Join(",", Table(catalog, "c").OtherConstraints));
    }

    [Fact]
    public void DropIndexCascade_FollowsRenamedTablesAndColumns()
    {
        var (catalog, diagnostics) = Run("""
            create table u (k int);
            create unique index u_k on u (k);
            create table v (k int references u (k));
            alter table u rename to u2;
            alter table u2 rename column k to k2;
            drop index u_k cascade;
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(Table(catalog, "v").OtherConstraints);
    }

    [Fact]
    public void DropKeyCascade_WhenAnotherKeyHasTheSameColumns_IsReportedAtTheStatement()
    {
        var sql = "create table p (k int primary key);\ncreate unique index p_k on p (k);\ncreate table c (k int references p (k));\nalter table p drop constraint p_pkey cascade;";

        var (catalog, diagnostics) = Run(sql);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 4, 15), (error.Code, error.Line, error.Column));
        Assert.Contains("c_k_fkey", error.Message, StringComparison.Ordinal);
        Assert.Equal(["c_k_fkey"], Table(catalog, "c").OtherConstraints);
    }
}
