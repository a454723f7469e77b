using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PL/pgSQL parses every SQL statement of a body before it runs any: a DO block whose INSERT,
/// UPDATE or DELETE the server cannot parse fails as a whole (42601), even when the statement sits
/// on a branch never taken or under a handler, and so does CREATE FUNCTION or CREATE PROCEDURE of
/// such a body while check_function_bodies is on. The engine reports each (ST2010) with the
/// server's message, and refuses nothing PostgreSQL runs. Each statement was run on PostgreSQL 15
/// (the differential test runs them again).
/// </summary>
public sealed class PlpgsqlDataStatementSyntaxTests
{
    private const string Tables = "create table t(a int unique, b int, c text);\n";

    public static TheoryData<string, string> Refused => new()
    {
        { "do $$ begin if false then update t set a = 1 b = 2; end if; end $$;", "syntax error at or near \"b\"" },
        { "do $$ begin update t set a = (1; end $$;", "unexpected end of function definition at end of input" },
        { "do $$ begin update t set a = (1; update t set b = 2); end $$;", "syntax error at or near \";\"" },
        { "do $$ begin update t set a = (1; perform (2); end $$;", "unexpected end of function definition at end of input" },
        { "do $$ begin if true then update t set a = (1; end if; end $$;", "unexpected end of function definition at end of input" },
        { "do $$ begin update t set a = 1 where a in (select 1; end $$;", "unexpected end of function definition at end of input" },
        { "do $$ begin update t set a = 1); end $$;", "syntax error at or near \")\"" },
        { "do $$ begin insert into t (a) values (1) (2); end $$;", "syntax error at or near \"(\"" },
        { "do $$ begin delete from t where a = 1 and; end $$;", "syntax error at end of input" },
        { "do $$ begin update t set a = 1 where a = 1 + ; end $$;", "syntax error at end of input" },
        { "do $$ begin begin update t set a = 1 +; exception when others then null; end; end $$;", "syntax error at end of input" },
        { "do $$ begin update t set a = 1; exception when syntax_error then update t set a = 1 b = 2; end $$;", "syntax error at or near \"b\"" },
        { "do $$ begin update t set c = 'a' 'b'; end $$;", "syntax error at or near \"'b'\"" },
        { "do $$ begin insert into t (a,) values (1); end $$;", "syntax error at or near \")\"" },
        { "do $$ begin update t set a = 1, where a = 1; end $$;", "syntax error at or near \"where\"" },
        { "do 'begin update t set a = 1 b = 2; end';", "syntax error at or near \"b\"" },
        { "do $$ declare n int; begin for n in 1..3 loop update t set a = n n = 1; end loop; end $$;", "syntax error at or near \"n\"" },
        { "do $$ begin create table x1 (a int); update t set a = 1 2; end $$;", "syntax error at or near \"2\"" },
        { "do $$ begin case when true then update t set a = 1 b = 2; end case; end $$;", "syntax error at or near \"b\"" },
        { "do $$ begin insert into t (a) values (1) on conflict (a) do update set a = excluded.a b = 1; end $$;", "syntax error at or near \"b\"" },
        { "do $$ begin insert into t values; end $$;", "syntax error at end of input" },
        { "do $$ begin update t set; end $$;", "syntax error at end of input" },
        { "do $$\nbegin\n  update t set a = 1,\n    b = 2\n    c = 'x';\nend\n$$;", "syntax error at or near \"c\"" },
        { "create function f1() returns void language plpgsql as $$ begin if false then update t set a = 1 b = 2; end if; end $$;", "syntax error at or near \"b\"" },
        { "create or replace function f2() returns trigger as $$ begin update t set a = (1; return new; end $$ language plpgsql;", "unexpected end of function definition at end of input" },
        { "create procedure p1() language plpgsql as $$ begin insert into t (a) values (1,); end $$;", "syntax error at or near \")\"" },
        { "create function f3(x int) returns int language plpgsql as 'begin update t set a = x x = 1; return 1; end';", "syntax error at or near \"x\"" },
        { "create function f4() returns void as $$ begin delete from t where a = 1 2; end $$ language plpgsql;", "syntax error at or near \"2\"" },
        { "set check_function_bodies = off;\ncreate function f9() returns void language plpgsql as $$ begin alter table t add column d int; update t set d = 1 b = 2; end $$;\nselect f9();", "syntax error at or near \"b\"" },
    };

