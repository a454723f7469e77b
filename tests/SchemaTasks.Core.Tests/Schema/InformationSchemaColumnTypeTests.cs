using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Filters on the type columns of information_schema.columns: decided with the text PostgreSQL 15
/// shows (checked on the server), undecided for types not mapped.
/// </summary>
public class InformationSchemaColumnTypeTests
{
    private static bool Matches(string type, string filter, string before = "")
    {
        var (catalog, diagnostics) = Run(before + $"CREATE TABLE t (c {type});\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c' AND {filter}) THEN ALTER TABLE t ADD COLUMN added int; END IF; END $$;");
        Assert.Empty(diagnostics);
        return catalog.FindTable(Pg("t"))!.FindColumn("added", SqlDialect.Postgres) is not null;
    }

    [Theory]
    [InlineData("varchar(10)", "data_type = 'character varying'")]
    [InlineData("varchar(10)", "udt_name = 'varchar'")]
    [InlineData("varchar(10)", "character_maximum_length = 10")]
    [InlineData("varchar(10)", "character_maximum_length <> 11")]
    [InlineData("int", "data_type = 'integer'")]
    [InlineData("int4", "udt_name = 'int4'")]
    [InlineData("bigint", "data_type = 'bigint'")]
    [InlineData("bool", "data_type = 'boolean'")]
    [InlineData("text", "data_type = 'text'")]
    [InlineData("timestamp(3)", "data_type = 'timestamp without time zone'")]
    [InlineData("timestamptz", "data_type = 'timestamp with time zone'")]
    [InlineData("jsonb", "data_type = 'jsonb'")]
    [InlineData("char(3)", "data_type = 'character' AND character_maximum_length = 3")]
    [InlineData("numeric(10,2)", "data_type = 'numeric'")]
    [InlineData("int[]", "data_type = 'ARRAY' AND udt_name = '_int4'")]
    [InlineData("varchar(1000)", "NOT data_type = 'varchar(1000)'")]
    public void The_server_text_matches(string type, string filter) => Assert.True(Matches(type, filter));

    [Theory]
    [InlineData("text", "character_maximum_length != 5")] // NULL compared is NULL: no row.
    [InlineData("varchar(10)", "data_type = 'varchar'")]
    [InlineData("varchar(10)", "NOT character_maximum_length = 10")]
    [InlineData("int", "data_type <> 'integer'")]
    public void Other_text_does_not_match(string type, string filter) => Assert.False(Matches(type, filter));

    [Fact]
    public void An_enum_column_is_user_defined() => Assert.True(Matches("mood", "data_type = 'USER-DEFINED' AND udt_name = 'mood'", "CREATE TYPE mood AS ENUM ('a');\n"));

    [Theory]
    [InlineData("CREATE DOMAIN d AS int;\n", "d")] // The server shows the domain's base type.
    [InlineData("", "point")]
    public void A_type_not_mapped_leaves_the_test_undecided(string before, string type)
    {
        var (_, diagnostics) = Run(before + $"CREATE TABLE t (c {type});\nDO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND data_type = 'integer') THEN ALTER TABLE t ADD COLUMN added int; END IF; END $$;");

        var undecided = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UndecidableDoBlock, undecided.Code);
        Assert.Contains($"type of t.c ({type})", undecided.Message, StringComparison.Ordinal);
    }
}
