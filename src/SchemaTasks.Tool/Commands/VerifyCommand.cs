using System.CommandLine;
using SchemaTasks.Verification;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Npgsql.Verification;

namespace SchemaTasks.Tool.Commands;

/// <summary>
/// <c>schematasks verify</c>: checks a live database against a build's migrations, for a deploy
/// pipeline. Exit 0 healthy, 1 problems found, 2 usage, 3 the database cannot be reached or read.
/// </summary>
internal static class VerifyCommand
{
    private static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.Ordinal) { ["text"] = ReportFormat.Text, ["json"] = ReportFormat.Json };

    // An enum, not a bool: System.CommandLine treats a bool option as a flag that takes no word.
    private enum ReportFormat
    {
        Text,
        Json,
    }

    public static Command Create()
    {
        var database = new DatabaseOptions.Symbols();
        var history = new Option<MigrationHistoryKind?>("--history")
        {
            HelpName = "prisma|golang-migrate|flyway|dbmate|goose|sqlx|drizzle|atlas|evolve|liquibase|sql-migrate|efcore|dbup|schematasks",
            Description = "Whose history table to read; by default the one the layout names.",
            CustomParser = HistoryOptions.ParseAny,
        };
        var historySchema = new Option<string?>("--history-schema")
        {
            HelpName = "schema",
            Description = "The schema (MySQL: database) of the history table, when not the connection's.",
            CustomParser = r => HistoryIdentifier.Parse(r, "schema"),
        };
        var historyTable = ToolOptions.HistoryTable();
        var placeholders = ToolOptions.FlywayPlaceholders();
        var popOptions = ToolOptions.PopOptions();
        var format = new Option<ReportFormat?>("--format")
        {
            HelpName = "text|json",
            Description = "The report's format; text when left out.",
            CustomParser = r => OptionParsing.Choice(r, Formats, "use text or json."),
        };
        var command = new Command("verify", "Check a live database against the migrations: pending, failed, edited and unknown migrations, and live enum / CHECK values.");
        database.AddTo(command);
        command.Add(history);
        command.Add(historySchema);
        command.Add(historyTable);
        command.Add(placeholders);
        command.Add(popOptions);
        command.Add(format);
        CommandFailures.SetAction(command, async (parse, output, error, cancellationToken) =>
        {
            var options = new SchemaCheckOptions
            {
                HistoryKind = parse.GetValue(history),
                HistorySchema = parse.GetValue(historySchema),
                HistoryTable = parse.GetValue(historyTable),
            };
            return await RunAsync(parse, database, options, parse.GetValue(placeholders), parse.GetValue(popOptions), parse.GetValue(format) == ReportFormat.Json, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, DatabaseOptions.Symbols database, SchemaCheckOptions options, string[]? placeholders, string[]? popOptions, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var folder = parse.GetValue(database.Migrations);
        var assemblyPath = parse.GetValue(database.Assembly);
        var layout = parse.GetValue(database.Layout);
        var dialect = parse.GetValue(database.Dialect);
        if ((folder is null) == (assemblyPath is null)) throw new UsageException("give the migrations with either --migrations <dir> or --assembly <dll>.");
        var connection = database.ConnectionString(parse);
        if (assemblyPath is not null && layout is not null) throw new UsageException("--layout applies to --migrations; an assembly records its layout.");

        ExpectedSchema expected;
        if (assemblyPath is not null)
        {
            expected = ExpectedSchema.FromEmbedded(EmbeddedMigrations.LoadFile(assemblyPath));
        }
        // The table verify reads is also the one the folder's migrations may change (snapshot --history-table).
        else if (CommandLineMigrationFolder.Read(folder!, ToolOptions.WithPopOptions(ToolOptions.WithPlaceholders(OptionParsing.Settings(layout, dialect) with { HistoryTable = options.HistoryTable }, placeholders), popOptions), error) is { } reading)
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
}
