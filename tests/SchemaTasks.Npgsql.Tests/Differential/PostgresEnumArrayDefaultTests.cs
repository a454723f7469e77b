using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// <c>ALTER TYPE ... RENAME VALUE</c> renames the label inside the defaults of enum array
/// columns, which the server shows written again (<c>'{aa,b}'::st[]</c>): run on the real
/// server, read back, and compared with the engine's catalog of the same SQL.
/// </summary>
public sealed class PostgresEnumArrayDefaultTests
{
    [PostgresTheory]
    [InlineData("array literals, plain, cast, quoted, nested and spaced", """
        CREATE TYPE st AS ENUM ('a', 'b', 'c d', 'e"f', 'g\h');
        CREATE TABLE t (
          x1 st[] DEFAULT '{a,b}',
          x2 st[] DEFAULT '{a,b}'::st[],
          x3 st[] DEFAULT '{"a", "c d", NULL}',
          x4 st[] DEFAULT '{}',
          x5 st[][] DEFAULT '{{a,b},{b,a}}',
          x6 st[] DEFAULT '{"e\"f",a}',
          x7 st[] DEFAULT '{"g\\h"}',
          x8 st[] DEFAULT ' { a , b } ',
          x9 st DEFAULT 'a');
        ALTER TYPE st RENAME VALUE 'a' TO 'aa';
        """)]
    [InlineData("array constructors", """
        CREATE TYPE st AS ENUM ('a', 'b');
        CREATE TABLE t (y1 st[] DEFAULT ARRAY['a', 'b']::st[], y2 st[] DEFAULT ARRAY['b'::st, 'a'::st]);
        ALTER TYPE st RENAME VALUE 'a' TO 'aa';
        """)]
    [InlineData("labels that need quoting after the rename", """
        CREATE TYPE st AS ENUM ('a', 'b', 'c', 'd');
        CREATE TABLE t (z1 st[] DEFAULT '{a,b,c,d}');
        ALTER TYPE st RENAME VALUE 'a' TO 'c,d';
        ALTER TYPE st RENAME VALUE 'b' TO 'NULL';
        ALTER TYPE st RENAME VALUE 'c' TO 'has space';
        ALTER TYPE st RENAME VALUE 'd' TO 'back\slash';
        """)]
    [InlineData("a schema-qualified type and a table in another schema", """
        CREATE SCHEMA s;
        CREATE TYPE s."Mood" AS ENUM ('ok', 'sad');
        CREATE TABLE s.t (m s."Mood"[] DEFAULT '{ok,sad}', n s."Mood"[] DEFAULT ARRAY['ok']::s."Mood"[]);
        ALTER TYPE s."Mood" RENAME VALUE 'ok' TO 'fine';
        """)]
    public Task Renamed_label_in_array_defaults_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
