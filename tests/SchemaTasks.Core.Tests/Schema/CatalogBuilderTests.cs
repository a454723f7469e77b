using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

public class CatalogBuilderTests
{
    [Fact]
    public void ServerTexts_NormaliseLikeMigrationTexts()
    {
        var migrations = Clean("""
            CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'DONE');
            CREATE TABLE bots (
              name VARCHAR(20) NOT NULL DEFAULT 'x',
              at TIMESTAMP(3),
              status "JobStatus"[],
              health_status text CHECK (health_status IN ('normal','potentially_stuck'))
            );
            """);

        var live = new CatalogBuilder(SqlDialect.Postgres)
            .AddSchema("public")
            .AddEnumType(Pg("JobStatus"), ["PENDING", "DONE"])
            .AddTable(Pg("bots"))
            .AddColumn(Pg("bots"), "name", "character varying(20)", false, "'x'")
            .AddColumn(Pg("bots"), "at", "timestamp(3) without time zone", true, null)
            .AddColumn(Pg("bots"), "status", "public.\"JobStatus\"[]", true, null)
            .AddColumn(Pg("bots"), "health_status", "text", true, null)
            .AddCheck(Pg("bots"), "bots_health_status_check", "CHECK ((health_status = ANY (ARRAY['normal'::text, 'potentially_stuck'::text])))")
            .Build();

        var expected = migrations.FindTable(Pg("bots"))!;
        var actual = live.FindTable(Pg("bots"))!;
        Assert.Equal(expected.Columns.ToArray(), actual.Columns.ToArray());
        // ImmutableArray compares by reference inside records, so compare the values as text.
        static string Show(CatalogCheck c) => $"{c.Name}|{c.Expression}|{c.Column}|{string.Join(",", c.Values)}";
        Assert.Equal(expected.Checks.Select(Show).ToArray(), actual.Checks.Select(Show).ToArray());
        Assert.Equal(Pg("JobStatus"), actual.Columns[2].TypeReference);
        Assert.Equal(migrations.GetAllowedValues("bots.health_status")!.Values.ToArray(), live.GetAllowedValues("bots.health_status")!.Values.ToArray());
    }

    [Fact]
    public void MySqlColumnType_GivesInlineValues()
    {
        var live = new CatalogBuilder(SqlDialect.MySql)
            .AddTable(My("t"))
            .AddColumn(My("t"), "kind", "enum('a','it''s')", true, null)
            .AddColumn(My("t"), "n", "int(11)", false, "0")
            .AddCheck(My("t"), "CONSTRAINT_1", "`kind` in (_utf8mb4'a',_utf8mb4'it''s')")
            .Build();

        var table = live.FindTable(My("t"))!;
        Assert.Equal(["a", "it's"], table.Columns[0].InlineValues!.Values.ToArray());
        Assert.Equal("int", table.Columns[1].Type);
        Assert.Equal("kind", table.Checks[0].Column);
    }

    [Fact]
    public void OpaqueCheck_KeepsNoValueSet()
    {
        var live = new CatalogBuilder(SqlDialect.Postgres).AddTable(Pg("t")).AddColumn(Pg("t"), "n", "integer", true, null)
            .AddCheck(Pg("t"), "t_n_check", "CHECK ((n > 0))").Build();

        Assert.False(live.FindTable(Pg("t"))!.Checks[0].IsValueSet);
    }

    [Fact]
    public void InvalidTexts_AreArgumentErrors()
    {
        var builder = new CatalogBuilder(SqlDialect.Postgres).AddTable(Pg("t"));
        Assert.Throws<ArgumentException>(() => builder.AddColumn(Pg("t"), "a", "varchar(", true, null));
        Assert.Throws<ArgumentException>(() => builder.AddColumn(Pg("missing"), "a", "text", true, null));
        Assert.Throws<ArgumentException>(() => builder.AddCheck(Pg("t"), "c", "CHECK ("));
    }
}

public class DifferentialFindingsTests
{
    [Theory]
    [InlineData("int", "(7)", "7")]
    [InlineData("timestamptz", "((now()))", "now()")]
    [InlineData("int", "(1) + (2)", "(1) + (2)")]
    public void DefaultInParentheses_IsStoredWithout(string type, string written, string stored)
    {
        var catalog = Clean($"CREATE TABLE t (a {type} DEFAULT {written});");
        Assert.Equal(stored, catalog.FindTable(Pg("t"))!.Columns[0].Default);
    }

