using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// <see cref="RoutineOverloads.ExistsInAnySchema"/>, which CREATE TRIGGER asks of its function:
/// looked up in the default schema first, and in every other schema when it is not there.
/// </summary>
public sealed class RoutineOverloadsExistTests
{
    private static RoutineOverloads Defining(params string[] statements)
    {
        var overloads = new RoutineOverloads();
        foreach (var sql in statements)
        {
            var (tokens, _) = SqlLexer.Lex(sql, SqlDialect.Postgres);
            overloads.Define(sql, tokens, CreatedKind.Of(sql, tokens), IdentifierRules.For(SqlDialect.Postgres));
        }

        return overloads;
    }

    [Fact]
    public void A_function_in_the_default_schema_exists()
        => Assert.True(Defining("CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql").ExistsInAnySchema("touch", "public"));

    [Fact]
    public void A_function_in_another_schema_exists_too()
        => Assert.True(Defining("CREATE FUNCTION audit.touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql").ExistsInAnySchema("touch", "public"));

    [Fact]
    public void A_function_never_created_does_not()
        => Assert.False(Defining("CREATE FUNCTION audit.touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql").ExistsInAnySchema("stamp", "public"));
}
