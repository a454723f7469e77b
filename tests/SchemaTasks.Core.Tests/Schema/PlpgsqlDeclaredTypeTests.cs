using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL resolves the types a PL/pgSQL routine's DECLARE sections name when it creates the
/// routine (check_function_bodies is on by default) and refuses CREATE FUNCTION when one does
/// not exist (42704). Seen in thingsboard/thingsboard's schema-functions.sql, which declares a
/// variable of a view's row type. Types that exist, row types of tables and views, and what the
/// declaration does not name as a type (%TYPE, RECORD, ALIAS, CURSOR) pass.
/// </summary>
public class PlpgsqlDeclaredTypeTests
{
    private const string Setup = """
        CREATE TABLE t (id int);
        CREATE TYPE mood AS ENUM ('a', 'b');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TYPE pair AS (a int, b int);
        CREATE VIEW v AS SELECT id FROM t;

        """;

    private static string Function(string declarations) => $$"""
        CREATE FUNCTION f(p int) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
        {{declarations}}
        BEGIN
        END $$;
        """;

    [Theory]
    [InlineData("r no_such_type;", 8)]
    [InlineData("a int;\n  r no_such_type := NULL;", 9)]
    [InlineData("r public.no_such_type[];", 8)]
    [InlineData("r CONSTANT no_such_type NOT NULL DEFAULT 1;", 8)]
    public void A_declared_type_that_does_not_exist_is_refused(string declarations, int line)
    {
        var (_, diagnostics) = Run(Setup + Function(declarations) + "\nCREATE TABLE u (id int);");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownType, DiagnosticSeverity.Error, line), (error.Code, error.Severity, error.Line));
    }

    [Fact]
    public void A_nested_block_declaration_is_checked_too()
    {
        var (_, diagnostics) = Run(Setup + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DECLARE r missing_t; BEGIN NULL; END;
            END $$;
            """);
        Assert.Equal(DiagnosticCodes.UnknownType, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("a int; b varchar(10) := 'x'; c text[]; d timestamptz DEFAULT now(); e refcursor; g jsonb;")]
    [InlineData("r t; s public.t; u v; w mood; x posint; y pair; z mood[];")]
    [InlineData("r record; s t.id%TYPE; u t%ROWTYPE; a ALIAS FOR $1; c CURSOR FOR SELECT 1; d NO SCROLL CURSOR FOR SELECT 1;")]
    [InlineData("x text COLLATE \"C\"; y \"varchar\";")]
    public void Declared_types_that_exist_pass(string declarations)
        => Clean(Setup + Function(declarations));

    [Fact]
    public void A_file_that_turns_check_function_bodies_off_is_not_checked()
        => Clean("SET check_function_bodies = false;\n" + Function("r no_such_type;"));

    [Fact]
    public void A_routine_with_its_own_search_path_is_not_checked()
        => Clean("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql SET search_path = other AS $$\nDECLARE r other_type;\nBEGIN\nEND $$;");

    [Fact]
    public void Other_languages_are_not_checked()
        => Clean("CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $$ SELECT 'DECLARE r no_such_type; BEGIN END' $$;");
}
