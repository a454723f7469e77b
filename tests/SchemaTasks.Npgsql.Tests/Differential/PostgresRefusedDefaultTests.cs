using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Defaults PostgreSQL refuses: a label the enum type lacks (22P02), a string integer or boolean
/// input does not read (22P02), and a type change the column's default has no assignment cast
/// for (42804). The engine reports each at its line, and the forms the server takes build the
/// server's schema.
/// </summary>
public sealed class PostgresRefusedDefaultTests
{
    private const string Enum = """
        CREATE TYPE r AS ENUM ('a', 'b', 'c''d');
        CREATE TABLE t (id int PRIMARY KEY, x r, y int, w boolean, ra r[]);
        """;

    private const string Swap = """
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
        CREATE TABLE "User" (id int PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER', c text DEFAULT 'abc', n int DEFAULT 1, b boolean DEFAULT true, ra "Role"[] DEFAULT '{USER}', ta text[] DEFAULT '{a}', j json DEFAULT '{}', ts timestamp DEFAULT now());
        ALTER TYPE "Role" RENAME TO "Role_old";
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
        """;

    [PostgresTheory]
    [InlineData("set default not a label", Enum, "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'nope';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a label in another case", Enum, "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'A';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a label with a trailing space", Enum, "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a ';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("cast to the enum", Enum, "ALTER TABLE t ALTER COLUMN x SET DEFAULT 'nope'::r;", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an escape string", Enum, "ALTER TABLE t ALTER COLUMN x SET DEFAULT E'nope';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("create table", Enum, "CREATE TABLE t2 (x r DEFAULT 'c');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("add column not null", Enum, "ALTER TABLE t ADD COLUMN x2 r NOT NULL DEFAULT 'nope';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an enum array literal", Enum, "ALTER TABLE t ADD COLUMN y2 r[] DEFAULT '{c}';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a nested enum array literal", Enum, "ALTER TABLE t ADD COLUMN y2 r[] DEFAULT '{{a},{c}}';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an enum array constructor", Enum, "ALTER TABLE t ADD COLUMN y2 r[] DEFAULT ARRAY['a','c']::r[];", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a domain over the enum", Enum + "\nCREATE DOMAIN dr AS r;", "CREATE TABLE t2 (x dr DEFAULT 'c');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("the domain's own default", Enum, "CREATE DOMAIN dr AS r DEFAULT 'c';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("alter domain set default", Enum + "\nCREATE DOMAIN dr AS r;", "ALTER DOMAIN dr SET DEFAULT 'c';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a domain over the enum array", Enum + "\nCREATE DOMAIN dra AS r[];", "CREATE TABLE t2 (x dra DEFAULT '{a,c}');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("the old label after a rename", Enum + "\nALTER TYPE r RENAME VALUE 'a' TO 'a2';", "CREATE TABLE t3 (x r DEFAULT 'a');", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("not an integer", Enum, "ALTER TABLE t ALTER COLUMN y SET DEFAULT 'abc';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a fraction for an integer", Enum, "ALTER TABLE t ALTER COLUMN y SET DEFAULT '3.0';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("a space after the sign", Enum, "ALTER TABLE t ALTER COLUMN y SET DEFAULT '- 3';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("not a boolean", Enum, "ALTER TABLE t ALTER COLUMN w SET DEFAULT 'maybe';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an ambiguous boolean prefix", Enum, "ALTER TABLE t ALTER COLUMN w SET DEFAULT 'o';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("01 for a boolean", Enum, "ALTER TABLE t ALTER COLUMN w SET DEFAULT '01';", DiagnosticCodes.DefaultNotOfColumnType, "22P02")]
    [InlineData("an enum swap without drop default", Swap, "ALTER TABLE \"User\" ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\");", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("set default in the same statement", Swap, "ALTER TABLE \"User\" ALTER COLUMN role SET DEFAULT 'USER', ALTER COLUMN role TYPE \"Role\" USING (role::text::\"Role\");", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("text to integer", Swap, "ALTER TABLE \"User\" ALTER COLUMN c TYPE int USING 0;", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("text to an enum", Swap, "ALTER TABLE \"User\" ALTER COLUMN c TYPE \"Role\" USING c::\"Role\";", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("text to uuid", Swap, "ALTER TABLE \"User\" ALTER COLUMN c TYPE uuid USING NULL;", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("text to jsonb", Swap, "ALTER TABLE \"User\" ALTER COLUMN c TYPE jsonb USING c::jsonb;", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("text to an array", Swap, "ALTER TABLE \"User\" ALTER COLUMN c TYPE text[] USING ARRAY[c];", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("integer to boolean", Swap, "ALTER TABLE \"User\" ALTER COLUMN n TYPE boolean USING n <> 0;", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("boolean to integer", Swap, "ALTER TABLE \"User\" ALTER COLUMN b TYPE int USING b::int;", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("an enum array to another", Swap, "ALTER TABLE \"User\" ALTER COLUMN ra TYPE \"Role\"[] USING ra::text[]::\"Role\"[];", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    [InlineData("a text array to an enum array", Swap, "ALTER TABLE \"User\" ALTER COLUMN ta TYPE \"Role\"[] USING ta::\"Role\"[];", DiagnosticCodes.RetypedDefaultNotCast, "42804")]
    public async Task A_default_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setup.Split('\n').Length + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var prepare = new NpgsqlCommand(setup, connection);
        await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("labels, escapes, arrays with NULL and renamed labels", Enum + """

        ALTER TABLE t ALTER COLUMN x SET DEFAULT 'c''d';
        ALTER TABLE t ALTER COLUMN x SET DEFAULT 'a'::r;
        ALTER TABLE t ALTER COLUMN ra SET DEFAULT '{a,NULL,b}';
        ALTER TYPE r ADD VALUE 'e';
        ALTER TYPE r RENAME VALUE 'b' TO 'b2';
        CREATE TABLE t2 (x r DEFAULT 'b2', y r[] DEFAULT ARRAY[]::r[], z r[] DEFAULT '{}');
        CREATE DOMAIN dr AS r DEFAULT 'a';
        """)]
    [InlineData("integer and boolean spellings every version reads", Enum + """

        ALTER TABLE t ALTER COLUMN y SET DEFAULT ' 12 ';
        ALTER TABLE t ALTER COLUMN y SET DEFAULT '+3';
        ALTER TABLE t ALTER COLUMN w SET DEFAULT ' true ';
        ALTER TABLE t ALTER COLUMN w SET DEFAULT 'of';
        ALTER TABLE t ALTER COLUMN w SET DEFAULT 'Y';
        ALTER TABLE t ALTER COLUMN w SET DEFAULT '1';
        """)]
    [InlineData("Prisma's enum swap, and a DROP DEFAULT written after the type change", Swap + """

        ALTER TABLE "User" ALTER COLUMN role DROP DEFAULT;
        ALTER TABLE "User" ALTER COLUMN role TYPE "Role" USING (role::text::"Role");
        ALTER TABLE "User" ALTER COLUMN role SET DEFAULT 'USER';
        ALTER TABLE "User" ALTER COLUMN c TYPE int USING 0, ALTER COLUMN c DROP DEFAULT;
        """)]
    [InlineData("defaults with an assignment cast to the new type", Swap + """

        ALTER TABLE "User" ALTER COLUMN role TYPE varchar(10);
        ALTER TABLE "User" ALTER COLUMN n TYPE bigint;
        ALTER TABLE "User" ALTER COLUMN b TYPE text;
        ALTER TABLE "User" ALTER COLUMN j TYPE jsonb;
        ALTER TABLE "User" ALTER COLUMN ts TYPE timestamptz;
        ALTER TABLE "User" ALTER COLUMN ra TYPE text[];
        ALTER TABLE "User" ALTER COLUMN ta TYPE text;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
