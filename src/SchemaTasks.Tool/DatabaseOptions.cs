using System.Globalization;
using SchemaTasks.Migrating;
using SchemaTasks.MySql;
using SchemaTasks.Npgsql;

namespace SchemaTasks.Tool;

/// <summary>The options every database command shares: the migrations, the connection, the dialect.</summary>
internal sealed record DatabaseOptions(EmbeddedMigrations Migrations, string ConnectionString, SqlDialect Dialect)
{
    /// <summary>Where the connection string comes from when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "SCHEMATASKS_CONNECTION";

    /// <summary>
    /// Reads <c>--migrations</c>/<c>--assembly</c>, <c>--layout</c>, <c>--dialect</c> and
    /// <c>--connection</c>; <see langword="null"/> when the migrations folder has errors (printed).
    /// Reads every option it knows before failing, so a typo is reported as such.
    /// </summary>
    public static DatabaseOptions? Read(Arguments arguments, TextWriter error, Action<Arguments>? readMore = null)
    {
        var assembly = arguments.Option("assembly");
        var folder = arguments.Option("migrations");
        var layout = OptionParsing.Layout(arguments.Option("layout"));
        var dialectOption = OptionParsing.Dialect(arguments.Option("dialect"));
        var connection = arguments.Option("connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        readMore?.Invoke(arguments);
        arguments.RejectUnknown();
        if (arguments.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{arguments.Positional[0]}'.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new UsageException($"give the database with --connection <connection string> or the {ConnectionVariable} environment variable.");
        }

        var migrations = MigrationSource.Load(assembly, folder, layout, dialectOption, error);
        if (migrations is null)
        {
            return null;
        }

        var dialect = dialectOption ?? migrations.Manifest.Dialect
            ?? throw new UsageException("the migrations do not say which database they are for; add --dialect postgres or --dialect mysql (MySQL 8), or --dialect mariadb.");
        return new DatabaseOptions(migrations, connection, dialect);
    }

    /// <summary>Where the connection points, without the password.</summary>
    public string Describe() => Dialect == SqlDialect.Postgres
        ? PostgresConnectionInfo.Describe(ConnectionString)
        : MySqlConnectionInfo.Describe(ConnectionString);

    /// <summary>Reads <c>--lock-timeout &lt;seconds&gt;</c>.</summary>
    public static TimeSpan? LockTimeout(string? text)
    {
        if (text is null) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--lock-timeout is '{text}'; give a number of seconds, such as 60.");
    }

    /// <summary>The options a migrator run takes.</summary>
    public static MigrateOptions MigrateOptions(TimeSpan? lockTimeout) =>
        lockTimeout is { } wait ? new MigrateOptions { LockTimeout = wait } : new MigrateOptions();
}
