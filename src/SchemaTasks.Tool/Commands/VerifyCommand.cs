using System.Reflection;
using SchemaTasks.Checking;
using SchemaTasks.MySql.Checking;
using SchemaTasks.Npgsql.Checking;
using SchemaTasks.Verification;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks verify</c>: checks a live database against a build's migrations, for a deploy
/// pipeline. Exit 0 healthy, 1 problems found, 2 usage, 3 the database cannot be reached or read.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Where the connection string comes from when <c>--connection</c> is not given: keeps it out of the process list and shell history.</summary>
    public const string ConnectionVariable = "SCHEMATASKS_CONNECTION";

    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dialect = OptionParsing.Dialect(arguments.Option("dialect"));
        var connection = arguments.Option("connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        var folder = arguments.Option("migrations");
        var assemblyPath = arguments.Option("assembly");
        var layout = OptionParsing.Layout(arguments.Option("layout"));
        var options = new SchemaCheckOptions
        {
            HistoryKind = History(arguments.Option("history")),
            HistorySchema = arguments.Option("history-schema"),
            HistoryTable = arguments.Option("history-table"),
        };
        var json = Format(arguments.Option("format"));
        arguments.RejectUnknown();

        if (arguments.Positional.Count > 0) throw new UsageException($"unexpected argument '{arguments.Positional[0]}'.");
        if ((folder is null) == (assemblyPath is null)) throw new UsageException("give the migrations with either --migrations <dir> or --assembly <dll>.");
        if (string.IsNullOrWhiteSpace(connection)) throw new UsageException($"give the database with --connection <connection string>, or set {ConnectionVariable}.");
        if (assemblyPath is not null && layout is not null) throw new UsageException("--layout applies to --migrations; an assembly records its layout.");

        ExpectedSchema expected;
        if (assemblyPath is not null)
        {
            expected = ExpectedSchema.FromAssembly(Assembly.LoadFrom(Path.GetFullPath(assemblyPath)));
        }
        else if (MigrationFolder.Read(folder!, OptionParsing.Settings(layout, dialect), error) is { } reading)
        {
            expected = ExpectedSchema.FromFolder(reading);
        }
        else
        {
            return ExitCodes.ProblemsFound;
        }

        var report = (dialect ?? expected.Dialect) switch
        {
            SqlDialect.Postgres => await PostgresSchemaCheck.VerifyAsync(expected, connection, options, cancellationToken),
            _ => await MySqlSchemaCheck.VerifyAsync(expected, connection, options, cancellationToken),
        };

        await output.WriteAsync(json ? report.ToJson() : report.ToText());
        return report.IsHealthy ? ExitCodes.Success : ExitCodes.ProblemsFound;
    }

    private static MigrationHistoryKind? History(string? text)
    {
        if (text is null) return null;
        return MigrationHistoryKinds.TryParse(text, out var kind)
            ? kind
            : throw new UsageException($"--history is '{text}'; use prisma, golang-migrate, flyway, dbmate, efcore, dbup or schematasks.");
    }

    private static bool Format(string? text) => text switch
    {
        null or "text" => false,
        "json" => true,
        _ => throw new UsageException($"--format is '{text}'; use text or json."),
    };
}
