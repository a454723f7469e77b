using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A CREATE statement's kind word is found once (<see cref="CreatedKind"/>) and each reader of
/// routines, views and triggers applies its own bound: every bound must give what a search within
/// it gives, or a reader would see a kind word its own search never reached.
/// </summary>
public sealed class CreatedKindTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id int)", SqlDialect.Postgres)]
    [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql", SqlDialect.Postgres)]
    [InlineData("CREATE OR REPLACE AGGREGATE a (int) (sfunc = f, stype = int)", SqlDialect.Postgres)]
    [InlineData("CREATE UNIQUE INDEX i ON t (a) WHERE kind = 'view'", SqlDialect.Postgres)]
    [InlineData("CREATE CONSTRAINT TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", SqlDialect.Postgres)]
    [InlineData("CREATE DEFINER = `u`@`localhost` PROCEDURE p() BEGIN END", SqlDialect.MySql)]
    [InlineData("CREATE OR REPLACE ALGORITHM = MERGE DEFINER = `u`@`h` SQL SECURITY INVOKER VIEW v AS SELECT 1", SqlDialect.MySql)]
    public void Each_bound_gives_what_a_search_within_it_gives(string sql, SqlDialect dialect)
    {
        var (tokens, _) = SqlLexer.Lex(sql, dialect);
        var created = CreatedKind.Of(sql, tokens);
        for (var within = 1; within <= 16; within++)
        {
            Assert.Equal(CreatedObjectName.KindAt(sql, tokens, within), created.Within(within));
        }
    }

    [Fact]
    public void A_kind_word_past_a_bound_is_not_seen_within_it()
    {
        const string sql = "CREATE OR REPLACE ALGORITHM = MERGE DEFINER = `u`@`h` SQL SECURITY INVOKER VIEW v AS SELECT 1";
        var (tokens, _) = SqlLexer.Lex(sql, SqlDialect.MySql);
        var created = CreatedKind.Of(sql, tokens);
        Assert.True(created.Index > 6);
        Assert.Equal(-1, created.Within(6));
        Assert.Equal(created.Index, created.Within(16));
    }
}
