using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>
/// The migrations a database command works with: <c>--assembly &lt;dll&gt;</c> (verified against its
/// manifest) or <c>--migrations &lt;dir&gt;</c> (read as a build would embed it).
/// </summary>
internal static class MigrationSource
{
    /// <summary>Reads the options; <see langword="null"/> when the folder has errors, which are printed.</summary>
    public static EmbeddedMigrations? Load(string? assemblyPath, string? folder, MigrationLayout? layout, SqlDialect? dialect, TextWriter error)
        => Load(assemblyPath, folder, layout, dialect, error, out _);

    /// <summary>Reads the options, and gives the folder's reading (<see langword="null"/> for an assembly) for a check of its SQL.</summary>
    public static EmbeddedMigrations? Load(string? assemblyPath, string? folder, MigrationLayout? layout, SqlDialect? dialect, TextWriter error, out MigrationFolderReading? reading)
    {
        reading = null;
        if ((assemblyPath is null) == (folder is null))
        {
            throw new UsageException("give either --migrations <dir> or --assembly <dll>.");
        }

        if (assemblyPath is not null)
        {
            if (layout is not null) throw new UsageException("--layout applies to --migrations; an assembly records its layout.");
            return EmbeddedMigrations.LoadFile(assemblyPath);
        }

        reading = CommandLineMigrationFolder.Read(folder!, OptionParsing.Settings(layout, dialect), error);
        return reading is null ? null : EmbeddedMigrations.FromFolder(reading);
    }
}
