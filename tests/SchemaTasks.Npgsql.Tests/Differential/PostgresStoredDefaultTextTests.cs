using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Column defaults the server stores in its own text: each table is made by the engine and on
/// the server, and every column's default in the engine's catalog must be the server's
/// pg_get_expr, read as the live reader reads it (the cast to the column's own type dropped).
/// Intervals, bit strings, bytea and floating point constants are spelled out as the server shows
/// them; the other common types' defaults here were already.
/// </summary>
public sealed class PostgresStoredDefaultTextTests
{
    [PostgresTheory]
    [InlineData("intervals", """
        CREATE TABLE t (a interval DEFAULT '90 minutes', b interval DEFAULT '1 day 2 hours', c interval DEFAULT '2 weeks', d interval DEFAULT '1 year 3 mons',
          e interval DEFAULT 'P1DT2H', f interval DEFAULT '-1 hour', g interval DEFAULT '1.5 hours', h interval DEFAULT '@ 1 hour ago', i interval DEFAULT '0',
          j interval DEFAULT '13 months', k interval DEFAULT '1 year -1 day', l interval DEFAULT '-1 day +2 hours', m interval DEFAULT '36 hours',
          n interval DEFAULT '1.5 days', o interval DEFAULT '1.5 months', p interval DEFAULT '1:2', q interval DEFAULT '10', r interval DEFAULT 'P1Y2M3DT4H5M6.5S',
          s interval DEFAULT 'PT0S', u interval DEFAULT '1 microsecond', v interval DEFAULT '-00:00:01', w interval DEFAULT '1 week 1 day', x interval DEFAULT '3 days 04:05:06',
          y interval DEFAULT '1 century', z interval DEFAULT '-1 year -2 mons +3 days -04:05:06', aa interval DEFAULT '1 yr 2 mon 3 d 4 h 5 m 6 s',
          ab interval DEFAULT '0.5 minutes', ac interval DEFAULT '1.5 weeks', ad interval DEFAULT '0.1 years', ae interval DEFAULT '1 day 1.5 sec ago',
          af interval DEFAULT '1 hour'::interval, ag interval DEFAULT CAST('2 days' AS interval), ah interval DEFAULT '250 milliseconds', ai interval DEFAULT 'P1.5D',
          aj interval DEFAULT '2 2:00');
        """)]
    [InlineData("intervals with fields and a precision", """
        CREATE TABLE t (a interval hour to minute DEFAULT '1 day 2 hours 3 minutes 4 seconds', b interval(3) DEFAULT '1.23456 seconds', c interval day DEFAULT '1 day 3 hours',
          d interval(0) DEFAULT '1.7 seconds', e interval(0) DEFAULT '-2.5 seconds', f interval year DEFAULT '10', g interval minute to second DEFAULT '1:2',
          h interval day to second(1) DEFAULT '1 day 1.25 sec', i interval second(2) DEFAULT '3.456', j interval hour DEFAULT '5', k interval year to month DEFAULT '13 months 5 days',
          l interval minute DEFAULT '-90.5 seconds', m interval(0) DEFAULT '1.5 sec'::interval);
        """)]
    [InlineData("bit strings", """
        CREATE TABLE t (a bit(3) DEFAULT B'101', b bit(3) DEFAULT '101'::bit(3), c bit(8) DEFAULT X'1F', d bit(1) DEFAULT B'1', e bit DEFAULT '1',
          f bit varying DEFAULT B'101', g varbit(5) DEFAULT X'F', h bit(3) DEFAULT '101', i bit varying(8) DEFAULT '', j bit(4) DEFAULT x'a',
          k varbit DEFAULT '0101'::varbit, l bit(3) DEFAULT 'x1', m bit(3)[] DEFAULT '{101}', n bit(3) DEFAULT B'1', o varbit DEFAULT 'X1f');
        """)]
    [InlineData("bytea", """
        CREATE TABLE t (a bytea DEFAULT '\x00', b bytea DEFAULT '', c bytea DEFAULT '\xDEADbeef', d bytea DEFAULT 'abc', e bytea DEFAULT 'a\\b\001', f bytea DEFAULT '\x 01 02');
        """)]
    [InlineData("floating point", """
        CREATE TABLE t (a real DEFAULT '1e3', b double precision DEFAULT '1e3', c real DEFAULT 1e3, d real DEFAULT '1.5e20', e real DEFAULT '1234567', f real DEFAULT '123456',
          g real DEFAULT '1e-5', h double precision DEFAULT '0.0001', i double precision DEFAULT '123456789012345678', j double precision DEFAULT '1e100',
          k double precision DEFAULT '-0', l real DEFAULT 'NaN', m double precision DEFAULT 'infinity', n double precision DEFAULT '-inf', o real DEFAULT 0.1,
          p double precision DEFAULT '0.1', q real DEFAULT '-1e20', r double precision DEFAULT '1.5e-300', s double precision DEFAULT ' 2.50 ');
        """)]
    [InlineData("other common types", """
        CREATE TABLE t (a uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', b uuid DEFAULT 'a0eebc999c0b4ef8bb6d6bb9bd380a11', c jsonb DEFAULT '{}', d jsonb DEFAULT '{"a": 1}',
          e json DEFAULT '{"a":1}', f jsonb DEFAULT '{"a":1}', g int[] DEFAULT '{}', h int[] DEFAULT '{1,2}', i text[] DEFAULT ARRAY[]::text[], j text[] DEFAULT '{a,b}'::text[],
          k text[] DEFAULT '{}', l boolean DEFAULT 't', m boolean DEFAULT 'yes', n date DEFAULT '2024-1-2', o numeric(10,2) DEFAULT '1.5', p int[] DEFAULT ARRAY[1,2],
          q money DEFAULT 0, r money DEFAULT 1.5, s inet DEFAULT '127.0.0.1', u cidr DEFAULT '10.0.0.0/8');
        """)]
    public Task Engine_default_text_is_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
