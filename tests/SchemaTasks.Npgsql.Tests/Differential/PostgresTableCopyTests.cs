using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// CREATE TABLE ... AS of one table's columns, unchanged: the engine gives the new table the
/// server's columns (names, types with their lengths and precisions, arrays, enums, domains; all
/// nullable, no defaults, no constraints) and a later ALTER TABLE on it is followed.
/// </summary>
public sealed class PostgresTableCopyTests
{
    private const string Source = """
        CREATE TYPE mood AS ENUM ('ok', 'sad');
        CREATE DOMAIN positive AS int CHECK (VALUE > 0);
        CREATE TABLE src (
            id serial PRIMARY KEY,
            code varchar(64) NOT NULL DEFAULT 'x',
            amount numeric(10,2) CHECK (amount > 0),
            tags int[],
            m mood,
            p positive,
            at timestamptz(3),
            twice int GENERATED ALWAYS AS (id * 2) STORED,
            ident bigint GENERATED ALWAYS AS IDENTITY,
            "Quoted" text UNIQUE
        );
        INSERT INTO src (code, amount, p) VALUES ('INPUT', 1.5, 3);
        """;

    [PostgresTheory]
    [InlineData("every column, filtered", Source + "CREATE TABLE copy AS SELECT * FROM src WHERE code = 'INPUT';\nALTER TABLE copy ADD COLUMN extra uuid;")]
    [InlineData("TABLE, without data", Source + "CREATE TABLE copy AS TABLE src WITH NO DATA;")]
    [InlineData("listed columns through an alias", Source + "CREATE TABLE copy AS SELECT s.m, \"Quoted\", code AS label, p FROM src AS s ORDER BY id;\nALTER TABLE copy ALTER COLUMN label SET NOT NULL;")]
    public Task The_copy_has_the_servers_columns(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