    [Fact]
    public void UnnamedCheckOnOneColumn_IsNamedAfterIt()
    {
        var catalog = Clean("CREATE TABLE t (a int, b int, CHECK (a > 0), CHECK (a < b), CHECK (now() IS NOT NULL));");
        Assert.Equal(["t_a_check", "t_check", "t_check1"], catalog.FindTable(Pg("t"))!.Checks.Select(c => c.Name).ToArray());
    }
}

public class MySqlDifferentialFindingsTests
{
    [Theory]
    [InlineData("float(10)", "float")]
    [InlineData("float(30)", "double")]
    [InlineData("float(7,2)", "float(7,2)")]
    [InlineData("year(4)", "year")]
    [InlineData("YEAR", "year")]
    public void TypesReadAsCOLUMN_TYPEShowsThem(string written, string stored)
    {
        var catalog = Clean($"CREATE TABLE t (a {written});", SqlDialect.MySql);
        Assert.Equal(stored, catalog.FindTable(My("t"))!.Columns[0].Type);
    }

    [Fact]
    public void CheckOnColumnInOtherCase_UsesDeclaredName()
    {
        var catalog = Clean("CREATE TABLE t (status varchar(9), CHECK (STATUS IN ('a','b')));", SqlDialect.MySql);
        var check = Assert.Single(catalog.FindTable(My("t"))!.Checks);
        Assert.Equal("status", check.Column);
        Assert.Equal("status IN ('a', 'b')", check.Expression);
    }
}

public class MySqlColumnPositionTests
{
    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN d int FIRST", "d,a,b,c")]
    [InlineData("ALTER TABLE t ADD d int AFTER a", "a,d,b,c")]
    [InlineData("ALTER TABLE t MODIFY c int FIRST", "c,a,b")]
    [InlineData("ALTER TABLE t CHANGE a z int AFTER c", "b,c,z")]
    [InlineData("ALTER TABLE t MODIFY COLUMN a bigint", "a,b,c")]
    public void FirstAndAfter_PlaceTheColumn(string alter, string order)
    {
        var catalog = Clean($"CREATE TABLE t (a int, b int, c int); {alter};", SqlDialect.MySql);
        Assert.Equal(order, string.Join(",", catalog.FindTable(My("t"))!.Columns.Select(c => c.Name)));
    }
}

public class PostgresKeyNameTests
{
    [Fact]
    public void UnnamedTableKeys_AreNamedAfterTheirColumns()
    {
        var catalog = Clean("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (a int, b int, UNIQUE (a, b), UNIQUE NULLS NOT DISTINCT (b), FOREIGN KEY (a) REFERENCES p (id));");
        Assert.Equal(["t_a_b_key", "t_a_fkey", "t_b_key"], catalog.FindTable(Pg("t"))!.OtherConstraints.ToArray());
    }
}

public class EnumRenameValueTests
{
    [Fact]
    public void RenameValue_FollowsIntoDefaultsAndChecks()
    {
        var catalog = Clean("""
            CREATE TYPE mood AS ENUM ('ok', 'sad');
            CREATE TABLE t (m mood DEFAULT 'sad' CHECK (m IN ('sad')));
            ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
            """);
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal("'blue'", table.Columns[0].Default);
        Assert.Equal(["blue"], table.Checks[0].Values.ToArray());
        Assert.Equal("m IN ('blue')", table.Checks[0].Expression);
    }
}

public class SerialSequenceMoveTests
{
    [Theory]
    [InlineData("ALTER SCHEMA s RENAME TO \"Big\"", "Big", "nextval('\"Big\".\"T_id_seq\"'::regclass)")]
    [InlineData("ALTER TABLE s.\"T\" SET SCHEMA public", "public", "nextval('\"T_id_seq\"'::regclass)")]
    public void SerialDefault_FollowsItsSequence(string move, string schema, string expected)
    {
        var catalog = Clean($"CREATE SCHEMA s; CREATE TABLE s.\"T\" (id serial); {move};");
        Assert.Equal(expected, catalog.FindTable(new QualifiedName(schema, "T"))!.Columns[0].Default);
    }
}
