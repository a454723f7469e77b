using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks.Build;

/// <summary>
/// Reads the migrations folder in its layout, and writes the checksum manifest and the list
/// of files the targets embed. All decisions are made by <see cref="MigrationDiscovery"/>;
/// this task only moves files and diagnostics between MSBuild and the core.
/// </summary>
public sealed class GenerateSchemaManifest : Microsoft.Build.Utilities.Task
{
    /// <summary>The migrations folder (full path).</summary>
    [Required]
    public string MigrationsDirectory { get; set; } = "";

    /// <summary>Every file of the folder that may be a migration or a layout marker.</summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The layout (<c>SchemaMigrationsLayout</c>); empty to detect it.</summary>
    public string? Layout { get; set; }

    /// <summary>The dialect (<c>SchemaDialect</c>); empty to take it from the layout's marker.</summary>
    public string? Dialect { get; set; }

    /// <summary>Where to write the manifest.</summary>
    [Required]
    public string ManifestFile { get; set; } = "";

    /// <summary>Where to write the relative paths of the migrations to embed, one per line.</summary>
    [Required]
    public string EmbedListFile { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticLogger(Log, MigrationsDirectory);
        var settings = BuildSettings.Read(Layout, Dialect, diagnostics);
        if (settings is null)
        {
            return false;
        }

        var files = Files
            .Select(item => item.GetMetadata("FullPath"))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new MigrationSourceFile(RelativePath(path), File.ReadAllText(path)))
            .ToList();

        var result = MigrationDiscovery.Discover(files, settings.Layout);
        diagnostics.Report(result.Diagnostics);
        if (result.Set is null || Log.HasLoggedErrors)
        {
            return false;
        }

        var manifest = MigrationManifest.From(result.Set, settings.Dialect);
        OutputFile.Write(ManifestFile, ManifestJson.Write(manifest));
        OutputFile.Write(EmbedListFile, string.Concat(manifest.Migrations.Select(m => m.Path + "\n")));

        Log.LogMessage(
            MessageImportance.Normal,
            "SchemaTasks: {0} migration(s) in the {1} layout from '{2}'.",
            manifest.Migrations.Count,
            manifest.Layout.ToName(),
            MigrationsDirectory);
        return true;
    }

    private string RelativePath(string fullPath)
        => Path.GetRelativePath(MigrationsDirectory, fullPath).Replace('\\', '/');
}
