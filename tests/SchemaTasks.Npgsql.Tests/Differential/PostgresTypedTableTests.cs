using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Typed tables against the server: what PostgreSQL refuses of CREATE TABLE ... OF, ALTER TABLE
/// ... OF / NOT OF, column changes of a typed table and attribute changes of its type, the engine
/// reports at that statement with the server's SQLSTATE; what it takes leaves the same tables.
/// </summary>
public sealed class PostgresTypedTableTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a', 'b');\nCREATE TYPE c AS (id int, name text, st e);\n";

    [PostgresTheory]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c ADD ATTRIBUTE z int;", nameof(DiagnosticCodes.CompositeAttributeRefused), "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c ADD ATTRIBUTE z int CASCADE, DROP ATTRIBUTE name;", nameof(DiagnosticCodes.CompositeAttributeRefused), "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nALTER TYPE c RENAME ATTRIBUTE name TO n;", nameof(DiagnosticCodes.CompositeAttributeRefused), "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nDROP TYPE c;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t ADD COLUMN z int;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t DROP COLUMN name;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t RENAME COLUMN name TO n;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t OF c;\nALTER TABLE t ALTER COLUMN id TYPE bigint;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t (id int);\nALTER TABLE t NOT OF;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t (id int, name text, st e, more int);\nALTER TABLE t OF c;", nameof(DiagnosticCodes.TypedTableRefused), "42804")]
    [InlineData("CREATE TABLE t (id int, name text);\nALTER TABLE t OF c;", nameof(DiagnosticCodes.TypedTableRefused), "42804")]
    [InlineData("CREATE TABLE t (name text, id int, st e);\nALTER TABLE t OF c;", nameof(DiagnosticCodes.TypedTableRefused), "42804")]
    [InlineData("CREATE TABLE t (id bigint, name text, st e);\nALTER TABLE t OF c;", nameof(DiagnosticCodes.TypedTableRefused), "42804")]
    [InlineData("CREATE TABLE t (id int);\nALTER TABLE t OF e;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t OF e;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE r (id int);\nCREATE TABLE t OF r;", nameof(DiagnosticCodes.TypedTableRefused), "42809")]
    [InlineData("CREATE TABLE t OF nope;", nameof(DiagnosticCodes.UnknownType), "42704")]
    [InlineData("CREATE TABLE t OF c (nope WITH OPTIONS NOT NULL);", nameof(DiagnosticCodes.ColumnNotFound), "42703")]
    [InlineData("CREATE TABLE t OF c (id PRIMARY KEY, id NOT NULL);", nameof(DiagnosticCodes.ColumnExists), "42701")]
    [InlineData("CREATE TABLE t OF c (st DEFAULT 'zz');", nameof(DiagnosticCodes.DefaultNotOfColumnType), "22P02")]
    public Task AStatementTheServerRefuses_IsReportedAtItsLine(string statements, string code, string sqlState)
        => PostgresRefusedAtLastLine.AssertBothRefuseAsync(Setup + statements, (string)typeof(DiagnosticCodes).GetField(code)!.GetValue(null)!, sqlState);

    [PostgresTheory]
    [InlineData("options and constraints", "CREATE TABLE t OF c (id WITH OPTIONS PRIMARY KEY, name NOT NULL DEFAULT 'x', st DEFAULT 'a', CONSTRAINT k CHECK (id > 0));\nCREATE TABLE IF NOT EXISTS t OF c;")]
    [InlineData("attribute changes with CASCADE", "CREATE TABLE t OF c (id PRIMARY KEY);\nALTER TYPE c ADD ATTRIBUTE extra bigint CASCADE, DROP ATTRIBUTE name CASCADE;\nALTER TYPE c ALTER ATTRIBUTE id TYPE bigint CASCADE;\nALTER TYPE c RENAME ATTRIBUTE extra TO extra2 CASCADE;")]
    [InlineData("NOT OF, then OF again", "CREATE TABLE t OF c;\nALTER TABLE t NOT OF;\nALTER TABLE t ADD COLUMN z int;\nALTER TABLE t DROP COLUMN z;\nALTER TABLE t OF c;\nALTER TYPE c ADD ATTRIBUTE z int CASCADE;\nCREATE TABLE p (id int NOT NULL, name text, st e, z int);\nALTER TABLE p OF c;\nALTER TABLE p OF c;")]
    [InlineData("DROP TYPE ... CASCADE takes the typed tables", "CREATE TABLE t OF c;\nCREATE TABLE keep (v int);\nDROP TYPE c CASCADE;")]
    [InlineData("a renamed type keeps its typed tables", "CREATE TABLE t OF c;\nALTER TYPE c RENAME TO c2;\nALTER TYPE c2 ADD ATTRIBUTE z int CASCADE;")]
    public Task AnAcceptedHistory_LeavesTheServersTables(string behaviour, string statements)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Setup + statements);
}
