using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// SELECT, WITH and MERGE statements with a syntax error in the parts the engine follows (a query's
/// WHERE, the statement after WITH's queries, MERGE's actions): the server refuses each with 42601,
/// and the engine reports each (ST2010) with the server's own message; and statements of those
/// kinds the server runs, which the engine must not refuse. The refused ones run through psql.
/// </summary>
public sealed class PostgresQuerySyntaxTests
{
    private const string Tables = "create table t(a int unique, b int, c text);\ncreate table u(a int, b int, c text);\n";

    private static readonly string[] RefusedStatements =
    [
        "select * from t where a = 1 2;",
        "select a from t where a = 1 b = 2;",
        "select a from t where a = 1 and;",
        "select a from t where a = 1 +;",
        "select a from t where;",
        "select a from t where (a = 1;",
        "select a from t where a = 1);",
        "select a from t where a = 1, b = 2;",
        "select a from t where a = 'x' 'y';",
        "select a from t where a in (1, 2) 3 order by a;",
        "select a from t where a = 1 + group by a;",
        "with x as (select 1) update t set a = 1 b = 2;",
        "with x as (select 1) update t set a = 1 where a = 1 2;",
        "with x as (select 1) insert into t (a) values (1) (2);",
        "with x as (select 1) insert into t (a,) values (1);",
        "with x as (select 1) delete from t where a = 1 and;",
        "with x as (select 1), y as (select 2) select * from x where 1 = 1 2;",
        "with recursive x(n) as (select 1 union all select n + 1 from x where n < 3) select * from x where n = 1 2;",
        "merge into t using u on t.a = u.a when matched then update set b = 1 c = 'x';",
        "merge into t using u on t.a = u.a when matched then update set b = 1, when not matched then insert (a) values (1);",
        "merge into t using u on t.a = u.a when not matched then insert (a b) values (1);",
        "merge into t using u on t.a = u.a when not matched then insert (a) values (1 2);",
        "merge into t using u on t.a = u.a when not matched then insert (a) values (1,);",
        "merge into t using u on t.a = u.a when matched then update set b =;",
        "merge into t using u on t.a = u.a when matched then update set b = 1 +;",
        "merge into t using u on t.a = u.a when matched then update set b = (1;",
        "merge into t using u on t.a = u.a when matched then update set b;",
        "merge into t using u on t.a = u.a when not matched then insert (a) values (1) when matched then update set b = 1 2;",
        "do $$ declare n int; begin select count(*) into n from t where a = 1 2; update t set a = 1; end $$;",
        "do $$ declare n int; begin with x as (select 1) update t set a = 1 b = 2; end $$;",
        "do $$ begin merge into t using u on t.a = u.a when matched then update set b = 1 c = 'x'; end $$;",
        "do $$ declare n int; begin select count(*) into n from t where a = 1 2; end $$;",
        "create function q1() returns int language plpgsql as $$ begin return (select count(*) from t); perform 1; select a from t where a = 1 b = 2; end $$;",
    ];

    private static readonly string[] AcceptedStatements =
    [
        "select a from t where a = 1 order by a;",
        "select a from t where a = 1 group by a having count(*) > 1;",
        "select a from t where a = 1 limit 1 offset 0;",
        "select a from t where a = 1 for update;",
        "select a from t where a = 1 union select 2 where true;",
        "select a from t where a = 1 except select 2;",
        "select a from t where a = 1 intersect select 2;",
        "select a from t where a = 1 fetch first 1 rows only;",
        "select a from t where a = 1 window w as (order by a);",
        "select count(*) filter (where a = 1) from t where b is null;",
        "select a b from t where a = 1;",
        "select a, b c from t as x where x.a between 1 and 2;",
        "select case when a = 1 then 2 end from t where case when a = 1 then true else false end;",
        "select a from t where exists (select 1 from t t2 where t2.a = t.a) and b = 1;",
        "select a from t where c = 'a'\n'b';",
        "select 1 where true;",
        "select a from t where a = any(array[1, 2]) order by 1 desc;",
        "select a into temp x1 from t where a = 1;",
        "with x as (update t set a = 1 returning a) select * from x;",
        "with x as (select 1) update t set a = 1, b = 2 where a in (select * from x);",
        "with x as (select 1) insert into t (a) select * from x;",
        "with x as materialized (select 1) delete from t where a = (select * from x);",
        "with x as (select 1) select * from x where true;",
        "merge into t using u on t.a = u.a when matched and t.b = 1 then update set b = u.b when not matched then insert (a, b) values (u.a, u.b);",
        "merge into t using u on t.a = u.a when matched then delete when not matched then do nothing;",
        "merge into t as x using (select 1 as a) s on x.a = s.a when matched then update set b = case when s.a = 1 then 2 else 3 end, c = 'x' when not matched then insert values (s.a, 1, 'y');",
        "merge into t using u on case when t.a = u.a then true end when matched then do nothing;",
        "merge into t using u on t.a = u.a when not matched then insert default values;",
        "merge into t using u on t.a = u.a when matched then update set (b, c) = (1, 'x');",
        "merge into t using u on t.a = u.a when not matched then insert (a) overriding user value values (1);",
        "do $$ declare n int; begin select a from t where a = 1 into n; update t set a = n; end $$;",
        "do $$ begin merge into t using u on t.a = u.a when matched then update set b = u.b when not matched then insert (a) values (u.a); end $$;",
    ];

    [PostgresFact]
    public async Task EachBrokenStatement_IsRefusedByTheServer_AndReportedWithItsMessage()
    {
        var disagreements = await PostgresSyntaxAgreement.RefusalDisagreementsAsync(Tables, RefusedStatements);

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [PostgresFact]
    public async Task EachStatementTheServerRuns_IsNotRefused()
    {
        var disagreements = await PostgresSyntaxAgreement.AcceptanceDisagreementsAsync(Tables, AcceptedStatements);

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
