using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>Reads the <c>--layout</c> and <c>--dialect</c> options with the names the build properties use.</summary>
internal static class OptionParsing
{
    public static MigrationLayout? Layout(string? text)
    {
        if (text is null) return null;
        return MigrationLayoutNames.TryParse(text, out var layout)
            ? layout
            : throw new UsageException($"--layout is '{text}'; use prisma, golang-migrate, flyway, dbmate or plain.");
    }

    public static SqlDialect? Dialect(string? text)
    {
        if (text is null) return null;
        return SqlDialectNames.TryParse(text, out var dialect)
            ? dialect
            : throw new UsageException($"--dialect is '{text}'; use postgres, mysql (MySQL 8) or mariadb.");
    }
}
