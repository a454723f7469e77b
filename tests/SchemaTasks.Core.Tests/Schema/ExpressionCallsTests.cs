using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Schema;

public sealed class ExpressionCallsTests
{
    [Theory]
    [InlineData("now()", "now")]
    [InlineData("_Make_Id2()", "_Make_Id2")]
    [InlineData("now( )", null)]
    [InlineData("public.now()", null)]
    [InlineData("\"now\"()", null)]
    [InlineData("f(1)", null)]
    [InlineData("2f()", null)]
    [InlineData("()", null)]
    [InlineData("now", null)]
    [InlineData("a$b()", null)]
    public void SimpleCallName_OnlyForACallWithoutArgumentsOfAPlainName(string expression, string? name) =>
        Assert.Equal(name, ExpressionCalls.SimpleCallName(expression));

    [Theory]
    [InlineData("NOW()", "now")]
    [InlineData("gen_random_uuid()", "gen_random_uuid")]
    [InlineData("public.uuid_generate_v4()", "uuid_generate_v4")]
    [InlineData("coalesce(f(), \"G\"())", "coalesce,f,G")]
    [InlineData("'a'::varchar(10)", "")]
    public void CalledNames_TheSameWithOrWithoutTheShortcut(string expression, string names) =>
        Assert.Equal(names, string.Join(',', ExpressionCalls.CalledNames(expression, IdentifierRules.Postgres)));
}
