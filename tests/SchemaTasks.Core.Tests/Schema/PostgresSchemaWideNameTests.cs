using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL numbers a generated name that is taken anywhere in the table's schema (as found on
/// PostgreSQL 15): CHECKs and foreign keys among the schema's constraints, a key's index among its
/// relations and constraints, a serial sequence among its relations, a domain's CHECK among the
/// schema's constraints. The differential tests
/// prove the same against a real server.
/// </summary>
public class PostgresSchemaWideNameTests
{
    private static CatalogTable Table(Catalog catalog, string schema, string name) => catalog.Tables[new QualifiedName(schema, name)];

    private static string Names(CatalogTable table) => string.Join(",", table.Checks.Select(c => c.Name).Concat(table.OtherConstraints).Order(StringComparer.Ordinal));

    private const string Recreate = "create table t (id serial primary key, a int check (a > 0), u int unique, p int references t);\n";

    [Fact]
    public void A_table_created_again_beside_its_renamed_predecessor_numbers_every_generated_name()
    {
        var catalog = Clean(Recreate + "alter table t rename to t_old;\n" + Recreate);

        Assert.Equal("t_a_check,t_p_fkey,t_pkey,t_u_key", Names(Table(catalog, "public", "t_old")));
        Assert.Equal("t_a_check1,t_p_fkey1,t_pkey1,t_u_key1", Names(Table(catalog, "public", "t")));
        Assert.Equal("nextval('t_id_seq1'::regclass)", Table(catalog, "public", "t").Columns[0].Default);
    }

    [Fact]
    public void The_numbering_goes_on_with_2_then_reuses_a_freed_name()
    {
        var catalog = Clean(Recreate + "alter table t rename to t1;\n" + Recreate + "alter table t rename to t2;\n" + Recreate
            + "drop table t1;\nalter table t rename to t3;\n" + Recreate);

        Assert.Equal("t_a_check2,t_p_fkey2,t_pkey2,t_u_key2", Names(Table(catalog, "public", "t3")));
        Assert.Equal("nextval('t_id_seq2'::regclass)", Table(catalog, "public", "t3").Columns[0].Default);
        Assert.Equal("t_a_check,t_p_fkey,t_pkey,t_u_key", Names(Table(catalog, "public", "t")));
        Assert.Equal("nextval('t_id_seq'::regclass)", Table(catalog, "public", "t").Columns[0].Default);
    }

    [Fact]
    public void Names_in_other_schemas_do_not_clash()
    {
        var catalog = Clean("create schema other;\ncreate table other.t (id serial primary key, a int check (a > 0), u int unique, p int references other.t);\n" + Recreate);

        Assert.Equal("t_a_check,t_p_fkey,t_pkey,t_u_key", Names(Table(catalog, "public", "t")));
        Assert.Equal("nextval('t_id_seq'::regclass)", Table(catalog, "public", "t").Columns[0].Default);
        Assert.Equal("nextval('other.t_id_seq'::regclass)", Table(catalog, "other", "t").Columns[0].Default);
    }

    [Theory]
    [InlineData("create table a (x int, constraint b_pkey check (x > 0));\ncreate table b (id int primary key);", "b", "b_pkey1")]
    [InlineData("create table m_pkey (x int);\ncreate table m (id int primary key);", "m", "m_pkey1")]
    [InlineData("create table z (id serial);\nalter sequence z_id_seq rename to y_pkey;\ncreate table y (id int primary key);", "y", "y_pkey1")]
    [InlineData("create table o (b int);\ncreate unique index w_b_key on o (b);\ncreate table w (b int unique);", "w", "w_b_key1")]
    [InlineData("create table u (a int);\ncreate unique index u_a_key on u (a);\nalter table u add unique (a);", "u", "u_a_key1")]
    [InlineData("create table t_a_check (x int);\ncreate table t (a int check (a > 0));", "t", "t_a_check")]
    [InlineData("create table o (x int primary key);\ncreate unique index h_x_check on o (x);\ncreate table h (x int check (x > 0));", "h", "h_x_check")]
    [InlineData("create table g0 (x int constraint g_x_check unique);\ncreate table g (x int check (x > 0));", "g", "g_x_check1")]
    [InlineData("create table p (x int primary key);\ncreate table f0 (x int constraint f_x_fkey check (x > 0));\ncreate table f (x int references p);", "f", "f_x_fkey1")]
    [InlineData("create domain dm_x as int check (value > 0);\ncreate table dm (x int check (x > 0));", "dm", "dm_x_check1")]
    public void Each_kind_is_numbered_only_on_a_clash_where_the_server_looks(string sql, string table, string names)
    {
        Assert.Equal(names, Names(Table(Clean(sql), "public", table)));
    }

    [Fact]
    public void A_domain_check_is_numbered_on_a_clash_with_any_constraint_of_the_schema()
    {
        var catalog = Clean("create domain dm as int check (value > 0);\nalter domain dm rename to dm_old;\ncreate domain dm as int check (value > 0) check (value < 9);\n"
            + "create table x (a int, b int, constraint dn_check check (a > b));\ncreate domain dn as int check (value > 0);\nalter domain dn add check (value < 9);");

        Assert.Equal("dm_check1,dm_check2", string.Join(",", catalog.Domains[Pg("dm")].Checks.Select(c => c.Name)));
        Assert.Equal("dn_check1,dn_check2", string.Join(",", catalog.Domains[Pg("dn")].Checks.Select(c => c.Name)));
    }

    [Theory]
    [InlineData("create table v_id_seq (x int);\ncreate table v (id serial);", "v", "nextval('v_id_seq1'::regclass)")]
    [InlineData("create table w0 (x int constraint w_id_seq check (x > 0));\ncreate table w (id serial);", "w", "nextval('w_id_seq'::regclass)")]
    [InlineData("create table s (id serial);\nalter table s rename to s_old;\ncreate table s (x int);\nalter table s add column id serial;", "s", "nextval('s_id_seq1'::regclass)")]
    [InlineData("create table o (x int);\ncreate unique index k_id_seq on o (x);\ncreate table k (id serial);", "k", "nextval('k_id_seq1'::regclass)")]
    public void A_serial_sequence_is_numbered_on_a_clash_among_relations(string sql, string table, string expected)
    {
        Assert.Equal(expected, Table(Clean(sql), "public", table).Columns.Single(c => c.Name == "id").Default);
    }
}
