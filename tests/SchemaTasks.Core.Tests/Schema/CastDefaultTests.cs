using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>A cast in a default or CHECK can name a type of several words, with modifiers and array brackets.</summary>
public class CastDefaultTests
{
    [Fact]
    public void CastToMultiWordType_InDefault_IsRead()
    {
        var table = Clean("""
            CREATE TABLE t (
              d character varying DEFAULT ''::character varying NOT NULL,
              e timestamp with time zone DEFAULT now()::timestamp with time zone,
              f double precision DEFAULT '0'::double precision,
              g bit varying(3) DEFAULT B'101'::bit varying(3),
              h time DEFAULT '00:00'::time without time zone,
              i text[] DEFAULT '{}'::character varying(20)[] COLLATE "C",
              j varchar(5) DEFAULT 'x'::character varying CHECK (j <> ''::character varying)
            );
            """).FindTable(Pg("t"))!;
        Assert.Equal("''", table.FindColumn("d", SqlDialect.Postgres)!.Default); // A cast to the column's own type is not kept, as the live read shows it.
        Assert.False(table.FindColumn("d", SqlDialect.Postgres)!.IsNullable);
        Assert.Equal("now()::timestamp with time zone", table.FindColumn("e", SqlDialect.Postgres)!.Default);
        Assert.Equal("'{}'::character varying(20)[]", table.FindColumn("i", SqlDialect.Postgres)!.Default);
        Assert.Equal("t_j_check", Assert.Single(table.Checks).Name);
    }

    [Fact]
    public void CastTypeWords_AreNotColumnsOfTheCheck()
    {
        // "varying" and "zone" are cast words, not columns: the unnamed CHECK uses only column a.
        var table = Clean("CREATE TABLE t (a text, varying int, zone int, CHECK (a <> ''::character varying AND a::timestamp with time zone > now()));").FindTable(Pg("t"))!;
        Assert.Equal("t_a_check", Assert.Single(table.Checks).Name);
    }
}
