using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>Reads a migrations folder through the core's one reader, as the build does, and prints what it found.</summary>
internal static class CommandLineMigrationFolder
{
    /// <summary>
    /// The folder, or <see langword="null"/> when it has errors; every finding is printed, the files
    /// no layout rule read among them. A missing dialect is a usage error: the command line must change.
    /// </summary>
    public static MigrationFolderReading? Read(string folder, MigrationFolderSettings settings, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"the migrations folder '{folder}' does not exist.");
        }

        var reading = MigrationFolderReader.Read(folder, settings);
        var dialectRequired = reading.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.DialectRequired);
        DiagnosticWriter.Write(reading.Diagnostics.Where(d => d != dialectRequired), folder, error);
        if (dialectRequired is not null)
        {
            throw new SchemaTasksException(dialectRequired.Code, dialectRequired.Message);
        }

        return reading.Set is null ? null : reading;
    }
}
