namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// The parts of Dapper's, the ADO.NET drivers' and EF Core's public API that take SQL text, with
/// their namespaces, type, method and parameter names, for test sources to compile against. The
/// analyzer recognises the real types by these names.
/// </summary>
internal static class SqlApiStub
{
    public const string Source = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static int Execute(this Fixture.Connection cnn, string sql, object? param = null) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteAsync(this Fixture.Connection cnn, string sql, object? param = null) => null!;
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this Fixture.Connection cnn, string sql, object? param = null) => null!;
                public static System.Threading.Tasks.Task<System.Collections.Generic.IEnumerable<T>> QueryAsync<T>(this Fixture.Connection cnn, string sql, object? param = null) => null!;
                public static T QueryFirstOrDefault<T>(this Fixture.Connection cnn, string sql, object? param = null) => default!;
                public static int Execute(this Fixture.Connection cnn, CommandDefinition command) => 0;
            }
            public struct CommandDefinition { public CommandDefinition(string commandText, object? parameters = null) { } }
        }
        namespace Npgsql
        {
            public class NpgsqlCommand
            {
                public NpgsqlCommand() { }
                public NpgsqlCommand(string? cmdText, Fixture.Connection? connection = null) { }
                public string CommandText { get; set; } = "";
            }
            public class NpgsqlBatchCommand { public NpgsqlBatchCommand(string commandText) { } }
        }
        namespace MySqlConnector
        {
            public class MySqlCommand
            {
                public MySqlCommand() { }
                public MySqlCommand(string? commandText, Fixture.Connection? connection = null) { }
                public string CommandText { get; set; } = "";
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbSet<T> where T : class { }
            public class DatabaseFacade { }
            public static class RelationalQueryableExtensions
            {
                public static System.Linq.IQueryable<T> FromSqlRaw<T>(this DbSet<T> source, string sql, params object[] parameters) where T : class => null!;
                public static System.Linq.IQueryable<T> FromSql<T>(this DbSet<T> source, System.FormattableString sql) where T : class => null!;
            }
            public static class RelationalDatabaseFacadeExtensions
            {
                public static int ExecuteSqlRaw(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteSqlRawAsync(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => null!;
                public static int ExecuteSql(this DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteSqlAsync(this DatabaseFacade databaseFacade, System.FormattableString sql, System.Threading.CancellationToken cancellationToken = default) => null!;
                public static System.Linq.IQueryable<T> SqlQuery<T>(this DatabaseFacade databaseFacade, System.FormattableString sql) => null!;
                public static System.Linq.IQueryable<T> SqlQueryRaw<T>(this DatabaseFacade databaseFacade, string sql, params object[] parameters) => null!;
            }
        }
        namespace Fixture
        {
            public sealed class Connection { }
            public sealed class Job { public int Id { get; set; } }
        }
        """;
}
