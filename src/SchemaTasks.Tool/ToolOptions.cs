using System.CommandLine;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>The options several commands share, each made new per command, with its parser and help text.</summary>
internal static class ToolOptions
{
    public static Option<string?> Migrations() => new("--migrations")
    {
        HelpName = "dir",
        Description = "The migrations folder, read as a build would embed it.",
        CustomParser = r => OptionParsing.ExistingFolder(r, "migrations folder"),
    };

    public static Option<string?> Assembly() => new("--assembly")
    {
        HelpName = "dll",
        Description = "An assembly the build embedded the migrations into; their checksums are verified. The file is read, not loaded.",
        CustomParser = r => OptionParsing.ExistingFile(r, "assembly"),
    };

    public static Option<MigrationLayout?> Layout() => new("--layout")
    {
        HelpName = "prisma|golang-migrate|flyway|dbmate|goose|sqlx|drizzle|atlas|liquibase|diesel|pop|sql-migrate|plain",
        Description = "The folder's layout; detected when left out.",
        CustomParser = OptionParsing.Layout,
    };

    public static Option<SqlDialect?> Dialect() => new("--dialect")
    {
        HelpName = "postgres|mysql|mariadb",
        Description = "The SQL dialect of the migrations, when the layout does not say.",
        CustomParser = OptionParsing.Dialect,
    };

    /// <summary>
    /// <c>--history-table</c>: the name the folder's tool is configured to keep its history under.
    /// <c>verify</c> reads that table; <c>snapshot</c> lets migrations change it, as they may the default one.
    /// </summary>
    public static Option<string?> HistoryTable() => new("--history-table")
    {
        HelpName = "table",
        Description = "The history table's name, when the tool is configured with another than its default (Flyway's table setting).",
        CustomParser = r => HistoryIdentifier.Parse(r, "table"),
    };

    /// <summary>
    /// <c>--placeholder name=value</c>, repeated: the values Flyway is given for the placeholders
    /// (<c>${name}</c>) its migrations hold, as <c>SchemaFlywayPlaceholders</c> gives them to the build.
    /// </summary>
    public static Option<string[]> FlywayPlaceholders() => new("--placeholder")
    {
        HelpName = "name=value",
        Description = "A Flyway placeholder's value, as Flyway is given it (placeholders.<name>); repeat for each one.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The folder settings with the <c>--placeholder</c> values.</summary>
    /// <exception cref="UsageException">A value that is not <c>name=value</c>.</exception>
    public static MigrationFolderSettings WithPlaceholders(MigrationFolderSettings settings, string[]? pairs)
    {
        if (pairs is not { Length: > 0 }) return settings;
        var values = FlywayPlaceholderSettings.ParseValues(pairs, "--placeholder", out var problem) ?? throw new UsageException(problem!.Message);
        return settings with { FlywayPlaceholders = settings.FlywayPlaceholders with { Values = values } };
    }

    /// <summary>
    /// <c>--pop-option name=value</c>, repeated: the connection options pop is given, which it
    /// renders into its migrations (<c>{{ index .Options "name" }}</c>), as <c>SchemaPopOptions</c>
    /// gives them to the build.
    /// </summary>
    public static Option<string[]> PopOptions() => new("--pop-option")
    {
        HelpName = "name=value",
        Description = "A pop connection option's value, which pop renders into its migrations ({{ index .Options \"name\" }}); repeat for each one.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The folder settings with the <c>--pop-option</c> values.</summary>
    /// <exception cref="UsageException">A value that is not <c>name=value</c>.</exception>
    public static MigrationFolderSettings WithPopOptions(MigrationFolderSettings settings, string[]? pairs)
    {
        if (pairs is not { Length: > 0 }) return settings;
        var values = MigrationFolderSettings.ParsePopOptions(pairs, "--pop-option", out var problem) ?? throw new UsageException(problem!.Message);
        return settings with { PopOptions = values };
    }

    public static Option<string?> Connection() => new("--connection")
    {
        HelpName = "connection string",
        Description = $"The database; defaults to the {DatabaseOptions.ConnectionVariable} environment variable, which keeps it out of the process list and shell history.",
        CustomParser = OptionParsing.Token,
    };

    public static Option<TimeSpan?> LockTimeout() => new("--lock-timeout")
    {
        HelpName = "seconds",
        Description = "How long to wait for another migrator's lock before giving up.",
        CustomParser = OptionParsing.Seconds,
    };

    public static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = OptionParsing.Flag,
    };
}
