using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Reads a migrations folder: the one place the build, the <c>schematasks</c> tool and the
/// runtime turn a folder into migrations, a dialect and diagnostics. It lists the files
/// (following each symbolic link once), reads them in the folder's layout
/// (<see cref="MigrationDiscovery"/>), and checks the dialect set against the one the layout
/// declares.
/// </summary>
public static class MigrationFolderReader
{
    /// <summary>Reads the folder at <paramref name="directory"/> and its subfolders.</summary>
    /// <param name="directory">The migrations folder.</param>
    /// <param name="settings">The layout and dialect, if set.</param>
    public static MigrationFolderReading Read(string directory, MigrationFolderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        settings ??= new MigrationFolderSettings();
        var diagnostics = new List<SchemaDiagnostic>();
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.MigrationsDirectoryMissing,
                $"The migrations folder '{directory}' does not exist. Create it, or name the folder that holds the migrations."));
            return new MigrationFolderReading(null, null, [], diagnostics);
        }

        var files = MigrationFolderWalk.Read(directory, diagnostics);
        return Read(files, settings, diagnostics, directory);
    }

    /// <summary>Reads files already in memory, as if they were a folder's.</summary>
    /// <param name="files">The files, paths relative to the folder with <c>/</c> separators.</param>
    /// <param name="settings">The layout and dialect, if set.</param>
    public static MigrationFolderReading ReadFiles(IReadOnlyList<MigrationSourceFile> files, MigrationFolderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Read(files, settings ?? new MigrationFolderSettings(), [], directory: null);
    }

    private static MigrationFolderReading Read(IReadOnlyList<MigrationSourceFile> files, MigrationFolderSettings settings, List<SchemaDiagnostic> diagnostics, string? directory)
    {
        var discovery = MigrationDiscovery.Discover(files, settings.Layout, settings.Names, settings.Dialect, new FlywayReading(settings.FlywayPlaceholders, settings.HistoryTable), settings.PopOptions);
        diagnostics.AddRange(discovery.Diagnostics);
        if (discovery.Set is not { } set || SchemaDiagnostic.AnyError(diagnostics))
        {
            return new MigrationFolderReading(null, null, files, diagnostics);
        }

        var names = settings.Names;
        // Prisma's "mysql" provider, as drizzle-kit's "mysql" dialect, serves MySQL and MariaDB
        // alike: a mariadb setting refines it, it does not conflict.
        if (settings.Dialect is { } chosen && set.Dialect is { } declared && chosen != declared && !(chosen.IsMySqlFamily() && declared.IsMySqlFamily()))
        {
            var declaredIn = set.Layout == MigrationLayout.Drizzle ? DrizzleJournal.Path : MigrationDiscovery.PrismaLockFile;
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.DialectConflict,
                $"{names.Dialect} is {chosen.ToName()} but the {set.Layout.ToName()} layout declares {declared.ToName()} (in {declaredIn}). Remove {names.Dialect}, or correct it.",
                declaredIn));
            return new MigrationFolderReading(null, null, files, diagnostics);
        }

        var dialect = settings.Dialect ?? set.Dialect;
        if (dialect is null && settings.RequireDialect && set.Migrations.Count > 0)
        {
            var where = directory is null ? "" : $" in '{directory}'";
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.DialectRequired,
                $"SchemaTasks cannot tell which SQL dialect the {set.Layout.ToName()} migrations{where} are written in. {names.HowToSetDialect}"));
            return new MigrationFolderReading(null, null, files, diagnostics);
        }

        if (!string.IsNullOrWhiteSpace(settings.HistoryTable)) set = set with { HistoryTable = settings.HistoryTable.Trim() };
        return new MigrationFolderReading(set, dialect, files, diagnostics);
    }
}
