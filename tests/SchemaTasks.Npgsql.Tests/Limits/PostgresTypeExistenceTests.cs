using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Limits;

/// <summary>
/// The engine's knowledge of which types exist, held against a real server: every built-in type
/// and every type of every extension the server ships must be accepted (a missing one would be
/// a false error), and what the server refuses must be refused.
/// </summary>
public sealed class PostgresTypeExistenceTests
{
    private const string BuiltinTypes = """
        SELECT typname FROM pg_catalog.pg_type
        WHERE typnamespace = 'pg_catalog'::regnamespace AND typtype IN ('b', 'r', 'm') AND typcategory <> 'A'
        ORDER BY typname
        """;

    // The grammar's own spellings, which pg_type does not list.
    private static readonly string[] Spellings =
    [
        "int", "integer", "smallint", "bigint", "serial", "bigserial", "smallserial", "serial4", "serial8", "serial2",
        "boolean", "double precision", "real", "float", "float(10)", "float(30)", "decimal(5,2)", "numeric(7)",
        "character varying(3)", "char varying(3)", "varchar(3)", "character(2)", "char", "nchar(2)",
        "national character varying(3)", "bit varying(4)", "bit(3)", "timestamp(3) with time zone",
        "timestamp without time zone", "time(2) with time zone", "time without time zone", "interval year to month",
        "interval day to second(3)", "interval(2)", "int[]", "text[][]", "int4 ARRAY", "int4 ARRAY[3]", "tstzrange[]",
    ];

    [PostgresFact]
    public async Task A_table_of_every_built_in_type_is_accepted_and_reads_back_as_the_engine_builds_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var stored = await Names(connection, BuiltinTypes);
        Assert.True(stored.Count >= 80, $"the server listed only {stored.Count} types");

        // Stored names quoted (as pg_type has them) and unquoted, and the grammar's spellings.
        var columns = stored.Select((t, i) => $"q{i} \"{t}\"")
            .Concat(stored.Select((t, i) => $"u{i} {t}"))
            .Concat(Spellings.Select((t, i) => $"s{i} {t}"));
        var sql = $"CREATE TABLE every (\n  {string.Join(",\n  ", columns)}\n);";

        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "every.sql");
        Assert.Empty(diagnostics);
        await Execute(connection, sql);
        var live = await PostgresSchemaReader.ReadAsync(connection);
        var diffs = CatalogComparer.Compare(built, live);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [PostgresFact]
    public async Task Pseudo_types_are_refused_by_the_server_and_the_engine()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var pseudo = await Names(connection, "SELECT typname FROM pg_catalog.pg_type WHERE typnamespace = 'pg_catalog'::regnamespace AND typtype = 'p' AND typname NOT LIKE '\\_%' ORDER BY typname");
        Assert.NotEmpty(pseudo);
        foreach (var type in pseudo)
        {
            var sql = $"CREATE TABLE t (a \"{type}\");";
            var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql);
            Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.UnknownType && diagnostics[0].Severity == DiagnosticSeverity.Error, $"{type}: {string.Join("; ", diagnostics)}");
            await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, sql));
        }
    }

    [PostgresFact]
    public async Task Every_type_of_every_extension_the_server_ships_is_known_once_the_extension_is_created()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var extensions = await Names(connection, "SELECT name FROM pg_catalog.pg_available_extensions WHERE name <> 'plpgsql' ORDER BY name");
        Assert.Contains("citext", extensions);
        var failures = new List<string>();
        var checkedTypes = 0;
        foreach (var extension in extensions)
        {
            var create = $"CREATE EXTENSION IF NOT EXISTS \"{extension}\" CASCADE;";
            try
            {
                await Execute(connection, create);
            }
            catch (PostgresException)
            {
                continue; // Needs a library or setting this server lacks: nothing to compare.
            }

            var types = await Names(connection, $"""
                SELECT t.typname FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
                JOIN pg_catalog.pg_type t ON t.oid = d.objid
                WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.deptype = 'e' AND e.extname = '{extension}' AND t.typcategory <> 'A'
                ORDER BY t.typname
                """);
            if (types.Count == 0) continue;
            checkedTypes += types.Count;
            var sql = $"{create}\nCREATE TABLE \"uses_{extension}\" ({string.Join(", ", types.Select((t, i) => $"c{i} \"{t}\""))});";
            var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "uses.sql");
            if (diagnostics.Count > 0) failures.Add($"{extension}: {string.Join("; ", diagnostics)}");
            await Execute(connection, $"CREATE TABLE \"uses_{extension}\" ({string.Join(", ", types.Select((t, i) => $"c{i} \"{t}\""))});");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedTypes >= 20, $"only {checkedTypes} extension types were checked");
    }

    [PostgresTheory]
    [InlineData("uuid-ossp")]
    [InlineData("pgcrypto")]
    [InlineData("unaccent")]
    [InlineData("fuzzystrmatch")]
    [InlineData("citext")]
    public async Task The_functions_listed_for_an_extension_are_those_the_server_creates(string extension)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, $"CREATE EXTENSION \"{extension}\";");
        var functions = await Names(connection, $"""
            SELECT DISTINCT p.proname FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
            JOIN pg_catalog.pg_proc p ON p.oid = d.objid
            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e' AND e.extname = '{extension}'
            ORDER BY p.proname
            """);
        var namesakes = await Names(connection, $"""
            SELECT DISTINCT p.proname FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
            JOIN pg_catalog.pg_proc p ON p.oid = d.objid
            WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e' AND e.extname = '{extension}'
              AND EXISTS (SELECT 1 FROM pg_catalog.pg_proc c WHERE c.proname = p.proname AND c.pronamespace = 'pg_catalog'::regnamespace)
            ORDER BY p.proname
            """);

        Assert.Equal(functions, PostgresExtensionTypes.Find(extension)!.Functions!.Order(StringComparer.Ordinal));
        Assert.All(namesakes, n => Assert.Contains(n, PostgresExtensionTypes.CoreNamesakes));
    }

    [PostgresTheory]
    [InlineData("pg_trgm")]
    [InlineData("btree_gist")]
    [InlineData("hstore")]
    [InlineData("ltree")]
    [InlineData("intarray")]
    [InlineData("citext")]
    [InlineData("cube")]
    [InlineData("seg")]
    [InlineData("isn")]
    [InlineData("btree_gin")]
    public async Task The_operator_classes_listed_for_an_extension_are_those_the_server_creates_that_pg_catalog_has_no_namesake_of(string extension)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await Execute(connection, $"CREATE EXTENSION \"{extension}\";");
        var operatorClasses = await Names(connection, $"""
            SELECT DISTINCT o.opcname FROM pg_catalog.pg_depend d
            JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
            JOIN pg_catalog.pg_opclass o ON o.oid = d.objid
            WHERE d.classid = 'pg_catalog.pg_opclass'::regclass AND d.deptype = 'e' AND e.extname = '{extension}'
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass c WHERE c.opcname = o.opcname AND c.opcnamespace = 'pg_catalog'::regnamespace)
            ORDER BY o.opcname
            """);

        Assert.Equal(operatorClasses, PostgresExtensionTypes.Find(extension)!.OperatorClasses.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task An_extension_type_without_its_extension_is_refused_by_the_server_and_the_engine()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        const string Sql = "CREATE TABLE people (email citext);";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql);
        Assert.Equal(DiagnosticCodes.UnknownType, Assert.Single(diagnostics).Code);
        var error = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, Sql));
        Assert.Equal("42704", error.SqlState); // undefined_object: type "citext" does not exist
    }

    private static async Task<List<string>> Names(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