    public static TheoryData<string> Accepted => new()
    {
        "do $$ declare x int; begin update t set a = 1 where a = 1 returning a into x; insert into t (a) values (1) returning a into x; end $$;",
        "do $$ begin update t set c = 'a'\n'b'; end $$;",
        "do $$ begin update t set a = (select 1); delete from t where (a) = 1; end $$;",
        "do $$ declare v int := 1; begin update t set a = v, b = v + 1 where c = 'x'; end $$;",
        "do $$ begin insert into t (a) values (1), (2); insert into t default values; end $$;",
        "do $$ begin update t set a = 1 where a = 1 and b = 2; exception when others then null; end $$;",
        "do $$ begin if exists (select 1 from t) then update t set a = 1; end if; end $$;",
        "do $$ begin update t set (a, b) = (1, 2); end $$;",
        "do $$ declare r record; begin for r in select * from t loop update t set a = r.a + 1 where b = r.b; end loop; end $$;",
        "do $$ begin insert into t (a) select 1; end $$;",
        "do $$ begin insert into t (a) values (1) on conflict (a) do update set b = excluded.b + 1; end $$;",
        "do $$ begin raise notice 'update t set a = 1 b = 2'; end $$;",
        "do $$ begin execute 'select 1'; update t set c = 'update t set a = 1 b'; end $$;",
        "create function f5(p int) returns void language plpgsql as $$ begin update t set a = p, b = $1 where a = p; end $$;",
        "create function f6() returns trigger language plpgsql as $$ begin new.a := 1; update t set a = new.a where b = old.b; return new; end $$;",
        "create procedure p2() language plpgsql as $$ begin delete from t where a in (1, 2); end $$;",
        "set check_function_bodies = off;\ncreate function f7() returns void language plpgsql as $$ begin update t set a = 1 b = 2; end $$;",
        "create function f8() returns void language sql as $$ update t set a = 1 $$;",
        "do $$ begin create rule r1 as on insert to t do also (update t set b = 1; delete from t where a = 0); end $$;",
        "do $$ begin create function f10() returns void language sql begin atomic update t set b = 1; delete from t where a = 0; end; update t set a = 1; end $$;",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void ABodyWithABrokenDataStatement_IsRefusedWhereTheServerRefusesIt(string statement, string serverMessage)
    {
        var refusal = Assert.Single(Run(Tables + statement).Diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, DiagnosticSeverity.Error), (refusal.Code, refusal.Severity));
        Assert.Contains($"(42601, {serverMessage})", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ABodyTheServerParses_IsNotRefused(string statement)
        => Assert.Empty(Run(Tables + statement).Diagnostics);

    [Fact]
    public void ABrokenStatementOnABranchNeverTaken_FailsTheWholeBlock_AtItsToken()
    {
        const string Block = "DO $$\nBEGIN\n  CREATE TABLE made_by_block (a int);\n  IF false THEN\n    UPDATE t SET a = 1\n      b = 2;\n  END IF;\nEND $$;\nCREATE TABLE after_it (a int);";

        var (catalog, diagnostics) = Run(Tables + Block);

        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 7, 7), (refusal.Code, refusal.Line, refusal.Column));
        Assert.StartsWith("PostgreSQL refuses this DO block (42601, syntax error at or near \"b\"): in the UPDATE at line 6, b follows 1 with nothing between them.", refusal.Message, StringComparison.Ordinal);
        Assert.False(catalog.Tables.ContainsKey(Pg("made_by_block")));
        Assert.True(catalog.Tables.ContainsKey(Pg("after_it")));
    }

    [Fact]
    public void ARoutineWithABrokenStatement_IsNotCreated_UnlessTheFileTurnsBodyChecksOff()
    {
        const string Create = "CREATE FUNCTION add_col() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  ALTER TABLE t ADD COLUMN d int;\n  UPDATE t SET d = 1 b = 2;\nEND $$;\nSELECT add_col();\n";

        var refused = Assert.Single(Run(Tables + Create).Diagnostics, d => d.Code == DiagnosticCodes.SyntaxError);
        Assert.Equal(5, refused.Line);
        Assert.StartsWith("PostgreSQL refuses this CREATE FUNCTION (42601, syntax error at or near \"b\"): in the UPDATE at line 5,", refused.Message, StringComparison.Ordinal);

        // Created unchecked, the function fails at its first call instead, and its ALTER TABLE never runs.
        var (catalog, diagnostics) = Run(Tables + "SET check_function_bodies = false;\n" + Create);
        var atCall = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 6), (atCall.Code, atCall.Line));
        Assert.StartsWith("PostgreSQL refuses this call of function add_col at m.sql(8,1) (42601, syntax error at or near \"b\")", atCall.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("d", catalog.Tables[Pg("t")].Columns.Select(c => c.Name));
    }
}
