using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// An enum column compared with ANY (ARRAY['a', 'b']) of untyped constants: PostgreSQL 15 types
/// the array as text[] (varchar[] when its constants are cast so) and refuses the statement (42883, operator does not exist: e = text), while
/// an array literal, IN, or a cast of the array reads the constants as the enum's labels.
/// </summary>
public class PostgresEnumTextArrayTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a', 'b');\nCREATE DOMAIN de AS e;\nCREATE TABLE t (s e, d de, n text, arr e[]);\n";

    [Theory]
    [InlineData("CREATE VIEW v AS SELECT * FROM t WHERE s = ANY (ARRAY['a', 'b']);", "e = text")]
    [InlineData("UPDATE t SET n = 'x' WHERE s = ANY (ARRAY['a']);", "e = text")]
    [InlineData("DELETE FROM t WHERE s <> ALL (ARRAY['a', NULL]);", "e <> text")]
    [InlineData("DELETE FROM t WHERE t.s = SOME (ARRAY['a', 'b']);", "e = text")]
    [InlineData("DELETE FROM t WHERE d = ANY (ARRAY['a']);", "e = text")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY (ARRAY['a', 'b']));", "e = text")]
    [InlineData("CREATE TABLE u (s e CHECK (s = ANY (ARRAY['a', 'b'])));", "e = text")]
    [InlineData("CREATE INDEX i ON t (n) WHERE s = ANY (ARRAY['a']);", "e = text")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])));", "e = text")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a'::character varying, 'b']);", "e = character varying")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b']::text[]);", "e = text")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b']::varchar[]);", "e = character varying")]
    public void AnEnumColumnComparedWithAnArrayOfUntypedConstants_IsRefused(string statement, string serverOperator)
    {
        var sql = Setup + statement;
        var (catalog, diagnostics) = Run(sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.EnumComparedWithTextArray, diagnostic.Code);
        Assert.Contains($"42883, operator does not exist: {serverOperator}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Line);
        Assert.DoesNotContain(catalog.Tables[Pg("t")].Checks, c => c.Name == "k");
        Assert.False(catalog.Tables.ContainsKey(Pg("u")));
        Assert.False(catalog.Relations.Named.ContainsKey(Pg("v")));
    }

    [Theory]
    [InlineData("DELETE FROM t WHERE s = ANY ('{a,b}');")]
    [InlineData("DELETE FROM t WHERE s IN ('a', 'b');")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b']::e[]);")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b'::e]);")]
    [InlineData("DELETE FROM t WHERE n = ANY (ARRAY['a', 'b']);")]
    [InlineData("DELETE FROM t WHERE s::text = ANY (ARRAY['a', 'b']);")]
    [InlineData("DELETE FROM t WHERE arr = ANY (ARRAY['{a}']);")]
    [InlineData("DELETE FROM t WHERE n = ANY (ARRAY['a'::text, 'b'::text]);")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY (ARRAY['a', 'b']::e[]));")]
    public void WhatTheServerReadsAsTheEnum_IsTaken(string statement)
    {
        Clean(Setup + statement);
    }

    [Theory]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['x', 'b'::e]);")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a'::e, NULL, 'x']);")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['x', 'b'::public.e]);")]
    [InlineData("DELETE FROM t WHERE d = ANY (ARRAY['x', 'b'::de]);")]
    public void AnUntypedConstantBesideOneCastToTheEnum_IsReadAsItsLabel(string statement)
    {
        var diagnostic = Assert.Single(Run(Setup + statement).Diagnostics);
        Assert.Equal(DiagnosticCodes.EnumLabelUnknown, diagnostic.Code);
        Assert.Contains("22P02, invalid input value for enum e: \"x\"", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM t WHERE n = ANY (ARRAY['x', 'b'::text]);")]
    [InlineData("DELETE FROM t WHERE s::text = ANY (ARRAY['x', upper('b')]);")]
    public void AnArrayWhoseTypeIsNotTheEnums_ReadsNoLabel(string statement)
    {
        Clean(Setup + statement);
    }

    [Fact]
    public void TheCheckWritten_WithACast_EntersTheCatalog()
    {
        var catalog = Clean(Setup + "ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY (ARRAY['a']::e[]));");
        Assert.Contains(catalog.Tables[Pg("t")].Checks, c => c.Name == "k");
    }
}
