using System.CommandLine;
using SchemaTasks.Migrator;
using SchemaTasks.Migrations;
using SchemaTasks.MySql;
using SchemaTasks.Npgsql;

namespace SchemaTasks.Tool;

/// <summary>The options every database command shares, as read: the migrations, the connection, the dialect.</summary>
internal sealed record DatabaseOptions(EmbeddedMigrations Migrations, string ConnectionString, SqlDialect Dialect)
{
    /// <summary>The migrations as read from <c>--migrations</c>, whose SQL the engine can check; <see langword="null"/> for <c>--assembly</c>, checked when it was built.</summary>
    public MigrationSet? Folder { get; init; }

    /// <summary>Where the connection string comes from when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "SCHEMATASKS_CONNECTION";

    /// <summary>Where the connection points, without the password.</summary>
    public string Describe() => Dialect == SqlDialect.Postgres
        ? PostgresConnectionInfo.Describe(ConnectionString)
        : MySqlConnectionInfo.Describe(ConnectionString);

    /// <summary>The options a migrator run takes.</summary>
    public static MigrateOptions MigrateOptions(TimeSpan? lockTimeout) =>
        lockTimeout is { } wait ? new MigrateOptions { LockTimeout = wait } : new MigrateOptions();

    /// <summary>The shared options of one command: <c>--migrations</c>/<c>--assembly</c>, <c>--layout</c>, <c>--dialect</c>, <c>--connection</c>.</summary>
    internal sealed class Symbols
    {
        public Option<string?> Migrations { get; } = ToolOptions.Migrations();

        public Option<string?> Assembly { get; } = ToolOptions.Assembly();

        public Option<MigrationLayout?> Layout { get; } = ToolOptions.Layout();

        public Option<SqlDialect?> Dialect { get; } = ToolOptions.Dialect();

        public Option<string?> Connection { get; } = ToolOptions.Connection();

        public void AddTo(Command command)
        {
            command.Add(Migrations);
            command.Add(Assembly);
            command.Add(Layout);
            command.Add(Dialect);
            command.Add(Connection);
        }

        /// <summary>The connection string, from the option or the environment.</summary>
        public string ConnectionString(ParseResult parse)
        {
            var connection = parse.GetValue(Connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable);
            return string.IsNullOrWhiteSpace(connection)
                ? throw new UsageException($"give the database with --connection <connection string> or the {ConnectionVariable} environment variable.")
                : connection;
        }

        /// <summary>Reads the options; <see langword="null"/> when the migrations folder has errors (printed).</summary>
        public DatabaseOptions? Read(ParseResult parse, TextWriter error)
        {
            var connection = ConnectionString(parse);
            var dialectOption = parse.GetValue(Dialect);
            var migrations = MigrationSource.Load(parse.GetValue(Assembly), parse.GetValue(Migrations), parse.GetValue(Layout), dialectOption, error, out var reading);
            if (migrations is null)
            {
                return null;
            }

            var dialect = dialectOption ?? migrations.Manifest.Dialect
                ?? throw new UsageException("the migrations do not say which database they are for; add --dialect postgres or --dialect mysql (MySQL 8), or --dialect mariadb.");
            return new DatabaseOptions(migrations, connection, dialect) { Folder = reading?.Set };
        }
    }
}
