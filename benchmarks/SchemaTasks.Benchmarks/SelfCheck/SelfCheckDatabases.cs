using Npgsql;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// The databases the self-check benchmarks read, one per tool, each created fresh in setup on the
/// server named by <c>SCHEMATASKS_TEST_POSTGRES</c> (what <c>build/db.sh env</c> prints).
/// </summary>
internal static class SelfCheckDatabases
{
    public const string Variable = "SCHEMATASKS_TEST_POSTGRES";

    /// <summary>Drops and creates <paramref name="name"/>; returns its connection string.</summary>
    public static string Recreate(string name)
    {
        var server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"Set {Variable} to a PostgreSQL connection string (start a server with build/db.sh start, then eval \"$(build/db.sh env)\").");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            Execute(connection, $"CREATE DATABASE \"{name}\"");
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The connection string of <paramref name="name"/> when it exists, else null.</summary>
    public static string? Existing(string name)
    {
        var server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"Set {Variable} to a PostgreSQL connection string (start a server with build/db.sh start, then eval \"$(build/db.sh env)\").");
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_catalog.pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() is null ? null : new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
