using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Build;

/// <summary>The layout and dialect properties, parsed, with a clear error for an unknown name.</summary>
internal sealed record BuildSettings(MigrationLayout? Layout, SqlDialect? Dialect)
{
    public static BuildSettings? Read(string? layoutText, string? dialectText, DiagnosticLogger diagnostics)
    {
        MigrationLayout? layout = null;
        if (!string.IsNullOrWhiteSpace(layoutText))
        {
            if (!MigrationLayoutNames.TryParse(layoutText, out var parsed))
            {
                diagnostics.Report(SchemaDiagnostic.Error(
                    DiagnosticCodes.UnknownSetting,
                    $"SchemaMigrationsLayout is '{layoutText}'; use one of prisma, golang-migrate, flyway, dbmate, plain, or leave it empty to detect the layout."));
                return null;
            }

            layout = parsed;
        }

        SqlDialect? dialect = null;
        if (!string.IsNullOrWhiteSpace(dialectText))
        {
            if (!SqlDialectNames.TryParse(dialectText, out var parsed))
            {
                diagnostics.Report(SchemaDiagnostic.Error(
                    DiagnosticCodes.UnknownSetting,
                    $"SchemaDialect is '{dialectText}'; use postgres, mysql (MySQL 8) or mariadb."));
                return null;
            }

            dialect = parsed;
        }

        return new BuildSettings(layout, dialect);
    }
}
