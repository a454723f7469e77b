using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Limits;

/// <summary>
/// MySQL's and MariaDB's own limits, held against the real server: names of 64 characters
/// (ASCII or not) are accepted by both the server and the engine, 65 refused by both; an unknown
/// type name is refused by both.
/// </summary>
public sealed class MySqlLimitTests
{
    [MySqlTheory]
    [InlineData('t')]
    [InlineData('é')]
    public async Task Names_of_64_characters_are_accepted_and_read_back_as_the_engine_builds_them(char letter)
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var name = new string(letter, 64);
        var column = "c" + new string(letter, 63);
        var sql = $"CREATE TABLE `{name}` (`{column}` varchar(5), CONSTRAINT `{new string('k', 64)}` CHECK (`{column}` IN ('a', 'b')));";
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), sql);
        Assert.Empty(diagnostics);
        await Execute(connection, sql);
        var live = await MySqlSchemaReader.ReadAsync(connection);
        var diffs = CatalogComparer.Compare(built, live);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    [MySqlTheory]
    [InlineData("CREATE TABLE `{0}` (id int);")]
    [InlineData("CREATE TABLE t (`{0}` int);")]
    [InlineData("CREATE TABLE t (id int, CONSTRAINT `{0}` CHECK (id > 0));")]
    public async Task Names_of_65_characters_are_refused_by_the_server_and_the_engine(string template)
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('n', 65));
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), sql);
        Assert.Equal(DiagnosticCodes.IdentifierTooLong, Assert.Single(diagnostics).Code);
        await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, sql));
    }

    [MySqlFact]
    public async Task An_unknown_type_is_refused_by_the_server_and_the_engine()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        const string Sql = "CREATE TABLE t (a varchr(10));";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), Sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.Contains("varchar", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MySqlException>(() => Execute(connection, Sql));
    }

    [MySqlFact]
    public async Task Every_type_the_engine_knows_is_one_the_server_accepts_or_a_newer_servers()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        string[] types =
        [
            "bit(1)", "tinyint", "smallint unsigned", "mediumint", "int", "integer", "bigint", "int1", "int2", "int3", "int4", "int8",
            "middleint", "bool", "boolean", "decimal(10,2)", "dec", "numeric", "fixed", "float", "double", "double precision", "real",
            "float4", "float8", "date", "datetime(3)", "timestamp", "time", "year", "char(2)", "character(2)", "nchar(2)",
            "national char(2)", "national character(2)", "varchar(5)", "nvarchar(5)", "national varchar(5)", "character varying(5)",
            "char varying(5)", "national character varying(5)", "national char varying(5)", "varcharacter(5)", "binary(2)",
            "varbinary(3)", "tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text", "mediumtext", "longtext", "long",
            "long varchar", "long varbinary", "enum('a')", "set('b')", "json", "geometry", "point", "linestring", "polygon",
            "multipoint", "multilinestring", "multipolygon", "geometrycollection", "inet4", "inet6", "uuid",
        ];
        var sql = $"CREATE TABLE every ({string.Join(", ", types.Select((t, i) => $"c{i} {t}"))}, s serial);";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), sql);
        Assert.Empty(diagnostics);
        await Execute(connection, sql); // MariaDB 10.11 knows all of these (geomcollection and vector are MySQL's, or newer).
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
