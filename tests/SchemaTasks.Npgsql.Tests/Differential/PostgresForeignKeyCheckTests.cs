using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Foreign keys PostgreSQL refuses, made or kept by a later ALTER COLUMN ... TYPE: a missing
/// referenced table (42P01) or column (42703), referenced columns no unique key has (42830), and
/// column types the key's equality operator cannot compare (42804). The engine reports exactly
/// those, with the code given; the forms the server accepts make no diagnostic.
/// </summary>
public sealed class PostgresForeignKeyCheckTests
{
    private const string Setup = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10) UNIQUE, t text UNIQUE, u uuid UNIQUE, n numeric UNIQUE, f float8 UNIQUE, a int, b int, UNIQUE (a, b), nu int);
        CREATE TABLE d (id int PRIMARY KEY, pid int REFERENCES p (id), pcode varchar(10) REFERENCES p (code), pu uuid REFERENCES p (u));
        """;

    [PostgresTheory]
    [InlineData("ALTER TABLE d ALTER pid TYPE text;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("ALTER TABLE d ALTER pid TYPE numeric;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("ALTER TABLE d ALTER pid TYPE float8;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("ALTER TABLE p ALTER id TYPE text;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("ALTER TABLE d ALTER pu TYPE text;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("ALTER TABLE d ALTER pcode TYPE int USING 1;", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE e (x text REFERENCES p (id));", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE e (x float8 REFERENCES p (n));", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE e (x boolean REFERENCES p (id));", "42804", DiagnosticCodes.ForeignKeyTypesIncompatible)]
    [InlineData("CREATE TABLE e (x int REFERENCES nope (id));", "42P01", DiagnosticCodes.TableNotFound)]
    [InlineData("CREATE TABLE e (x int REFERENCES p (nocol));", "42703", DiagnosticCodes.ColumnNotFound)]
    [InlineData("CREATE TABLE e (x int REFERENCES p (nu));", "42830", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE TABLE e (x int, FOREIGN KEY (x) REFERENCES p (a));", "42830", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE UNIQUE INDEX p_nu ON p (nu) WHERE nu > 0;\nCREATE TABLE e (x int REFERENCES p (nu));", "42830", DiagnosticCodes.ReferencedKeyMissing)]
    [InlineData("CREATE TABLE e (x int);\nALTER TABLE e ADD FOREIGN KEY (x) REFERENCES p (nu);", "42830", DiagnosticCodes.ReferencedKeyMissing)]
    public async Task A_foreign_key_the_server_refuses_is_reported(string sql, string sqlState, string code)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{sql}: {string.Join("; ", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + sql.Split('\n').Length, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Setup, connection)) await prepare.ExecuteNonQueryAsync();
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });
        Assert.True(error is PostgresException e && e.SqlState == sqlState, $"{sql}: {error?.Message}");
    }

    [PostgresTheory]
    [InlineData("ALTER TABLE d ALTER pid TYPE bigint;")]
    [InlineData("ALTER TABLE d ALTER pid TYPE smallint;")]
    [InlineData("ALTER TABLE p ALTER id TYPE bigint;")]
    [InlineData("ALTER TABLE d ALTER pcode TYPE text;")]
    [InlineData("ALTER TABLE d ALTER pcode TYPE char(10);")]
    [InlineData("CREATE TABLE e (x bigint REFERENCES p (n), y int REFERENCES p (f), z numeric REFERENCES p (f));")]
    [InlineData("CREATE TABLE e (x text REFERENCES p (code), y varchar REFERENCES p (t));")]
    [InlineData("CREATE TABLE e (x int, y int, FOREIGN KEY (x, y) REFERENCES p (b, a));")]
    [InlineData("CREATE TABLE e (x int REFERENCES p);")]
    [InlineData("CREATE TABLE e (id int PRIMARY KEY, x int REFERENCES e (id), y int REFERENCES e);")]
    [InlineData("CREATE UNIQUE INDEX p_nu ON p (nu);\nCREATE TABLE e (x int REFERENCES p (nu));")]
    [InlineData("CREATE TABLE e (x int);\nALTER TABLE e ADD UNIQUE (x), ADD FOREIGN KEY (x) REFERENCES e (x);")]
    public async Task Accepted_foreign_keys_match_the_server(string sql)
    {
        await PostgresServerAgreement.AssertEngineMatchesServerAsync(sql, Setup + "\n" + sql);
    }
}
