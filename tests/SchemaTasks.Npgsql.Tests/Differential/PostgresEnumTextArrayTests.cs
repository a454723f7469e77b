using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// An enum column compared with ANY (ARRAY[...]) against the server: untyped constants make the
/// array text[], which the server refuses (42883) and the engine reports (ST3173); an array
/// literal, IN, a cast array, or a constant cast to the enum beside the others reads the labels
/// as the enum: both take it, or both refuse a label the type lacks (22P02).
/// </summary>
public sealed class PostgresEnumTextArrayTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a', 'b');\nCREATE DOMAIN de AS e;\nCREATE TABLE t (s e, d de, n text);\n";

    [PostgresTheory]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b']);")]
    [InlineData("UPDATE t SET n = 'x' WHERE s <> ALL (ARRAY['a', NULL]);")]
    [InlineData("DELETE FROM t WHERE d = SOME (ARRAY['a']);")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY (ARRAY['a', 'b']));")]
    [InlineData("CREATE TABLE u (s e CHECK (s = ANY (ARRAY['a', 'b'])));")]
    [InlineData("CREATE VIEW v AS SELECT * FROM t WHERE s = ANY (ARRAY['a', 'b']);")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK ((s = ANY (ARRAY['a'::text, 'b'::text])));")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a'::character varying, 'b']);")]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['a', 'b']::varchar[]);")]
    public Task AnArrayOfUntypedConstants_IsRefusedByBoth(string statement)
        => PostgresRefusedAtLastLine.AssertBothRefuseAsync(Setup + statement, DiagnosticCodes.EnumComparedWithTextArray, "42883");

    [PostgresTheory]
    [InlineData("DELETE FROM t WHERE s = ANY (ARRAY['x', 'b'::e]);")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (d = ANY (ARRAY['a'::de, NULL, 'x']));")]
    public Task AnUntypedConstantBesideOneCastToTheEnum_IsReadAsItsLabelByBoth(string statement)
        => PostgresRefusedAtLastLine.AssertBothRefuseAsync(Setup + statement, DiagnosticCodes.EnumLabelUnknown, "22P02");

    [PostgresTheory]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY ('{a,b}'));")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s IN ('a', 'b'));")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (s = ANY (ARRAY['a', 'b']::e[]));")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT k CHECK (n = ANY (ARRAY['a', 'b']));\nDELETE FROM t WHERE s = ANY (ARRAY['a', 'b'::e]);")]
    public Task WhatTheServerReadsAsTheEnum_LeavesTheSameCatalog(string statements)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(statements, Setup + statements);
}
