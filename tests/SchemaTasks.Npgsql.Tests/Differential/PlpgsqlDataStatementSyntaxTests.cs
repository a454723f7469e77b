using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DO blocks and PL/pgSQL routines whose INSERT, UPDATE or DELETE the server cannot parse: it
/// refuses each with 42601 as it compiles the body (a DO block when it starts, CREATE FUNCTION and
/// CREATE PROCEDURE with check_function_bodies on, an unchecked function at its first call), and
/// the engine reports each (ST2010) with the server's own message; and bodies the server runs,
/// which the engine must not refuse. The refused ones run through psql, as a migration tool sends
/// them.
/// </summary>
public sealed class PlpgsqlDataStatementSyntaxTests
{
    private const string Tables = "create table t(a int unique, b int, c text);\n";

    private static readonly string[] RefusedStatements =
    [
        "do $$ begin if false then update t set a = 1 b = 2; end if; end $$;",
        "do $$ begin update t set a = (1; end $$;",
        "do $$ begin update t set a = (1; update t set b = 2); end $$;",
        "do $$ begin update t set a = (1; perform (2); end $$;",
        "do $$ begin if true then update t set a = (1; end if; end $$;",
        "do $$ begin update t set a = 1 where a in (select 1; end $$;",
        "do $$ begin update t set a = 1); end $$;",
        "do $$ begin insert into t (a) values (1) (2); end $$;",
        "do $$ begin delete from t where a = 1 and; end $$;",
        "do $$ begin update t set a = 1 where a = 1 + ; end $$;",
        "do $$ begin begin update t set a = 1 +; exception when others then null; end; end $$;",
        "do $$ begin update t set a = 1; exception when syntax_error then update t set a = 1 b = 2; end $$;",
        "do $$ begin update t set c = 'a' 'b'; end $$;",
        "do $$ begin insert into t (a,) values (1); end $$;",
        "do $$ begin update t set a = 1, where a = 1; end $$;",
        "do 'begin update t set a = 1 b = 2; end';",
        "do $$ declare n int; begin for n in 1..3 loop update t set a = n n = 1; end loop; end $$;",
        "do $$ begin create table x1 (a int); update t set a = 1 2; end $$;",
        "do $$ begin case when true then update t set a = 1 b = 2; end case; end $$;",
        "do $$ begin insert into t (a) values (1) on conflict (a) do update set a = excluded.a b = 1; end $$;",
        "do $$ begin insert into t values; end $$;",
        "do $$ begin update t set; end $$;",
        "do $$\nbegin\n  update t set a = 1,\n    b = 2\n    c = 'x';\nend\n$$;",
        "create function f1() returns void language plpgsql as $$ begin if false then update t set a = 1 b = 2; end if; end $$;",
        "create or replace function f2() returns trigger as $$ begin update t set a = (1; return new; end $$ language plpgsql;",
        "create procedure p1() language plpgsql as $$ begin insert into t (a) values (1,); end $$;",
        "create function f3(x int) returns int language plpgsql as 'begin update t set a = x x = 1; return 1; end';",
        "create function f4() returns void as $$ begin delete from t where a = 1 2; end $$ language plpgsql;",
        "set check_function_bodies = off;\ncreate function f9() returns void language plpgsql as $$ begin alter table t add column d int; update t set d = 1 b = 2; end $$;\nselect f9();",
    ];

    private static readonly string[] AcceptedStatements =
    [
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
    ];

    [PostgresFact]
    public async Task EachBrokenBody_IsRefusedByTheServer_AndReportedWithItsMessage()
    {
        var disagreements = await PostgresSyntaxAgreement.RefusalDisagreementsAsync(Tables, RefusedStatements);

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [PostgresFact]
    public async Task EachBodyTheServerRuns_IsNotRefused()
    {
        var disagreements = await PostgresSyntaxAgreement.AcceptanceDisagreementsAsync(Tables, AcceptedStatements);

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
