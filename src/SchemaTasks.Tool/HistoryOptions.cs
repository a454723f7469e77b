using System.CommandLine;
using System.CommandLine.Parsing;
using SchemaTasks.Verification;

namespace SchemaTasks.Tool;

/// <summary>The <c>--history</c> option of the commands that read or write a migration history table.</summary>
internal static class HistoryOptions
{
    /// <summary>
    /// <c>--history</c> for <c>migrate</c> and <c>status</c>: <c>schematasks_history</c> by default, or
    /// the table of a tool whose rows the migrator writes.
    /// </summary>
    public static Option<MigrationHistoryKind> WrittenByMigrator(string description) => new("--history")
    {
        HelpName = "schematasks|prisma|golang-migrate|dbmate|goose|sqlx|drizzle|sql-migrate",
        Description = description,
        CustomParser = ParseWritten,
        DefaultValueFactory = _ => MigrationHistoryKind.SchemaTasks,
    };

    /// <summary>Any tool's history kind, as <c>verify --history</c> reads it; <see langword="null"/> when the option is absent.</summary>
    public static MigrationHistoryKind? ParseAny(ArgumentResult result)
    {
        var text = OptionParsing.Token(result);
        if (text is null) return null;
        if (MigrationHistoryKinds.TryParse(text, out var kind)) return kind;
        result.AddError($"--history is '{ShownValue.Of(text)}'; use prisma, golang-migrate, flyway, dbmate, goose, sqlx, drizzle, atlas, evolve, liquibase, sql-migrate, efcore, dbup or schematasks.");
        return null;
    }

    // Only the tools whose tables the migrator writes; the others' are written by the tools themselves.
    private static MigrationHistoryKind ParseWritten(ArgumentResult result)
    {
        var text = OptionParsing.Token(result);
        if (text is null) return MigrationHistoryKind.SchemaTasks;
        var known = MigrationHistoryKinds.TryParse(text, out var kind);
        if (known && kind.IsWritableByMigrator()) return kind;
        var why = known ? $" The migrator does not write {kind.ToName()}'s history; {kind.ToName()} itself applies its migrations." : string.Empty;
        result.AddError($"--history is '{ShownValue.Of(text)}'; use schematasks, prisma, golang-migrate, dbmate, goose, sqlx, drizzle or sql-migrate.{why}");
        return MigrationHistoryKind.SchemaTasks;
    }
}
