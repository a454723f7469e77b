using Microsoft.Build.Framework;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Build;

/// <summary>The migrations folder as both tasks read it: its files, in the layout the properties ask for.</summary>
internal static class MigrationFolder
{
    /// <summary>The folder's migrations, or <see langword="null"/> after reporting why they cannot be read.</summary>
    public static (MigrationSet? Set, SqlDialect? Dialect) Read(string directory, ITaskItem[] files, BuildSettings settings, DiagnosticLogger diagnostics)
    {
        var sources = files
            .Select(item => item.GetMetadata("FullPath"))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new MigrationSourceFile(Path.GetRelativePath(directory, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();

        var discovery = MigrationDiscovery.Discover(sources, settings.Layout);
        diagnostics.Report(discovery.Diagnostics);
        if (discovery.Set is not { } set || discovery.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return (null, null);
        }

        // Prisma's "mysql" provider serves MySQL and MariaDB alike: SchemaDialect=mariadb refines it, it does not conflict.
        if (settings.Dialect is { } chosen && set.Dialect is { } declared && chosen != declared && !(chosen.IsMySqlFamily() && declared.IsMySqlFamily()))
        {
            diagnostics.Report(SchemaDiagnostic.Error(
                DiagnosticCodes.DialectConflict,
                $"SchemaDialect is {chosen.ToName()} but the {set.Layout.ToName()} layout declares {declared.ToName()} (in {MigrationDiscovery.PrismaLockFile}). Remove SchemaDialect, or correct it."));
            return (null, null);
        }

        var dialect = settings.Dialect ?? set.Dialect;
        if (dialect is null && set.Migrations.Count > 0)
        {
            diagnostics.Report(SchemaDiagnostic.Error(
                DiagnosticCodes.DialectRequired,
                $"SchemaTasks cannot tell which SQL dialect the {set.Layout.ToName()} migrations in '{directory}' are written in. Set <SchemaDialect>postgres</SchemaDialect>, <SchemaDialect>mysql</SchemaDialect> (MySQL 8) or <SchemaDialect>mariadb</SchemaDialect> in the project file."));
            return (null, null);
        }

        return (set, dialect);
    }
}
